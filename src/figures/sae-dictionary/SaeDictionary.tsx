/**
 * Island of "An SAE's dictionary against the planted truth". The server render (and the first client render)
 * draws the build-time SAE at the defaults; after hydration the URL's settings are applied, and any other
 * settings are trained in the lab's Web Worker while the last finished result stays on screen.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FigureIslandProps } from '../contract.ts';
import { RunButton } from '../shared/RunButton.tsx';
import { ParamControls } from '../shared/Controls.tsx';
import { FigureNote, FigureStatus } from '../shared/FigureStatus.tsx';
import { TextAlternative } from '../shared/TextAlternative.tsx';
import { useAnnouncer } from '../shared/use-announcer.ts';
import { useFigureParams } from '../shared/use-figure-params.ts';
import { useLabWorker } from '../shared/use-lab-worker.ts';
import '../shared/figure.css';
import './style.css';
import { CosineMatrix } from './CosineMatrix.tsx';
import { outcomeText, settingsText } from './describe.ts';
import { ExampleReadout } from './ExampleReadout.tsx';
import figure from './figure.ts';
import { publishReaderRun, readerRunOf } from './reader-run.ts';
import { labParams, presetMatches, presets, sameRun, type Settings } from './settings.ts';
import { dictionaryView, fixed2, fixed3, foundCosine, integer } from './view-model.ts';

const createWorker = () => new Worker(new URL('../lab.worker.ts', import.meta.url), { type: 'module' });
const progressIntervalMs = 250;

export default function SaeDictionary({ anchor }: FigureIslandProps) {
  const { params, data } = figure;
  const state = useFigureParams(params, anchor);
  const lab = useLabWorker<'sae'>(createWorker, 'sae', data.result, progressIntervalMs);
  const [message, announce] = useAnnouncer();
  /** The reader pressed Cancel: nothing trains again until a setting changes or they ask. */
  const [stopped, setStopped] = useState(false);
  const s = lab.state;
  const wanted = labParams(state.values);
  const wantedKey = JSON.stringify(wanted);
  const running = s.status === 'running';

  /** The settings of the run in progress, so a repeated request for them does not restart it. */
  const runningKey = useRef('');
  const start = () => {
    runningKey.current = wantedKey;
    setStopped(false);
    lab.run(wanted);
  };
  const want = () => {
    if (sameRun(data.result.params, wanted)) {
      if (s.result !== data.result || running) lab.show(data.result);
    } else if (running ? runningKey.current !== wantedKey : !sameRun(s.result.params, wanted)) {
      start();
    }
  };

  useEffect(() => {
    if (!state.hydrated) return;
    setStopped(false);
    // Wait until a slider stops moving before training (arrow keys held down, a drag).
    const timer = setTimeout(want, state.source === 'reader' ? 350 : 0);
    return () => clearTimeout(timer);
    // Keyed on the wanted parameters' JSON, not on the (new each render) object.
  }, [state.hydrated, wantedKey]);

  const view = dictionaryView(s.result);
  const atBuildTime = s.result === data.result;
  const shownMatches = sameRun(s.result.params, wanted);

  useEffect(() => {
    if (state.hydrated) publishReaderRun(readerRunOf(s.result, !atBuildTime));
  }, [s.result, atBuildTime, state.hydrated]);

  const wasRunning = useRef(false);
  useEffect(() => {
    if (running === wasRunning.current) return;
    wasRunning.current = running;
    if (running) announce(`Training started: ${settingsText({ ...s.result.params, ...wanted })}.`);
    else if (s.status === 'cancelled') announce('Training cancelled; the drawing shows the last finished result.');
    else if (s.status === 'error') announce(`Training failed: ${s.message}.`);
    else announce(`Training finished. ${outcomeText(s.result)}.`);
    // Announces changes of the run's status only.
  }, [running, s.status]);

  const shown = useMemo(() => ({ result: s.result }), [s.result]);
  const drawings = useMemo(
    () => (
      <div class="sd__drawings">
        <div class="sd-matrix-panel">
          <p class="sd-panel-title">Planted directions against the SAE's latents</p>
          <p class="sd-panel-sub">cosine of each planted direction (row) with each latent's decoder direction (column); matches on the diagonal</p>
          <CosineMatrix view={view} />
          <p class="sd-panel-sub">
            Row marks: ✓ the matched latent's cosine is at least {fixed2(foundCosine)}, ✕ it is not; ▶ the planted feature is on in the example input below.
          </p>
        </div>
        <ExampleReadout view={view} />
      </div>
    ),
    [view],
  );

  const change = <K extends keyof Settings>(name: K, value: Settings[K]) => state.set(name, value as never);
  const choosePreset = state.update;
  const trainAgain = () => change('seed', state.values.seed >= params.seed.max ? 0 : state.values.seed + 1);
  const progress = running && s.progress ? s.progress : undefined;
  const corrections = s.status === 'done' ? s.corrections : [];
  const disabled = !state.hydrated;
  const p = s.result.params;

  const statusText = running
    ? progress
      ? `Training in your browser (in a background worker): step ${integer(progress.step)} of ${integer(progress.steps)}, loss ${fixed3(progress.loss)}. The drawing shows the last finished result.`
      : 'Starting to train…'
    : s.status === 'error'
      ? `Training failed (${s.message}); the drawing shows the last finished result.`
      : s.status === 'cancelled' || stopped
        ? 'Training cancelled; the drawing shows the last finished result.'
        : corrections.length > 0
          ? `The lab adjusted: ${corrections.join('; ')}.`
          : !shownMatches
            ? 'The drawing shows the last finished result, for other settings.'
            : atBuildTime
              ? 'Trained once when this page was built, at the default settings. Change a setting to train in your browser (about a second).'
              : 'Trained in your browser at the settings shown.';

  return (
    <div class="fig sd" data-hydrated={state.hydrated ? 'true' : 'false'} data-training={running ? 'true' : 'false'}>
      <div class="fig__stage sd__stage">
        <p class="sd__head">
          <strong>{p.width} latents</strong>, {p.variant === 'l1' ? `L1 penalty λ = ${fixed2(p.l1Coefficient)}` : `TopK, k = ${p.k}`}; planted: {p.features} directions in {p.inputDim} dimensions, each on with probability{' '}
          {fixed2(p.featureProbability)}; seed {p.seed}.
        </p>
        <dl class="sd__metrics" data-testid="sae-metrics">
          <div>
            <dt>Recovery (MMCS)</dt>
            <dd>{fixed3(s.result.mmcs)}</dd>
            <dd class="sd__detail">
              {view.found} of {view.planted} found
            </dd>
          </div>
          <div>
            <dt>Active latents (L0)</dt>
            <dd>{fixed2(s.result.l0)}</dd>
            <dd class="sd__detail">planted: {fixed2(s.result.trueL0)}</dd>
          </div>
          <div>
            <dt>Variance unexplained</dt>
            <dd>{fixed3(s.result.fractionOfVarianceUnexplained)}</dd>
            <dd class="sd__detail">0 = perfect copy</dd>
          </div>
          <div>
            <dt>Dead latents</dt>
            <dd>{s.result.deadLatents}</dd>
            <dd class="sd__detail">of {p.width}</dd>
          </div>
        </dl>
        {drawings}
        <FigureNote problems={state.problems} onDismiss={state.dismissProblems} />
      </div>
      <div class="sd__training">
        <progress class="sd__bar" max={1} value={progress ? progress.step / progress.steps : running ? 0 : 1} aria-label="Training progress" />
        <p class="sd__progress-text">{statusText}</p>
      </div>
      <div class="sd__actions" role="group" aria-label="Presets">
        <span class="sd__actions-label" aria-hidden="true">
          Presets:
        </span>
        {presets.map((preset) => (
          <button key={preset.id} type="button" disabled={disabled} aria-pressed={presetMatches(preset, state.values) ? 'true' : 'false'} data-preset={preset.id} onClick={() => choosePreset(preset.values)}>
            {preset.label}
          </button>
        ))}
      </div>
      <div class="sd__run">
        <RunButton running={running} shownMatches={shownMatches} disabled={disabled} onCancel={() => { setStopped(true); lab.cancel(); }} onTrainAgain={trainAgain} onTrain={start} />
        <span class="sd__seed">seed {state.values.seed}</span>
      </div>
      <ParamControls
        anchor={anchor}
        decls={params}
        values={state.values}
        disabled={disabled}
        onChange={change}
        only={['variant', state.values.variant === 'l1' ? 'l1Coefficient' : 'k', 'width', 'featureProbability']}
        label={`Controls of ${figure.title}`}
      />
      <FigureStatus hydrated={state.hydrated} source={state.source} atDefaults={state.atDefaults} announcement={message} onReset={state.reset} />
      <TextAlternative figure={figure} values={state.values} shown={shown} atDefaults={atBuildTime} />
    </div>
  );
}
