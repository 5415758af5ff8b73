/**
 * How long a lab run will take, said before it starts. A figure counts the work of a run in its own unit
 * (episodes, steps); the rate in seconds per unit comes from the last run that finished in this page, timed
 * from start to result, or, before any has, from a reference rate the figure measured with `npm run bench`.
 *
 *   const rate = useWorkRate(running, finished, work, referenceSecondsPerEpisode);
 *   <p>{durationText(work * rate)}</p>
 */
import { useRef } from 'preact/hooks';

export interface RunTiming {
  /** Seconds per unit of work: measured from the last finished run, else the reference. */
  rate: number;
  /** The run in progress: when it started (ms, performance.now) and its work. */
  started?: { at: number; work: number } | undefined;
}

/**
 * The timing after one more look at the run: a run that starts is timed, a run that finishes sets the rate,
 * a run that ends any other way (cancelled, failed) is forgotten. Pure, so it is tested without a browser.
 */
export function observeRun(timing: RunTiming, running: boolean, finished: boolean, work: number, now: number): RunTiming {
  if (running) return timing.started ? timing : { ...timing, started: { at: now, work } };
  if (!timing.started) return timing;
  const { at, work: done } = timing.started;
  return { rate: finished && done > 0 && now > at ? (now - at) / 1000 / done : timing.rate };
}

/** Seconds per unit of work on this device, learned from the runs in this page (see observeRun). */
export function useWorkRate(running: boolean, finished: boolean, work: number, reference: number): number {
  const timing = useRef<RunTiming>({ rate: reference });
  timing.current = observeRun(timing.current, running, finished, work, performance.now());
  return timing.current.rate;
}

/** "under a second", "about 3 s", "about 40 s", "about 2 min". */
export function durationText(seconds: number): string {
  if (seconds < 1) return 'under a second';
  if (seconds < 90) return `about ${Math.round(seconds)} s`;
  return `about ${Math.round(seconds / 60)} min`;
}
