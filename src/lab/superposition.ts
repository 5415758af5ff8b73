/**
 * Model 1 — toy model of superposition.
 * Elhage et al. (2022), "Toy Models of Superposition", https://transformer-circuits.pub/2022/toy_model/index.html
 *
 * n sparse features are squeezed into m < n hidden dimensions and read back out:
 *   x_i = 0 with probability S (sparsity), else x_i ~ Uniform[0, 1]
 *   h = W x                     (W is m×n; column W_i is feature i's direction)
 *   x' = ReLU(Wᵀh + b)          (the "linear" model drops the ReLU: x' = WᵀW x + b)
 *   L = mean over the batch of Σ_i I_i (x_i − x'_i)²,   importance I_i = r^i
 * Protocol: batch 1024, Adam lr 1e-2, up to 10,000 steps, several seeds, keep the lowest final loss
 * (measured on one fixed evaluation batch shared by all seeds).
 */

import { defineLabModel, type LabTrainOptions, type Trained } from './core/define-model.ts';
import { defineLayout } from './core/layout.ts';
import type { Objective } from './core/objective.ts';
import { trainBestOfRestarts, type RestartMetrics } from './core/train.ts';
import { round, toPlainArray, toPlainMatrix } from './json.ts';
import { columnNorms, fillNormal, gram } from './matrix.ts';
import { boundSteps, validateParams, type ParamValues, type Validated } from './params.ts';
import { createRandom, deriveSeed, type Random } from './random.ts';
import type { LossCurve } from './runner.ts';

export const superpositionParamSpec = [
  { name: 'n', kind: 'number', default: 5, min: 2, max: 20, integer: true, description: 'number of sparse input features' },
  { name: 'm', kind: 'number', default: 2, min: 1, max: 10, integer: true, description: 'hidden dimensions (must be fewer than n)' },
  { name: 'sparsity', kind: 'number', default: 0.9, min: 0, max: 0.99, integer: false, description: 'probability S that a feature is zero' },
  { name: 'importanceDecay', kind: 'number', default: 1, min: 0.5, max: 1, integer: false, description: 'r in the importance I_i = r^i' },
  { name: 'nonlinearity', kind: 'choice', default: 'relu', options: ['relu', 'linear'], description: 'x\' = ReLU(WᵀWx + b), or the linear model WᵀWx + b' },
  { name: 'steps', kind: 'number', default: 4000, min: 1, max: 10_000, integer: true, description: 'Adam steps per seed' },
  { name: 'restarts', kind: 'number', default: 3, min: 1, max: 5, integer: true, description: 'seeds trained; the lowest final loss is kept' },
  { name: 'batchSize', kind: 'number', default: 1024, min: 1, max: 1024, integer: true, description: 'samples per step' },
  { name: 'learningRate', kind: 'number', default: 0.01, min: 1e-4, max: 0.1, integer: false, description: 'Adam learning rate' },
  { name: 'seed', kind: 'number', default: 0, min: 0, max: 2 ** 31 - 1, integer: true, description: 'seed of the first restart' },
] as const;

export type SuperpositionParams = ParamValues<typeof superpositionParamSpec>;

/**
 * Work allowed in one run, counted as batch × restarts × steps × (n·m + 2n) (the multiply-adds plus the
 * per-feature sampling). It admits the full protocol at n = 5, m = 2 (10,000 steps × 5 seeds, ≈ 1e9) and caps
 * larger models to a similar time: about 5–10 s on a 2-core machine in the worst case.
 */
const workBudget = 1.1e9;

export function validateSuperpositionParams(raw: Record<string, unknown>): Validated<SuperpositionParams> {
  const { params, corrections } = validateParams(superpositionParamSpec, raw);
  if (params.m >= params.n) {
    const m = params.n - 1;
    corrections.push(`m: ${params.m} must be fewer than n = ${params.n}; using ${m}`);
    params.m = m;
  }
  const workPerStep = params.batchSize * params.restarts * (params.n * params.m + 2 * params.n);
  params.steps = boundSteps(params.steps, workPerStep, workBudget, corrections);
  return { params, corrections };
}

