/**
 * The training runner shared by every lab model, in Node (tests, CLI, build time) and in a Web Worker
 * (figures). It steps a model, records a subsampled loss curve, reports progress every
 * `progressIntervalMs` and then yields to the event loop (so a worker can receive a cancel message),
 * honours an AbortSignal, and stops with a clear error as soon as the loss stops being finite.
 */

import { round, type JsonValue } from './json.ts';

/** A small JSON-safe snapshot of the model for progress reports (e.g. the current W); each model declares its own. */
export type ProgressMetrics = { [key: string]: JsonValue };

export interface TrainingLoop<Metrics extends ProgressMetrics = ProgressMetrics> {
  /** Number of optimisation steps to run. */
  readonly steps: number;
  /** Runs one optimisation step and returns that step's training loss. */
  step(): number;
  metrics(): Metrics;
}

export interface TrainingProgress<Metrics extends ProgressMetrics = ProgressMetrics> {
  step: number;
  steps: number;
  loss: number;
  metrics: Metrics;
}

export interface TrainingOptions<Metrics extends ProgressMetrics = ProgressMetrics> {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: TrainingProgress<Metrics>) => void) | undefined;
  /** How often to report progress and yield, in milliseconds. */
  progressIntervalMs?: number | undefined;
}

/** A subsampled loss curve: loss[k] is the mean training loss of the steps up to step[k]. */
export interface LossCurve {
  step: number[];
  loss: number[];
}

export class TrainingDivergedError extends Error {
  override name = 'TrainingDivergedError';
}

const lossCurvePoints = 200;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function runTraining<Metrics extends ProgressMetrics>(
  model: string,
  loop: TrainingLoop<Metrics>,
  options: TrainingOptions<Metrics> = {},
): Promise<LossCurve> {
  const { signal, onProgress, progressIntervalMs = 100 } = options;
  const bucket = Math.max(1, Math.ceil(loop.steps / lossCurvePoints));
  const curve: LossCurve = { step: [], loss: [] };
  let bucketSum = 0;
  let lastLoss = NaN;
  let lastReport = performance.now();
  signal?.throwIfAborted();
  for (let step = 1; step <= loop.steps; step++) {
    lastLoss = loop.step();
    if (!Number.isFinite(lastLoss)) {
      throw new TrainingDivergedError(
        `${model}: the loss became ${lastLoss} at step ${step}; training stopped (try a smaller learning rate)`,
      );
    }
    bucketSum += lastLoss;
    if (step % bucket === 0 || step === loop.steps) {
      curve.step.push(step);
      curve.loss.push(round(bucketSum / (step % bucket || bucket)));
      bucketSum = 0;
    }
    if (performance.now() - lastReport >= progressIntervalMs) {
      onProgress?.({ step, steps: loop.steps, loss: round(lastLoss), metrics: loop.metrics() });
      await yieldToEventLoop();
      signal?.throwIfAborted();
      lastReport = performance.now();
    }
  }
  onProgress?.({ step: loop.steps, steps: loop.steps, loss: round(lastLoss), metrics: loop.metrics() });
  return curve;
}
