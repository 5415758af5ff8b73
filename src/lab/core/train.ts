/**
 * The one training loop: every lab model trains an Objective (objective.ts) through `trainObjective`
 * (one run) or `trainBestOfRestarts` (several seeds, keep the lowest evaluation loss). Progress, cancel and
 * the loss curve come from runner.ts; the optimiser is Adam/AdamW or plain gradient descent.
 * Parameters outside `trainable` are frozen: their gradient is zeroed before the optimiser sees it and their
 * values are restored after each step (so AdamW's decoupled weight decay cannot move them either).
 */

import { createAdam, type AdamOptions } from '../adam.ts';
import { createRandom, deriveSeed } from '../random.ts';
import { runTraining, type LossCurve, type ProgressMetrics, type TrainingOptions } from '../runner.ts';
import { checkBlockNames, type Layout } from './layout.ts';
import type { Objective } from './objective.ts';

export type OptimiserSettings = ({ kind: 'adam' } & AdamOptions) | { kind: 'sgd'; learningRate: number };

export interface TrainSettings<Batch, Name extends string, Metrics extends ProgressMetrics> {
  /** Model name for messages (a diverged loss names it). */
  name: string;
  objective: Objective<Batch, Name>;
  steps: number;
  /** Seeds the generator shared by initialisation and sampling. */
  seed: number;
  optimiser: OptimiserSettings;
  /** Start from these parameters (e.g. a checkpoint's θ) instead of `objective.init`; copied, never modified. */
  initial?: Float64Array | undefined;
  /** Blocks that train; every other block stays frozen. Omitted: all blocks train. Unknown names are an error. */
  trainable?: readonly string[] | undefined;
  /** The model's progress snapshot of θ (see runner.ts). */
  metrics(theta: Float64Array): Metrics;
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

/** Indices of the frozen parameters (those outside every `trainable` block); undefined when everything trains. */
function frozenIndices<Name extends string>(layout: Layout<Name>, trainable: readonly string[] | undefined): Int32Array | undefined {
  if (!trainable) return undefined;
  const trains = new Uint8Array(layout.size);
  for (const name of checkBlockNames(layout, trainable)) {
    const { offset, size } = layout.block(name);
    trains.fill(1, offset, offset + size);
  }
  const frozen: number[] = [];
  trains.forEach((bit, index) => bit === 0 && frozen.push(index));
  return Int32Array.from(frozen);
}

/** θ at the start of training: a copy of `initial` (checked against the layout), or `objective.init`. */
function startingParameters<Batch, Name extends string>(settings: TrainSettings<Batch, Name, ProgressMetrics>, random: ReturnType<typeof createRandom>): Float64Array {
  const theta = new Float64Array(settings.objective.layout.size);
  if (!settings.initial) {
    settings.objective.init(theta, random);
    return theta;
  }
  if (settings.initial.length !== theta.length) throw new Error(`${settings.name}: starting parameters have ${settings.initial.length} values, the layout ${theta.length}`);
  theta.set(settings.initial);
  return theta;
}

export async function trainObjective<Batch, Name extends string, Metrics extends ProgressMetrics>(
  settings: TrainSettings<Batch, Name, Metrics>,
  options: TrainingOptions<Metrics> = {},
): Promise<TrainedParameters> {
  const { objective, steps, name } = settings;
  const random = createRandom(settings.seed);
  const theta = startingParameters(settings, random);
  const grad = new Float64Array(theta.length);
  const batch = objective.createBatch();
  const frozen = frozenIndices(objective.layout, settings.trainable);
  // Assigning (not multiplying by a 0/1 mask) keeps a NaN gradient of a frozen block out of the optimiser.
  const frozenValues = frozen && Float64Array.from(frozen, (index) => theta[index]!);
  const step = createStepper(settings.optimiser, theta.length);
  const lossCurve = await runTraining(name, {
    steps,
    step() {
      objective.sample(batch, random, theta);
      grad.fill(0);
      const loss = objective.lossAndGradient(theta, batch, grad);
      if (frozen) for (let k = 0; k < frozen.length; k++) grad[frozen[k]!] = 0;
      step(theta, grad);
      if (frozen && frozenValues) for (let k = 0; k < frozen.length; k++) theta[frozen[k]!] = frozenValues[k]!;
      return loss;
    },
    metrics: () => settings.metrics(theta),
  }, options);
  return { theta, lossCurve };
}

export interface Restart extends TrainedParameters {
  restart: number;
  /** `evaluate(theta)` of this restart: lower is better. */
  loss: number;
}

/** Progress metrics of a best-of-restarts run: the model's own, and which restart is training. */
export type RestartMetrics<Metrics extends ProgressMetrics> = Metrics & { restart: number };

/**
 * Trains `restarts` runs seeded `deriveSeed(seed, restart)` and keeps the one with the lowest `evaluate(θ)`.
 * Every restart starts from `initial` when it is given (then the restarts differ only in their batches).
 */
export async function trainBestOfRestarts<Batch, Name extends string, Metrics extends ProgressMetrics>(
  settings: TrainSettings<Batch, Name, Metrics> & { restarts: number; evaluate(theta: Float64Array): number },
  options: TrainingOptions<RestartMetrics<Metrics>> = {},
): Promise<{ best: Restart; losses: number[] }> {
  let best: Restart | undefined;
  const losses: number[] = [];
  const { onProgress } = options;
  for (let restart = 0; restart < settings.restarts; restart++) {
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