export interface SuperpositionResult {
  params: SuperpositionParams;
  /** m rows × n columns; column i is the direction of feature i in the hidden space. */
  W: number[][];
  b: number[];
  /** ‖W_i‖ for each feature i. */
  featureNorms: number[];
  /** Σ_{j≠i} (Ŵ_i · W_j)²: how much other features share feature i's direction. */
  superposition: number[];
  /** WᵀW (n×n). */
  gram: number[][];
  /** Loss on the fixed evaluation batch, for the kept seed. */
  finalLoss: number;
  lossCurve: LossCurve;
  /** Which restart was kept and the final loss of each. */
  bestRestart: number;
  restartLosses: number[];
}

const evaluationBatchSize = 4096;

/** x_i = 0 with probability `sparsity`, else Uniform[0, 1]; fills `batchSize` rows of `X`. */
export function sampleSparseFeatures(X: Float64Array, batchSize: number, n: number, sparsity: number, random: Random): void {
  for (let k = 0; k < batchSize * n; k++) X[k] = random.uniform() < sparsity ? 0 : random.uniform();
}

export function importanceWeights(n: number, importanceDecay: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => importanceDecay ** i);
}

/** θ = [W (m×n, row-major), b (n)]. */
export function superpositionLayout(n: number, m: number) {
  return defineLayout({ W: [m, n], b: [n] });
}

/**
 * The loss (mean over the batch) and, added into `grad`, its gradient with respect to θ = [W, b] (superpositionLayout).
 * Returns a function with its scratch space allocated once.
 */
export function createSuperpositionLoss(n: number, m: number, importance: Float64Array, relu: boolean) {
  const h = new Float64Array(m);
  const dh = new Float64Array(m);
  const active = new Int32Array(n);
  const bOffset = m * n;
  return function lossAndGradient(theta: Float64Array, X: Float64Array, batchSize: number, grad: Float64Array): number {
    const scale = 1 / batchSize;
    // Samples with x = 0 give x' = ReLU(b): their terms are added in closed form, and they are skipped below.
    // (This runs before the hot loop so that V8's optimised loop never meets code without type feedback.)
    let zeroSamples = 0;
    for (let s = 0; s < batchSize; s++) {
      let i = 0;
      while (i < n && X[s * n + i] === 0) i++;
      if (i === n) zeroSamples++;
    }
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const b = theta[bOffset + i]!;
      if (relu && b <= 0) continue;
      loss += zeroSamples * importance[i]! * b * b * scale;
      grad[bOffset + i]! += zeroSamples * 2 * importance[i]! * b * scale;
    }
    for (let s = 0; s < batchSize; s++) {
      const xOffset = s * n;
      let count = 0;
      for (let i = 0; i < n; i++) if (X[xOffset + i] !== 0) active[count++] = i;
      if (count === 0) continue;
      for (let k = 0; k < m; k++) h[k] = 0;
      for (let a = 0; a < count; a++) {
        const i = active[a]!;
        const x = X[xOffset + i]!;
        for (let k = 0; k < m; k++) h[k]! += theta[k * n + i]! * x;
      }
      for (let k = 0; k < m; k++) dh[k] = 0;
      for (let i = 0; i < n; i++) {
        let z = theta[bOffset + i]!;
        for (let k = 0; k < m; k++) z += theta[k * n + i]! * h[k]!;
        if (relu && z < 0) z = 0;
        const error = X[xOffset + i]! - z;
        loss += importance[i]! * error * error * scale;
        if (z === 0 && relu) continue; // ReLU passes no gradient (at z = 0 its subgradient is taken as 0)
        const dz = -2 * importance[i]! * error * scale;
        grad[bOffset + i]! += dz;
        for (let k = 0; k < m; k++) {
          grad[k * n + i]! += dz * h[k]!;
          dh[k]! += theta[k * n + i]! * dz;
        }
      }
      for (let a = 0; a < count; a++) {
        const i = active[a]!;
        const x = X[xOffset + i]!;
        for (let k = 0; k < m; k++) grad[k * n + i]! += dh[k]! * x;
      }
    }
    return loss;
  };
}

/** Batches of `batchSize` fresh sparse samples; W ~ N(0, 2/(m + n)), b = 0. */
function createSuperpositionObjective(params: SuperpositionParams): Objective<Float64Array, 'W' | 'b'> {
  const { n, m, sparsity, batchSize } = params;
  const layout = superpositionLayout(n, m);
  const loss = createSuperpositionLoss(n, m, importanceWeights(n, params.importanceDecay), params.nonlinearity === 'relu');
  return {
    layout,
    init: (theta, random) => void fillNormal(layout.slice(theta, 'W'), random, Math.sqrt(2 / (m + n))),
    createBatch: () => new Float64Array(batchSize * n),
    sample: (X, random) => sampleSparseFeatures(X, batchSize, n, sparsity, random),
    lossAndGradient: (theta, X, grad) => loss(theta, X, batchSize, grad),
  };
}

