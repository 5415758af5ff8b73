/**
 * Model 2 — sparse autoencoder (dictionary learning).
 * Bricken et al. (2023), "Towards Monosemanticity", https://transformer-circuits.pub/2023/monosemantic-features
 * with the decoder-norm-weighted L1 penalty of Anthropic's April 2024 update
 * (https://transformer-circuits.pub/2024/april-update), and the TopK variant of Gao et al. (2024),
 * "Scaling and evaluating sparse autoencoders", https://arxiv.org/abs/2406.04093.
 *
 *   f = ReLU(W_enc (x − b_dec) + b_enc)        (TopK: keep the k largest pre-activations, then ReLU)
 *   x̂ = W_dec f + b_dec
 *   L = mean over the batch of ‖x − x̂‖² + λ Σ_i f_i ‖W_dec,i‖     (TopK: no penalty, λ unused)
 */

import { defineLabModel, type LabTrainOptions, type Trained } from './core/define-model.ts';
import type { Objective } from './core/objective.ts';
import { trainObjective } from './core/train.ts';
import { matchDictionary, type FeatureMatch } from './dictionary-metrics.ts';
import { round, toPlainArray, toPlainMatrix } from './json.ts';
import { boundSteps, validateParams, type ParamValues, type Validated } from './params.ts';
import { createRandom, deriveSeed } from './random.ts';
import type { LossCurve } from './runner.ts';
import { createSaeLoss, saeLayout, type SaeShape } from './sae-objective.ts';
import { readoutExample, type SaeExample } from './sae-readout.ts';
import { createSparseCombinationSource, randomUnitDirections, type SparseCombinationSource } from './sparse-data.ts';
import { trainSuperposition, validateSuperpositionParams, type SuperpositionMetrics } from './superposition.ts';

export const saeParamSpec = [
  { name: 'data', kind: 'choice', default: 'synthetic', options: ['synthetic', 'superposition'], description: 'random unit directions, or the hidden activations h = Wx of a toy model of superposition (then d = m, features = n ≤ 20)' },
  { name: 'variant', kind: 'choice', default: 'l1', options: ['l1', 'topk'], description: 'L1 penalty weighted by decoder norms, or TopK activation' },
  { name: 'inputDim', kind: 'number', default: 32, min: 2, max: 64, integer: true, description: 'dimension d of the data' },
  { name: 'features', kind: 'number', default: 64, min: 2, max: 256, integer: true, description: 'number of true feature directions' },
  { name: 'featureProbability', kind: 'number', default: 0.05, min: 0.001, max: 0.5, integer: false, description: 'probability that each true feature is active' },
  { name: 'width', kind: 'number', default: 128, min: 2, max: 512, integer: true, description: 'number of SAE latents' },
  { name: 'l1Coefficient', kind: 'number', default: 0.3, min: 0, max: 10, integer: false, description: 'λ, the sparsity penalty (variant l1)' },
  { name: 'k', kind: 'number', default: 3, min: 1, max: 64, integer: true, description: 'latents kept per sample (variant topk)' },
  { name: 'steps', kind: 'number', default: 3000, min: 1, max: 20_000, integer: true, description: 'Adam steps' },
  { name: 'batchSize', kind: 'number', default: 64, min: 1, max: 1024, integer: true, description: 'samples per step' },
  { name: 'learningRate', kind: 'number', default: 0.003, min: 1e-5, max: 0.1, integer: false, description: 'Adam learning rate' },
  { name: 'seed', kind: 'number', default: 0, min: 0, max: 2 ** 31 - 1, integer: true, description: 'seed for data directions, initialisation and batches' },
] as const;

export type SaeParams = ParamValues<typeof saeParamSpec>;

/** Multiply-adds (batch × width × d × steps) allowed in one run: a few seconds at most. */
const workBudget = 2e9;

export function validateSaeParams(raw: Record<string, unknown>): Validated<SaeParams> {
  const { params, corrections } = validateParams(saeParamSpec, raw);
  if (params.data === 'superposition') {
    const toy = validateSuperpositionParams({ n: params.features, m: params.inputDim });
    corrections.push(...toy.corrections.map((note) => `superposition data: ${note.replace(/^n:/, 'features:').replace(/^m:/, 'inputDim:')}`));
    params.features = toy.params.n;
    params.inputDim = toy.params.m;
  }
  if (params.variant === 'topk' && params.k > params.width) {
    corrections.push(`k: ${params.k} is more than width = ${params.width}; using ${params.width}`);
    params.k = params.width;
  }
  params.steps = boundSteps(params.steps, params.batchSize * params.width * params.inputDim, workBudget, corrections);
  return { params, corrections };
}

export interface SaeResult {
  params: SaeParams;
  /** width rows of length d: the decoder direction W_dec,i of each latent. */
  decoder: number[][];
  decoderBias: number[];
  /** Mean number of active latents per sample (evaluation batch). */
  l0: number;
  /** The data's true mean number of active features. */
  trueL0: number;
  /** Mean ‖x − x̂‖² per sample, and as a fraction of the data's variance (FVU). */
  reconstructionError: number;
  fractionOfVarianceUnexplained: number;
  /** Latents that fired on no evaluation sample. */
  deadLatents: number;
  /** Mean max cosine similarity of the true directions with the decoder directions. */
  mmcs: number;
  /** For each true feature, its best-matching latent and their cosine similarity. */
  matches: FeatureMatch[];
  /** features rows of length d: the planted directions g_i the SAE should recover. */
  truth: number[][];
  /** One input with at least two planted features, and the latents the SAE turns on for it. */
  example: SaeExample;
  finalLoss: number;
  lossCurve: LossCurve;
}

