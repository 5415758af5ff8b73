/**
 * Island of the "Superposition explorer". The server render (and the first client render) draws the
 * build-time result at the defaults; after hydration the URL's settings are applied, and any settings other
 * than the defaults are trained in the lab's Web Worker, with the drawing following the run's progress.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FigureIslandProps } from '../contract.ts';
import { RunButton } from '../shared/RunButton.tsx';
import { ParamControls } from '../shared/Controls.tsx';
import { FigureNote, FigureStatus } from '../shared/FigureStatus.tsx';
import { TextAlternative } from '../shared/TextAlternative.tsx';
import { useAnnouncer } from '../shared/use-announcer.ts';
import { useFigureParams } from '../shared/use-figure-params.ts';
import { lossSeries, runFraction, sameRun, useLabRun, type LabRun } from '../shared/use-lab-run.ts';
import { useReducedMotion } from '../shared/use-reduced-motion.ts';
import { LossCurve } from '../shared/LossCurve.tsx';
import '../shared/figure.css';
import './style.css';
import { settingsText, storedText } from './describe.ts';
import figure from './figure.ts';
import { ModelDrawings, ModelPanel } from './ModelPanel.tsx';
import type { SuperpositionResult } from '../../lab/superposition.ts';
import { constrain, labParams, labRestarts, presetMatches, presets, withChange, type LabParams, type Nonlinearity, type Settings } from './settings.ts';
import { integer, lossFormat } from '../shared/format.ts';
import { liveView, modelName, resultView, type ModelView } from './view-model.ts';

const createWorker = () => new Worker(new URL('../lab.worker.ts', import.meta.url), { type: 'module' });

/** What to draw for one model: the run in progress (unless the reader prefers reduced motion), else the last result. */
type Trainer = LabRun<'superposition', LabParams>;

function viewOf(trainer: Trainer, kind: Nonlinearity, reducedMotion: boolean): ModelView {
  const s = trainer.lab.state;
  if (s.status === 'running' && s.progress && trainer.running && !reducedMotion) {
    const live = liveView(s.progress, { ...trainer.running, nonlinearity: kind });
    if (live) return live;
  }
  return resultView(s.result);
}

/** The line above a model's drawings: what is drawn and where it came from. */
function progressText(trainer: Trainer, wanted: LabParams, buildTime: SuperpositionResult, queued: boolean): string {
  const s = trainer.lab.state;
  if (queued) return 'waits for the ReLU model to finish, then trains on the same settings';
  if (s.status === 'running') {
    const p = s.progress;
    if (!p) return 'starting to train…';
    const restart = Number(p.metrics['restart'] ?? 0) + 1;
    return `training: run ${restart} of ${labRestarts}, step ${integer(p.step)} of ${integer(p.steps)}, loss ${lossFormat(p.loss)}`;
  }
  const stale = sameRun(s.result.params, wanted) ? '' : ' (last finished result, for other settings)';
  const origin = s.result === buildTime ? 'trained when this page was built' : 'trained in your browser';
  const outcome = s.status === 'cancelled' ? 'training cancelled; ' : s.status === 'error' ? `training failed (${s.message}); ` : '';
  return `${outcome}${origin}, final loss ${lossFormat(s.result.finalLoss)}${stale}`;
}

