/**
 * Island of "Turning a feature up". The server render (and the first client render) shows the build-time
 * result of seed 0; α, the method and the comparison are read from the result on screen at once, and another
 * seed is trained in the lab's Web Worker (a few seconds), with progress and a Cancel button.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FigureIslandProps } from '../contract.ts';
import { SteadyButton } from '../shared/SteadyButton.tsx';
import { ParamControl, ParamControls } from '../shared/Controls.tsx';
import { FigureNote, FigureStatus } from '../shared/FigureStatus.tsx';
import { PresetLinks } from '../shared/PresetLinks.tsx';
import { TextAlternative } from '../shared/TextAlternative.tsx';
import { useAnnouncer } from '../shared/use-announcer.ts';
import { useFigureParams } from '../shared/use-figure-params.ts';
import { runFraction, sameRun, useLabRun } from '../shared/use-lab-run.ts';
import { fixed2, integer } from '../shared/format.ts';
import '../shared/figure.css';
import './style.css';
import { comparisonName, seriesName } from './describe.ts';
import figure from './figure.ts';
import { LatentProfile } from './LatentProfile.tsx';
import { SampleList, TopicKey } from './Samples.tsx';
import { alphaIndex, presets, snapAlpha } from './settings.ts';
import { SweepChart } from './SweepChart.tsx';

const createWorker = () => new Worker(new URL('../lab.worker.ts', import.meta.url), { type: 'module' });

type Wanted = { seed: number };

/** Labels the run button also shows: it keeps the width of the longest, so nothing beside it moves. */
const runLabels = ['Cancel training', 'Train the next seed'];

export default function FeatureSteering({ anchor }: FigureIslandProps) {
  const { params, data } = figure;
  const state = useFigureParams(params, anchor);
  const values = state.values;
  const run = useLabRun<'steering', Wanted>(createWorker, 'steering', data.result);
  const [message, announce] = useAnnouncer();
  const [stopped, setStopped] = useState(false);
  const wanted: Wanted = { seed: values.seed };

  useEffect(() => {
    if (!state.hydrated || stopped) return;
    const timer = setTimeout(() => run.want(wanted), state.source === 'reader' ? 350 : 0);
    return () => clearTimeout(timer);
  }, [state.hydrated, values.seed, stopped]);

  const status = run.lab.state.status;
  const running = status === 'running';
  const wasRunning = useRef(false);
  useEffect(() => {
    if (running === wasRunning.current) return;
    wasRunning.current = running;
    if (running) announce(`Training seed ${values.seed} started.`);
    else if (status === 'cancelled') announce('Training cancelled; the figure shows the last finished result.');
    else if (status === 'error') announce('Training failed; the figure shows the last finished result.');
    else announce(`Seed ${run.shown.params.seed} trained: held-out loss ${fixed2(run.shown.heldOutLoss)} nats per word.`);
  }, [running, status]);

  const result = run.shown;
  const i = alphaIndex(values.alpha, result.alphas);
  const alpha = result.alphas[i]!;
  const method = values.method;
  const comparison = values.comparison;
  const steered = result.samples[method][i]!;
  const control = comparison === 'prompt' ? result.promptSamples : result.samples[comparison][i]!;
  const shown = useMemo(() => ({ ...data, result }), [result]);
  const highlighted = comparison === 'prompt' ? [method] : [method, comparison];
  const chart = useMemo(() => <SweepChart result={result} highlighted={highlighted} alphaIndex={i} />, [result, i, method, comparison]);

  const disabled = !state.hydrated;
  const shownMatches = sameRun(result.params, wanted);
  const progress = run.lab.state.status === 'running' ? run.lab.state.progress : undefined;
  const origin = run.atBuildTime ? 'trained when this page was built' : 'trained in your browser';
  const statusText = running
    ? progress
      ? `Training seed ${values.seed} in a background worker: language model step ${integer(progress.step)} of ${integer(progress.steps)}, then the SAE and the samples.`
      : `Training seed ${values.seed} in a background worker…`
    : `${status === 'cancelled' ? 'Training cancelled. ' : status === 'error' ? 'Training failed. ' : ''}Seed ${result.params.seed}, ${origin}: held-out loss ${fixed2(result.heldOutLoss)} nats per word (the grammar’s own entropy is ${fixed2(result.grammarEntropy)}).${shownMatches ? '' : ' Other settings are waiting: press Train.'}`;

  return (
    <div class="fig fs" data-hydrated={state.hydrated ? 'true' : 'false'} data-training={running ? 'true' : 'false'}>
      <div class="fig__stage fs__stage">
        <div class="fs__columns">
          <SampleList heading={`Steered: ${seriesName[method]}, α = ${alpha}`} sentences={steered} />
          <SampleList heading={comparison === 'prompt' ? 'Prompted with “the bridge”, no steering' : `Control: ${seriesName[comparison]}, α = ${alpha}`} sentences={control} />
        </div>
        <p class="fig__legend">
          Topic words carry their topic’s initial and an underline: <TopicKey />. Other words are shared by all topics. A synthetic grammar and a model with a few thousand parameters: a toy, not a language model you know.
        </p>
        {chart}
        <LatentProfile latent={result.chosen[method]} title={`Clamped, ${seriesName[method]}`} />
        <FigureNote problems={state.problems} onDismiss={state.dismissProblems} />
      </div>
      <div class="fs__training">
        <progress class="fs__bar" max={1} value={runFraction(run.lab.state)} aria-label="Training progress" />
        <p class="fs__status-text">{statusText}</p>
        {running ? (
          <SteadyButton label="Cancel training" labels={runLabels} onClick={() => { setStopped(true); run.stop(); }} />
        ) : shownMatches ? (
          <SteadyButton label="Train the next seed" labels={runLabels} disabled={disabled} onClick={() => { setStopped(false); state.update({ seed: values.seed >= params.seed.max ? 0 : values.seed + 1 }); }} />
        ) : (
          <SteadyButton label={`Train seed ${values.seed}`} labels={runLabels} disabled={disabled} onClick={() => { setStopped(false); run.train(wanted); }} />
        )}
      </div>
      <PresetLinks label="Presets: shareable links to each experiment" presets={presets} anchor={anchor} params={params} values={values} base={values} hydrated={!disabled}
        onChoose={(chosen) => { setStopped(false); state.update(chosen); }} />
      <ParamControls anchor={anchor} decls={params} values={values} disabled={disabled} onChange={() => undefined} only={[]} label={`Controls of ${figure.title}`}>
        <ParamControl idPrefix={`${anchor}-alpha`} decl={params.alpha} value={alpha} disabled={disabled}
          format={(a) => `α = ${a}`} onChange={(a) => state.update({ alpha: snapAlpha(a, alpha, result.alphas) })} />
        {(['method', 'comparison', 'seed'] as const).map((name) => (
          <ParamControl key={name} idPrefix={`${anchor}-${name}`} decl={params[name]} value={values[name] as never} disabled={disabled}
            onChange={(value) => { setStopped(false); state.update({ [name]: value }); }} />
        ))}
      </ParamControls>
      <p class="fs__comparison fig__legend">Compared with {comparisonName[comparison]}.</p>
      <FigureStatus hydrated={state.hydrated} source={state.source} atDefaults={state.atDefaults} announcement={message} onReset={state.reset} />
      <TextAlternative figure={figure} values={values} shown={shown} atDefaults={run.atBuildTime && state.atDefaults} />
    </div>
  );
}