/** Progress reports say which phase is training: the toy model that makes `superposition` data (its metrics too), or the SAE. */
export type SaeMetrics = { phase: 'sae' } | (SuperpositionMetrics & { phase: 'superposition data' });

const evaluationBatchSize = 4096;

/** The data's true directions; for `superposition` data this trains the toy model first (from scratch: `initial` is the SAE's). */
async function createDataSource(params: SaeParams, { signal, onProgress, progressIntervalMs }: LabTrainOptions<SaeMetrics>): Promise<SparseCombinationSource> {
  if (params.data === 'synthetic') {
    const directions = randomUnitDirections(params.features, params.inputDim, createRandom(deriveSeed(params.seed, 2000)));
    return createSparseCombinationSource(directions, params.inputDim, params.featureProbability);
  }
  const toy = validateSuperpositionParams({
    n: params.features, m: params.inputDim, sparsity: 1 - params.featureProbability, restarts: 1, seed: params.seed,
  });
  const { result: { W } } = await trainSuperposition(toy.params, {
    signal,
    progressIntervalMs,
    onProgress: onProgress && ((progress) => onProgress({ ...progress, metrics: { ...progress.metrics, phase: 'superposition data' } })),
  });
  const n = params.features;
  const m = params.inputDim;
  const directions = Float64Array.from({ length: n * m }, (_, index) => W[index % m]![Math.floor(index / m)]!);
  return createSparseCombinationSource(directions, m, params.featureProbability);
}

/** Batches of `batchSize` samples from the data source. */
function createSaeObjective(sae: ReturnType<typeof createSaeLoss>, source: SparseCombinationSource, batchSize: number, d: number): Objective<Float64Array> {
  return {
    layout: sae.layout,
    init: sae.init,
    createBatch: () => new Float64Array(batchSize * d),
    sample: (X, random) => source.sample(X, batchSize, random),
    lossAndGradient: (theta, X, grad) => sae.lossAndGradient(theta, X, batchSize, grad),
  };
}

export async function trainSae(params: SaeParams, options: LabTrainOptions<SaeMetrics> = {}): Promise<Trained<SaeResult>> {
  const source = await createDataSource(params, options);
  const shape: SaeShape = { d: params.inputDim, width: params.width, topK: params.variant === 'topk' ? params.k : 0, l1Coefficient: params.variant === 'l1' ? params.l1Coefficient : 0 };
  const objective = createSaeLoss(shape);
  const { theta, lossCurve } = await trainObjective({
    name: 'sae',
    objective: createSaeObjective(objective, source, params.batchSize, shape.d),
    steps: params.steps,
    seed: deriveSeed(params.seed, 0),
    optimiser: { kind: 'adam', learningRate: params.learningRate },
    initial: options.initial,
    trainable: options.trainable,
    metrics: () => ({ phase: 'sae' as const }),
  }, options);

  const evaluationX = new Float64Array(evaluationBatchSize * shape.d);
  source.sample(evaluationX, evaluationBatchSize, createRandom(deriveSeed(params.seed, 1000)));
  const evaluation = objective.evaluate(theta, evaluationX, evaluationBatchSize);
  const decoder = objective.decoderDirections(theta);
  const { mmcs, matches } = matchDictionary(source.directions, decoder, shape.d);
  const result: SaeResult = {
    params,
    decoder: toPlainMatrix(decoder, shape.width, shape.d, 4),
    decoderBias: toPlainArray(objective.decoderBias(theta), 4),
    l0: round(evaluation.l0),
    trueL0: round(source.meanActiveFeatures),
    reconstructionError: round(evaluation.reconstructionError),
    fractionOfVarianceUnexplained: round(evaluation.fractionOfVarianceUnexplained),
    deadLatents: evaluation.deadLatents,
    mmcs: round(mmcs),
    matches: matches.map(({ latent, cosine }) => ({ latent, cosine: round(cosine, 4) })),
    truth: toPlainMatrix(source.directions, source.directions.length / shape.d, shape.d, 4),
    example: readoutExample(objective, theta, source, deriveSeed(params.seed, 3000)),
    finalLoss: round(evaluation.loss),
    lossCurve,
  };
  return { result, theta };
}

export const saeModel = defineLabModel({
  name: 'sae',
  description: 'model 2: sparse autoencoder (ReLU + L1, or TopK) on data with known features',
  paramSpec: saeParamSpec,
  validate: validateSaeParams,
  layout: (params) => saeLayout(params.inputDim, params.width),
  train: trainSae,
  summary: ({ params, ...result }) => [
    `${params.variant} SAE, width ${params.width}, on ${params.data} data (d = ${params.inputDim}, ${params.features} true features)`,
    `L0 ${result.l0} (true ${result.trueL0}), FVU ${result.fractionOfVarianceUnexplained}, dead latents ${result.deadLatents}`,
    `MMCS with the true features ${result.mmcs}`,
  ],
});
