/**
 * One lab model of a figure, trained in the lab's Web Worker: `want(params)` makes the shown result match
 * the settings (the build-time result when they are the build-time settings, else a run), `train(params)`
 * always starts a run, `stop()` cancels one, and `live` collects the losses the run in progress reports
 * (for a live loss curve; a new restart of a best-of-restarts run starts a new curve).
 *
 *   const run = useLabRun(createWorker, 'superposition', figure.data.result);
 *   useEffect(() => { if (state.hydrated) run.want(wanted); }, [state.hydrated, JSON.stringify(wanted)]);
 *   <TextAlternative figure={figure} values={state.values} shown={run.shown} atDefaults={run.atBuildTime} />
 *
 * Generic over the lab model name: the result type, its `params` and the progress all follow from it.
 */
import { useCallback, useRef } from 'preact/hooks';
import type { LabModelName, LabResults } from '../../lab/models.ts';
import type { LossCurve, TrainingProgress } from '../../lab/runner.ts';
import type { LabProgress } from '../../lab/worker-protocol.ts';
import type { CurveSeries } from './LossCurve.tsx';
import { useLabWorker, type LabJobState, type LabWorker } from './use-lab-worker.ts';

/** The parameters a lab model's result records: what a figure asks for is a subset of them. */
export type LabParamsOf<Name extends LabModelName> = Partial<LabResults[Name]['params']>;

export interface LiveCurve<Progress extends TrainingProgress = TrainingProgress> {
  restart: number;
  step: number[];
  loss: number[];
  last?: Progress;
}

/** `Wanted`: the parameters the figure sets (a subset of the result's `params`; the lab's defaults fill the rest). */
export interface LabRun<Name extends LabModelName, Wanted extends LabParamsOf<Name> = LabParamsOf<Name>> {
  lab: LabWorker<LabResults[Name], LabProgress<Name>>;
  /** The result on screen: the build-time one until a run finishes, then the last finished run. */
  shown: LabResults[Name];
  /** True while the result on screen is the build-time one. */
  atBuildTime: boolean;
  /** The settings of the run in progress (undefined when none runs). */
  running: Wanted | undefined;
  live: LiveCurve<LabProgress<Name>>;
  /** Returns true when a run for `params` is in progress or was just started; `undefined` cancels any run. */
  want(params: Wanted | undefined): boolean;
  train(params: Wanted): void;
  /** Stops a run in progress, if any. */
  stop(): void;
}

/** Progress (and so redraws) about four times a second: enough to watch, cheap for the page. */
export const progressIntervalMs = 250;

/** True when every parameter asked for equals the one the result was trained with. */
export function sameRun<Wanted extends object>(trained: { readonly [K in keyof Wanted]?: unknown }, wanted: Wanted): boolean {
  return (Object.keys(wanted) as (keyof Wanted)[]).every((k) => trained[k] === wanted[k]);
}

/** The progress report's restart, for models that train the best of several runs (else 0). */
function restartOf(progress: TrainingProgress): number {
  const restart = progress.metrics['restart'];
  return typeof restart === 'number' ? restart : 0;
}

/** How far a run has got, from 0 to 1, counting `restarts` runs of the same length (1 when none runs). */
export function runFraction(state: LabJobState<unknown, TrainingProgress>, restarts = 1): number {
  if (state.status !== 'running') return 1;
  if (!state.progress) return 0;
  const fraction = (restartOf(state.progress) + state.progress.step / state.progress.steps) / restarts;
  return Number.isFinite(fraction) ? Math.min(1, fraction) : 0;
}

/** The loss curve to draw for a run: the losses reported so far while it trains, else the shown result's curve. */
export function lossSeries(run: { lab: { state: LabJobState<{ lossCurve: LossCurve; params: { steps: number } }, TrainingProgress> }; live: LiveCurve }, name: string): CurveSeries {
  const s = run.lab.state;
  if (s.status === 'running') return { name, steps: s.progress?.steps ?? 1, step: run.live.step, loss: run.live.loss };
  return { name, steps: s.result.params.steps, step: s.result.lossCurve.step, loss: s.result.lossCurve.loss };
}

const emptyCurve = <Progress extends TrainingProgress>(restart = 0): LiveCurve<Progress> => ({ restart, step: [], loss: [] });

export function useLabRun<Name extends LabModelName, Wanted extends LabParamsOf<Name> = LabParamsOf<Name>>(
  createWorker: () => Worker,
  model: Name,
  buildTime: LabResults[Name],
): LabRun<Name, Wanted> {
  type Params = Wanted;
  const lab = useLabWorker<Name>(createWorker, model, buildTime, progressIntervalMs);
  const running = useRef<Params | undefined>(undefined);
  const live = useRef<LiveCurve<LabProgress<Name>>>(emptyCurve());
  const state = useRef(lab.state);
  state.current = lab.state;

  const s = lab.state;
  if (s.status !== 'running') running.current = undefined;
  else if (!s.progress) {
    if (live.current.step.length > 0 || live.current.last) live.current = emptyCurve();
  } else if (s.progress !== live.current.last) {
    // Each progress report is taken once (renders for other reasons see the same object again).
    const restart = restartOf(s.progress);
    if (restart !== live.current.restart) live.current = emptyCurve(restart);
    live.current.step.push(s.progress.step);
    live.current.loss.push(s.progress.loss);
    live.current.last = s.progress;
  }

  const { run, show, cancel } = lab;
  const train = useCallback(
    (params: Params) => {
      running.current = params;
      live.current = emptyCurve();
      run(params);
    },
    [run],
  );

  const want = useCallback(
    (params: Params | undefined): boolean => {
      const now = state.current;
      if (!params) {
        if (now.status === 'running') cancel();
        return false;
      }
      if (sameRun<Params>(buildTime.params, params)) {
        if (now.result !== buildTime || now.status === 'running') show(buildTime);
        return false;
      }
      if (now.status === 'running' && running.current && sameRun<Params>(running.current, params)) return true;
      if (now.status !== 'running' && sameRun<Params>(now.result.params, params)) return false;
      train(params);
      return true;
    },
    [buildTime, cancel, show, train],
  );

  const stop = useCallback(() => {
    if (state.current.status === 'running') cancel();
  }, [cancel]);

  return { lab, shown: s.result, atBuildTime: s.result === buildTime, running: running.current, live: live.current, want, train, stop };
}