/** Progress reports carry the current W (m rows × n, 4 significant digits) and which restart is training. */
export type SuperpositionMetrics = RestartMetrics<{ W: number[][] }>;

export async function trainSuperposition(params: SuperpositionParams, options: LabTrainOptions<SuperpositionMetrics> = {}): Promise<Trained<SuperpositionResult>> {
  const { n, m } = params;
  const evaluationX = new Float64Array(evaluationBatchSize * n);
  sampleSparseFeatures(evaluationX, evaluationBatchSize, n, params.sparsity, createRandom(deriveSeed(params.seed, 1000)));
  const evaluationLoss = createSuperpositionLoss(n, m, importanceWeights(n, params.importanceDecay), params.nonlinearity === 'relu');
  const scratch = new Float64Array(m * n + n);
  const { best, losses } = await trainBestOfRestarts({
    name: 'superposition',
    objective: createSuperpositionObjective(params),
    steps: params.steps,
    restarts: params.restarts,
    seed: params.seed,
    optimiser: { kind: 'adam', learningRate: params.learningRate },
    initial: options.initial,
    trainable: options.trainable,
    metrics: (theta) => ({ W: toPlainMatrix(theta, m, n, 4) }),
    evaluate: (theta) => evaluationLoss(theta, evaluationX, evaluationBatchSize, scratch),
  }, options);
  const result: SuperpositionResult = {
    params,
    ...describeSuperposition(best.theta, n, m),
    finalLoss: round(best.loss),
    lossCurve: best.lossCurve,
    bestRestart: best.restart,
    restartLosses: toPlainArray(losses),
  };
  return { result, theta: best.theta };
}

const list = (values: number[]) => values.map((value) => value.toFixed(3)).join(' ');

export const superpositionModel = /* @__PURE__ */ defineLabModel({
  name: 'superposition',
  description: 'model 1: toy model of superposition (Elhage et al., 2022)',
  paramSpec: superpositionParamSpec,
  validate: validateSuperpositionParams,
  layout: (params) => superpositionLayout(params.n, params.m),
  train: trainSuperposition,
  summary: (result) => {
    const { params } = result;
    const represented = result.featureNorms.filter((norm) => norm > 0.5).length;
    return [
      `n = ${params.n} features in m = ${params.m} dimensions, sparsity ${params.sparsity}, importance r = ${params.importanceDecay}, ${params.nonlinearity}`,
      `best of ${params.restarts} restarts: #${result.bestRestart}, final loss ${result.finalLoss}`,
      `‖W_i‖: ${list(result.featureNorms)}  (${represented} features with ‖W_i‖ > 0.5)`,
      `superposition Σ_j≠i (Ŵ_i·W_j)²: ${list(result.superposition)}`,
      `b: ${list(result.b)}`,
    ];
  },
});

/**
 * Feature geometry of W (m×n, row-major): ‖W_i‖, the superposition Σ_{j≠i} (Ŵ_i·W_j)² and WᵀW, as plain arrays.
 * Exported for figures that draw the W of a progress report while training runs.
 */
export function featureGeometry(W: Float64Array, m: number, n: number) {
  const norms = columnNorms(W, m, n);
  const G = gram(W, m, n);
  const superposition = Array.from(norms, (norm, i) => {
    let sum = 0;
    for (let j = 0; j < n; j++) if (j !== i) sum += G[i * n + j]! ** 2;
    return norm > 0 ? sum / norm ** 2 : 0;
  });
  return {
    featureNorms: toPlainArray(norms),
    superposition: toPlainArray(superposition),
    gram: toPlainMatrix(G, n, n),
  };
}

/** The figures' view of θ = [W, b]: W, b, norms, superposition and WᵀW. */
function describeSuperposition(theta: Float64Array, n: number, m: number) {
  const W = theta.subarray(0, m * n);
  const { featureNorms, superposition, gram: G } = featureGeometry(W, m, n);
  return {
    W: toPlainMatrix(W, m, n),
    b: toPlainArray(theta.subarray(m * n)),
    featureNorms,
    superposition,
    gram: G,
  };
}