export default function SuperpositionExplorer({ anchor }: FigureIslandProps) {
  const { params, data } = figure;
  const state = useFigureParams(params, anchor);
  const settings = useMemo(() => constrain(state.values), [state.values]);
  const relu = useLabRun<'superposition', LabParams>(createWorker, 'superposition', data.relu);
  const linear = useLabRun<'superposition', LabParams>(createWorker, 'superposition', data.linear);
  const reducedMotion = useReducedMotion();
  const [message, announce] = useAnnouncer();

  const wantedRelu = labParams(settings, 'relu');
  const wantedLinear = labParams(settings, 'linear');
  const reluKey = JSON.stringify(wantedRelu);
  const linearKey = settings.linear ? JSON.stringify(wantedLinear) : '';
  /** The reader pressed Cancel: nothing starts again until a setting changes or they ask to train. */
  const [stopped, setStopped] = useState(false);
  useEffect(() => {
    if (!state.hydrated) return;
    setStopped(false);
    // Wait until a slider stops moving before training (arrow keys held down, a drag).
    const timer = setTimeout(() => {
      const reluBusy = relu.want(wantedRelu);
      // One worker at a time: on a two-core machine the page keeps a core to itself.
      if (!settings.linear) linear.want(undefined);
      else if (!reluBusy) linear.want(wantedLinear);
      else linear.stop();
    }, state.source === 'reader' ? 350 : 0);
    return () => clearTimeout(timer);
    // The keys stand for the wanted parameters: a new object with the same values must not retrain.
  }, [state.hydrated, reluKey, linearKey]);

  const reluStatus = relu.lab.state.status;
  const linearStatus = linear.lab.state.status;
  const linearQueued = settings.linear && !stopped && linearStatus !== 'running' && !sameRun(linear.shown.params, wantedLinear);
  // The linear model trains as soon as the ReLU model has finished (before paint, so "training" never blinks off).
  useLayoutEffect(() => {
    if (state.hydrated && linearQueued && reluStatus !== 'running') linear.want(wantedLinear);
  }, [reluStatus, linearQueued]);
  const running = reluStatus === 'running' || (settings.linear && linearStatus === 'running') || linearQueued;
  const wasRunning = useRef(false);
  useEffect(() => {
    if (running === wasRunning.current) return;
    wasRunning.current = running;
    if (running) {
      announce(`Training started: ${settingsText({ ...wantedRelu })}.`);
      return;
    }
    if (reluStatus === 'cancelled' || linearStatus === 'cancelled') announce('Training cancelled; the drawing shows the last finished result.');
    else if (reluStatus === 'error') announce(`Training failed: ${relu.lab.state.status === 'error' ? relu.lab.state.message : ''}.`);
    else {
      const parts = [relu, ...(settings.linear ? [linear] : [])].map((t) => {
        const view = resultView(t.shown);
        return `${modelName(view.nonlinearity)}: final loss ${lossFormat(t.shown.finalLoss)}, ${storedText(view)}`;
      });
      announce(`Training finished. ${parts.join('. ')}.`);
    }
  }, [running, reluStatus, linearStatus, announce, relu, linear, settings.linear, wantedRelu]);

  const reluView = viewOf(relu, 'relu', reducedMotion);
  const linearView = settings.linear ? viewOf(linear, 'linear', reducedMotion) : undefined;
  const reluNote = progressText(relu, wantedRelu, data.relu, false);
  const linearNote = progressText(linear, wantedLinear, data.linear, linearQueued && reluStatus === 'running');
  // The same element for the same view: Preact skips it, so drawings are redone only when their model changed.
  const reluDrawings = useMemo(() => <ModelDrawings view={reluView} />, [reluView]);
  const linearDrawings = useMemo(() => (linearView ? <ModelDrawings view={linearView} /> : null), [linearView]);
  const trainers = settings.linear ? [relu, linear] : [relu];
  const atBuildTime = relu.atBuildTime;
  const shown = useMemo(() => ({ relu: relu.shown, linear: linear.shown }), [relu.shown, linear.shown]);

  const series = trainers.map((t, k) => lossSeries(t, k === 0 ? 'ReLU' : 'linear'));
  const curveCaption = running
    ? 'Training loss of the run in progress, falling as the model trains.'
    : `Training loss of the kept run: ${series.map((s) => `${s.name} model from ${lossFormat(s.loss[0] ?? 0)} to ${lossFormat(s.loss.at(-1) ?? 0)}`).join('; ')}.`;

  const change = <K extends keyof Settings>(name: K, value: Settings[K]) => state.update(withChange(state.values, name, value));
  const choosePreset = state.update;
  const trainAgain = () => change('seed', state.values.seed >= params.seed.max ? 0 : state.values.seed + 1);
  const trainNow = () => {
    setStopped(false);
    if (!sameRun(relu.shown.params, wantedRelu)) relu.train(wantedRelu);
    else if (settings.linear) linear.train(wantedLinear);
  };
  const shownMatches = sameRun(relu.shown.params, wantedRelu) && (!settings.linear || sameRun(linear.shown.params, wantedLinear));
  const corrections = [...new Set(trainers.flatMap((t) => (t.lab.state.status === 'done' ? t.lab.state.corrections : [])))];
  const disabled = !state.hydrated;

  return (
    <div class="fig sx" data-hydrated={state.hydrated ? 'true' : 'false'} data-training={running ? 'true' : 'false'}>
      <div class="fig__stage sx__stage">
        <ModelPanel view={reluView} note={reluNote} drawings={reluDrawings} />
        {linearView ? <ModelPanel view={linearView} note={linearNote} drawings={linearDrawings} /> : null}
        <FigureNote problems={state.problems} onDismiss={state.dismissProblems} />
      </div>
      <p class="fig__legend">
        <span class="fig-key sx-key--importance" aria-hidden="true" /> Colour of arrows and length bars: importance, from 1 (purple) down to the least
        important (gold); numbers name the features, feature 1 the most important. Heat map: <span class="fig-key fig-key--pos" aria-hidden="true" /> positive
        overlap (orange), <span class="fig-key fig-key--neg" aria-hidden="true" /> negative (blue; written with − or slashed). A toy model with a few dozen numbers, not a language model.
      </p>
      <div class="sx__training">
        <div class="sx__progress">
          {trainers.map((t, k) => {
            const label = `Training progress, ${modelName(k === 0 ? 'relu' : 'linear')}`;
            // A model waiting for its turn (the linear one, queued behind ReLU) has made no progress yet.
            const queued = k === 1 && linearQueued && t.lab.state.status !== 'running';
            return <progress key={k} class="sx__bar" max={1} value={queued ? 0 : runFraction(t.lab.state, labRestarts)} aria-label={label} />;
          })}
          <p class="sx__progress-text">
            {running
              ? `Training in your browser, in a background worker so the page stays responsive: ${labRestarts} runs from different seeds, keeping the one with the lowest loss.`
              : corrections.length > 0
                ? `The lab adjusted: ${corrections.join('; ')}.`
                : shownMatches
                  ? atBuildTime
                    ? 'Trained once when this page was built, at the default settings. Change a setting to train in your browser.'
                    : `Trained in your browser with ${settingsText(relu.shown.params)}.`
                  : 'The drawing shows the last finished result, for other settings.'}
          </p>
        </div>
        <LossCurve series={series} caption={curveCaption} stepLabel="training step (of one run)" />
      </div>
      <div class="sx__actions" role="group" aria-label="Presets">
        <span class="sx__actions-label" aria-hidden="true">
          Presets:
        </span>
        {presets.map((preset) => (
          <button key={preset.id} type="button" disabled={disabled} aria-pressed={presetMatches(preset, state.values) ? 'true' : 'false'} data-preset={preset.id} onClick={() => choosePreset(preset.values)}>
            {preset.label}
          </button>
        ))}
      </div>
      <div class="sx__run">
        <RunButton running={running} shownMatches={shownMatches} disabled={disabled} onCancel={() => { setStopped(true); relu.stop(); linear.stop(); }} onTrainAgain={trainAgain} onTrain={trainNow} />
        <span class="sx__seed">seed {state.values.seed}</span>
      </div>
      <ParamControls
        anchor={anchor}
        decls={params}
        values={settings}
        disabled={disabled}
        onChange={change}
        only={['n', 'm', 'sparsity', 'importanceDecay', 'linear']}
        label={`Controls of ${figure.title}`}
      />
      <FigureStatus hydrated={state.hydrated} source={state.source} atDefaults={state.atDefaults} announcement={message} onReset={state.reset} />
      <TextAlternative figure={figure} values={settings} shown={shown} atDefaults={atBuildTime && (!settings.linear || linear.atBuildTime)} />
    </div>
  );
}

