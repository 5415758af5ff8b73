/**
 * The one training loop: every lab model trains an Objective (objective.ts) through `trainObjective`
 * (one run) or `trainBestOfRestarts` (several seeds, keep the lowest evaluation loss). Progress, cancel and
 * the loss curve come from runner.ts; the optimiser is Adam/AdamW or plain gradient descent.
 * Parameters outside `trainable` are frozen: their gradient is zeroed and their values are restored after each
 * optimiser step (so AdamW's decoupled weight decay cannot move them either).
 */

import { createAdam, type AdamOptions } from '../adam.ts';
import type { JsonValue } from '../json.ts';
import { createRandom, deriveSeed } from '../random.ts';
import { runTraining, type LossCurve, type TrainingOptions } from '../runner.ts';
import type { Objective } from './objective.ts';

export type OptimiserSettings = ({ kind: 'adam' } & AdamOptions) | { kind: 'sgd'; learningRate: number };

export interface TrainSettings<Batch, Name extends string = string> {
  /** Model name for messages (a diverged loss names it). */
  name: string;
  objective: Objective<Batch, Name>;
  steps: number;
  /** Seeds the generator shared by initialisation and sampling. */
  seed: number;
  optimiser: OptimiserSettings;
  /** Start from these parameters (e.g. a checkpoint's θ) instead of `objective.init`; copied, never modified. */
  initial?: Float64Array | undefined;
  /** Blocks that train; every other block stays frozen. Omitted: all blocks train. */
  trainable?: readonly Name[] | undefined;
  /** A small JSON-safe snapshot for progress reports. */
  metrics?: ((theta: Float64Array) => { [key: string]: JsonValue }) | undefined;
}

export interface TrainedParameters {
  theta: Float64Array;
  lossCurve: LossCurve;
}

function createStepper(settings: OptimiserSettings, size: number): (theta: Float64Array, grad: Float64Array) => void {
  if (settings.kind === 'adam') {
    const { kind: _kind, ...adamOptions } = settings;
    const adam = createAdam(size, adamOptions);
    return (theta, grad) => adam.step(theta, grad);
  }
  const { learningRate } = settings;
  return (theta, grad) => {
    for (let i = 0; i < size; i++) theta[i] = theta[i]! - learningRate * grad[i]!;
  };
}

/** 1 where a parameter trains, 0 where it is frozen; undefined when everything trains. */
function trainableMask<Name extends string>(objective: Objective<unknown, Name>, trainable: readonly Name[] | undefined): Float64Array | undefined {
  if (!trainable) return undefined;
  const mask = new Float64Array(objective.layout.size);
  for (const name of trainable) objective.layout.slice(mask, name).fill(1);
  return mask;
}

export async function trainObjective<Batch, Name extends string>(
  settings: TrainSettings<Batch, Name>,
  options: TrainingOptions = {},
): Promise<TrainedParameters> {
  const { objective, steps, name } = settings;
  const random = createRandom(settings.seed);
  const theta = new Float64Array(objective.layout.size);
  if (settings.initial) {
    if (settings.initial.length !== theta.length) throw new Error(`${name}: starting parameters have ${settings.initial.length} values, the layout ${theta.length}`);
    theta.set(settings.initial);
  } else {
    objective.init(theta, random);
  }
  const grad = new Float64Array(theta.length);
  const batch = objective.createBatch();
  const mask = trainableMask(objective as Objective<unknown, Name>, settings.trainable);
  const frozen = mask && Float64Array.from(theta);
  const step = createStepper(settings.optimiser, theta.length);
  const metrics = settings.metrics;
  const lossCurve = await runTraining(name, {
    steps,
    step() {
      objective.sample(batch, random, theta);
      grad.fill(0);
      const loss = objective.lossAndGradient(theta, batch, grad);
      if (mask) for (let i = 0; i < grad.length; i++) grad[i] = grad[i]! * mask[i]!;
      step(theta, grad);
      if (mask && frozen) for (let i = 0; i < theta.length; i++) if (mask[i] === 0) theta[i] = frozen[i]!;
      return loss;
    },
    metrics: () => (metrics ? metrics(theta) : {}),
  }, options);
  return { theta, lossCurve };
}

export interface Restart extends TrainedParameters {
  restart: number;
  /** `evaluate(theta)` of this restart: lower is better. */
  loss: number;
}

/**
 * Trains `restarts` runs seeded `deriveSeed(seed, restart)` and keeps the one with the lowest `evaluate(θ)`.
 * Progress reports carry `restart` in their metrics.
 */
export async function trainBestOfRestarts<Batch, Name extends string>(
  settings: TrainSettings<Batch, Name> & { restarts: number; evaluate(theta: Float64Array): number },
  options: TrainingOptions = {},
): Promise<{ best: Restart; losses: number[] }> {
  let best: Restart | undefined;
  const losses: number[] = [];
  for (let restart = 0; restart < settings.restarts; restart++) {
    const onProgress = options.onProgress;
    const run = await trainObjective({ ...settings, seed: deriveSeed(settings.seed, restart) }, {
      ...options,
      onProgress: onProgress && ((progress) => onProgress({ ...progress, metrics: { ...progress.metrics, restart } })),
    });
    const loss = settings.evaluate(run.theta);
    losses.push(loss);
    if (!best || loss < best.loss) best = { ...run, restart, loss };
  }
  if (!best) throw new Error(`${settings.name}: no restart ran`);
  return { best, losses };
}
