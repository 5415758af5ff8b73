/**
 * One model of the explorer trained in the lab's worker: `want(params)` makes the shown result match the
 * settings (the build-time result at the defaults, else a run), `train(params)` always starts a run, and
 * `live` collects the losses reported by the run in progress (for the live loss curve). Progress messages
 * arrive about every 100 ms, so the figure redraws at most ten times a second while training.
 */
import { useCallback, useRef } from 'preact/hooks';
import type { SuperpositionResult } from '../../lab/superposition.ts';
import type { LabProgress } from '../../lab/worker-protocol.ts';
import { useLabWorker, type LabWorker } from '../shared/use-lab-worker.ts';
import { sameRun, type LabParams } from './settings.ts';

export interface LiveCurve {
  restart: number;
  step: number[];
  loss: number[];
  last?: LabProgress<'superposition'>;
}

export interface Trainer {
  lab: LabWorker<SuperpositionResult, LabProgress<'superposition'>>;
  /** The settings of the run in progress (undefined when none runs). */
  running: LabParams | undefined;
  live: LiveCurve;
  /** Returns true when a run for `params` is in progress or was just started. */
  want(params: LabParams | undefined): boolean;
  train(params: LabParams): void;
  /** Stops a run in progress, if any. */
  stop(): void;
}

/** Progress (and so redraws) about four times a second: enough to watch, cheap for the page. */
export const progressIntervalMs = 250;

export function useTrainer(createWorker: () => Worker, buildTime: SuperpositionResult): Trainer {
  const lab = useLabWorker<'superposition'>(createWorker, 'superposition', buildTime, progressIntervalMs);
  const running = useRef<LabParams | undefined>(undefined);
  const live = useRef<LiveCurve>({ restart: 0, step: [], loss: [] });
  const state = useRef(lab.state);
  state.current = lab.state;

  const s = lab.state;
  if (s.status !== 'running') running.current = undefined;
  else if (!s.progress) {
    if (live.current.step.length > 0 || live.current.last) live.current = { restart: 0, step: [], loss: [] };
  } else if (s.progress !== live.current.last) {
    // Each progress report is taken once (renders for other reasons see the same object again).
    const { restart } = s.progress.metrics;
    if (restart !== live.current.restart) live.current = { restart, step: [], loss: [] };
    live.current.step.push(s.progress.step);
    live.current.loss.push(s.progress.loss);
    live.current.last = s.progress;
  }

  const { run, show, cancel } = lab;
  const train = useCallback(
    (params: LabParams) => {
      running.current = params;
      live.current = { restart: 0, step: [], loss: [] };
      run(params);
    },
    [run],
  );

  const want = useCallback(
    (params: LabParams | undefined): boolean => {
      const now = state.current;
      if (!params) {
        if (now.status === 'running') cancel();
        return false;
      }
      if (sameRun(buildTime.params, params)) {
        if (now.result !== buildTime || now.status === 'running') show(buildTime);
        return false;
      }
      if (now.status === 'running' && running.current && sameRun(running.current, params)) return true;
      if (now.status !== 'running' && sameRun(now.result.params, params)) return false;
      train(params);
      return true;
    },
    [buildTime, cancel, show, train],
  );

  const stop = useCallback(() => {
    if (state.current.status === 'running') cancel();
  }, [cancel]);

  return { lab, running: running.current, live: live.current, want, train, stop };
}
