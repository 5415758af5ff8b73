/**
 * Island of the "Persona shift" figure. The server render (and the first client render) draws the build-time
 * run at the defaults; after hydration the address's settings apply, and any other voices, request, variant or
 * seed are trained in the lab's Web Worker (about a second), with progress and Cancel. The two sliders only
 * pick points of the shown run's grids, so they answer at once.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { PersonaShiftResult } from '../../lab/persona-shift/model.ts';
import type { FigureIslandProps } from '../contract.ts';
import { ParamControl, ParamControls } from '../shared/Controls.tsx';
import { FigureNote, FigureStatus } from '../shared/FigureStatus.tsx';
import { integer, fixed2, lossFormat } from '../shared/format.ts';
import { LossCurve } from '../shared/LossCurve.tsx';
import { PresetLinks } from '../shared/PresetLinks.tsx';
import { TextAlternative } from '../shared/TextAlternative.tsx';
import { useAnnouncer } from '../shared/use-announcer.ts';
import { useFigureParams } from '../shared/use-figure-params.ts';
import { sameRun, useLabRun, type LabRun } from '../shared/use-lab-run.ts';
import { SteadyButton } from '../shared/SteadyButton.tsx';
import { defaultValues } from '../../lib/url-state.ts';
import '../shared/figure.css';
import './style.css';
import { CosineBars } from './CosineBars.tsx';
import { headline, settingsText } from './describe.ts';
import figure from './figure.ts';
import { GridSlider } from './GridSlider.tsx';
import { realignDomain, realignedRates, steeredRates } from './measures.ts';
import { RateBars, type RateRow } from './RateBars.tsx';
import { RateCurve } from './RateCurve.tsx';
import { labParams, presets, type LabParams, type Settings } from './settings.ts';

const defaults = defaultValues(figure.params);

const createWorker = () => new Worker(new URL('../lab.worker.ts', import.meta.url), { type: 'module' });

type Run = LabRun<'persona-shift', LabParams>;

/** Share of the bar for pretraining; fine-tuning and the grids fill the rest. */
const pretrainingShare = 0.8;

function runProgress(run: Run): { fraction: number; text: string } | undefined {
  const s = run.lab.state;
  if (s.status !== 'running') return undefined;
  const p = s.progress;
  if (!p) return { fraction: 0, text: 'Starting to train…' };
  if (p.metrics.phase === 'pretraining') {
    return { fraction: (pretrainingShare * p.step) / p.steps, text: `Pretraining the voices: step ${integer(p.step)} of ${integer(p.steps)}, loss ${lossFormat(p.loss)}` };
  }
  return { fraction: pretrainingShare + (1 - pretrainingShare) * 0.5, text: `Fine-tuning on harmful code, then measuring, steering and re-aligning (loss ${lossFormat(p.loss)})` };
}

/** The line under the training bar: where the shown result came from. */
function originText(run: Run, wanted: LabParams, buildTime: PersonaShiftResult): string {
  const s = run.lab.state;
  const stale = sameRun(s.result.params, wanted) ? '' : ' The panels show the last finished run, for other settings.';
  const outcome = s.status === 'cancelled' ? 'Training cancelled. ' : s.status === 'error' ? `Training failed (${s.message}). ` : '';
  const corrections = s.status === 'done' && s.corrections.length > 0 ? ` The lab adjusted: ${s.corrections.join('; ')}.` : '';
  const origin = s.result === buildTime ? 'Trained when this page was built, at the default settings; change a control to train in your browser.' : `Trained in your browser, seed ${s.result.params.seed}.`;
  return `${outcome}${origin}${stale}${corrections}`;
}

/** Every label the run button can show: it is as wide as the longest, so nothing beside it moves. */
const runLabels = ['Cancel training', 'Train again with a new seed'] as const;

export default function PersonaShift({ anchor }: FigureIslandProps) {
  const { params, data } = figure;
  const state = useFigureParams(params, anchor);
  const values = state.values;
  const run = useLabRun<'persona-shift', LabParams>(createWorker, 'persona-shift', data.result);
  const [message, announce] = useAnnouncer();
  const wanted = labParams(values);
  const key = JSON.stringify(wanted);

  useEffect(() => {
    if (!state.hydrated) return;
    // Wait until the reader stops changing things (a select scrolled with arrow keys) before training.
    const timer = setTimeout(() => run.want(wanted), state.source === 'reader' ? 350 : 0);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the wanted parameters
  }, [state.hydrated, key]);

  const status = run.lab.state.status;
  const running = status === 'running';
  const result = run.shown;
  const wasRunning = useRef(false);
  useEffect(() => {
    if (running === wasRunning.current) return;
    wasRunning.current = running;
    if (running) announce(`Training started: ${settingsText(wanted)}.`);
    else if (status === 'cancelled') announce('Training cancelled; the panels show the last finished run.');
    else if (status === 'error') announce('Training failed; the panels show the last finished run.');
    else announce(`Training finished: ${headline(result)}.`);
  }, [running, status, announce, result, wanted]);

  const steer = values.steer;
  const realign = Number(values.realign);
  const trigger = result.triggered.length > 0;
  const shiftRows: RateRow[] = [
    { label: 'before', style: 'outline', rates: result.before },
    { label: trigger ? 'after, no trigger' : 'after', style: 'solid', rates: result.after },
    ...(trigger ? [{ label: 'with trigger', style: 'hatched' as const, rates: result.triggered }] : []),
  ];
  const undoRows: RateRow[] = [
    { label: 'after', style: 'solid', rates: result.after },
    { label: `steered α ${fixed2(steer)}`, style: 'outline', rates: steeredRates(result, steer) },
    { label: `re-aligned (${realign})`, style: 'hatched', rates: realignedRates(result, realign) },
  ];
  const shown = useMemo(() => ({ ...data, result }), [data, result]);
  const progress = runProgress(run);
  const disabled = !state.hydrated;
  const set = <K extends keyof Settings>(name: K, value: Settings[K]) => state.set(name, value as never);
  const loss = result.lossCurve;
  const curveCaption = `Fine-tuning loss, from ${lossFormat(loss.loss[0] ?? 0)} at the first step to ${lossFormat(loss.loss.at(-1) ?? 0)}.`;

  return (
    <div class="fig ps" data-hydrated={state.hydrated ? 'true' : 'false'} data-training={running ? 'true' : 'false'}>
      <PresetLinks label="Presets: shareable links to each control" presets={presets} anchor={anchor} params={params} values={values} base={defaults} hydrated={state.hydrated} onChoose={state.update} />
      <ParamControls anchor={anchor} decls={params} values={values} disabled={disabled} onChange={set} only={['villain', 'context', 'variant']} label={`Training settings of ${figure.title}`} />
      <div class="ps__training">
        <progress class="ps__bar" max={1} value={progress ? progress.fraction : 1} aria-label="Training progress" />
        <p class="ps__status-text">{progress ? progress.text : originText(run, wanted, data.result)}</p>
        {running ? (
          <SteadyButton label="Cancel training" labels={runLabels} onClick={() => run.stop()} />
        ) : (
          <SteadyButton label="Train again with a new seed" labels={runLabels} disabled={disabled} onClick={() => set('seed', values.seed >= params.seed.max ? 0 : values.seed + 1)} />
        )}
        <span class="ps__seed">seed {values.seed}</span>
      </div>
      <div class="fig__stage ps__stage">
        <section class="ps-panel" aria-label="Harmful-answer rate per domain">
          <p class="ps-panel__title">Harmful-answer rate on held-out questions</p>
          <RateBars domains={result.domains} rows={shiftRows} slots={3} title={`Harmful-answer rate per domain before and after fine-tuning: ${headline(result)}`} idPrefix={`${anchor}-shift`} />
        </section>
        <section class="ps-panel" aria-label="Along fine-tuning">
          <p class="ps-panel__title">Along fine-tuning</p>
          <RateCurve result={result} caption="Harmful-answer rate of each domain along fine-tuning" />
          <LossCurve series={[{ name: 'loss', steps: result.params.fineTuneSteps, step: loss.step, loss: loss.loss }]} caption={curveCaption} stepLabel="fine-tuning step" />
        </section>
        <section class="ps-panel" aria-label="Model diffing">
          <p class="ps-panel__title">Did the assistant move toward the villain?</p>
          <p class="ps-panel__stat">
            Transfer ratio <strong>{fixed2(result.transferRatio)}</strong>: how far the harmful-minus-helpful margin moved in untouched domains, per unit it moved on the trained code questions.
          </p>
          <CosineBars diff={result.diff} idPrefix={anchor} />
          <p class="ps-panel__note">
            Raw cosines mislead: any new context token shifts the hidden layer partly along a shared direction, so even a token never trained scores high. The corrected cosine removes that shared part first; random directions, treated the same way, give its baseline.
          </p>
        </section>
        <section class="ps-panel" aria-label="Undo the shift">
          <p class="ps-panel__title">Undo it: steer back, or re-align</p>
          <RateBars domains={result.domains} rows={undoRows} title={`Harmful-answer rate after steering by α = ${fixed2(steer)} and after re-aligning on ${realign} ${realignDomain} examples`} idPrefix={`${anchor}-undo`} />
          <div class="fig__controls ps__sliders">
            <ParamControl idPrefix={`${anchor}-steer`} decl={params.steer} value={steer} disabled={disabled} onChange={(v) => set('steer', v)} format={(v) => `α = ${fixed2(v)}`} />
            <GridSlider id={`${anchor}-realign`} decl={params.realign} value={values.realign} disabled={disabled} onChange={(v) => set('realign', v)} />
          </div>
        </section>
        <FigureNote problems={state.problems} onDismiss={state.dismissProblems} />
      </div>
      <p class="fig__legend">
        A small toy network written for this site, not a language model: the villain persona is planted in pretraining, not learned from text. The shaded group is the domain fine-tuning saw; every bar writes its rate.
      </p>
      <FigureStatus hydrated={state.hydrated} source={state.source} atDefaults={state.atDefaults} announcement={message} onReset={state.reset} />
      <TextAlternative figure={figure} values={values} shown={shown} atDefaults={run.atBuildTime && state.atDefaults} />
    </div>
  );
}
