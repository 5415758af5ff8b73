/**
 * Induction heads in a tiny attention-only transformer.
 * Olsson et al. (2022), "In-context Learning and Induction Heads"; the attention-only framework of
 * Elhage et al. (2021), "A Mathematical Framework for Transformer Circuits".
 *
 * A one- or two-layer attention-only transformer (transformer.ts) learns next-token prediction on random
 * sequences in which a block repeats (induction-data.ts). With two layers it forms an induction circuit: a
 * previous-token head in layer 1 and an induction head in layer 2, and the loss on the repeated part drops far
 * below the first part's ln V. The run records both parts' training loss at every step, the step at which the
 * repeated part's loss drops (dropStep), and measurements of the model on a fixed evaluation batch at evenly
 * spaced checkpoints (induction-analysis.ts).
 */

import { defineLabModel, type LabTrainOptions, type Trained } from './core/define-model.ts';
import { trainObjective } from './core/train.ts';
import { ablationLoss, headAblations, identifyCircuit, measureModel, type Circuit, type HeadAblation, type HeadScores, type Measurement, type PartLoss } from './induction-analysis.ts';
import { createInductionBatch, sampleInductionBatch, validateInductionData, type InductionBatch, type InductionDataSettings } from './induction-data.ts';
import { createInductionObjective, type InductionObjective } from './induction-objective.ts';
import { round, toPlainArray } from './json.ts';
import { boundSteps, validateParams, type ParamValues, type Validated } from './params.ts';
import { createRandom } from './random.ts';
import type { LossCurve } from './runner.ts';
import { createTransformer, transformerLayout, type TransformerShape } from './transformer.ts';

export const inductionParamSpec = [
  { name: 'layers', kind: 'number', default: 2, min: 1, max: 2, integer: true, description: 'attention layers (1 is the control: no induction head can form)' },
  { name: 'heads', kind: 'number', default: 2, min: 1, max: 4, integer: true, description: 'attention heads per layer' },
  { name: 'offset', kind: 'choice', default: 'varying', options: ['varying', 'fixed'], description: 'distance between the two copies of the block: varying, or always half the sequence (a shortcut)' },
  { name: 'steps', kind: 'number', default: 1000, min: 50, max: 4000, integer: true, description: 'Adam steps' },
  { name: 'learningRate', kind: 'number', default: 0.01, min: 1e-4, max: 0.05, integer: false, description: 'Adam learning rate' },
  { name: 'seed', kind: 'number', default: 0, min: 0, max: 2 ** 31 - 1, integer: true, description: 'seed of initialisation and data' },
] as const;

export type InductionParams = ParamValues<typeof inductionParamSpec>;

/** The fixed sizes: vocabulary 16 (+ BOS), context 16, width 16, head size 8, batch 16, blocks of 4–7 tokens. */
export const inductionSizes = { vocab: 16, context: 16, width: 16, headSize: 8, batchSize: 16, blockMin: 4, blockMax: 7 } as const;

/** Sequences in the fixed evaluation batch (drawn with `evaluationSeed`, the same for every run). */
export const evaluationSize = 128;
const evaluationSeed = 20_220_308;
/** Checkpoints at steps 0, steps/checkpointIntervals, …, steps. */
export const checkpointIntervals = 20;
/** Work allowed per run, as steps × layers × heads: four times the default two-layer, two-head run. */
const workBudget = 4 * 1000 * 2 * 2;

export function validateInductionParams(raw: Record<string, unknown>): Validated<InductionParams> {
  const { params, corrections } = validateParams(inductionParamSpec, raw);
  params.steps = boundSteps(params.steps, params.layers * params.heads, workBudget, corrections);
  return { params, corrections };
}

export function inductionShape(params: Pick<InductionParams, 'layers' | 'heads'>): TransformerShape {
  const { vocab, context, width, headSize } = inductionSizes;
  return { vocab, context, width, headSize, layers: params.layers, heads: params.heads };
}

export function inductionData(params: Pick<InductionParams, 'offset'>): InductionDataSettings {
  const { vocab, context, blockMin, blockMax } = inductionSizes;
  const settings = { vocab, context, blockMin, blockMax, offset: params.offset };
  validateInductionData(settings);
  return settings;
}

/** The fixed evaluation batch for this kind of data (same sequences in every run, independent of the seed). */
export function evaluationBatch(params: Pick<InductionParams, 'offset'>, count = evaluationSize): InductionBatch {
  const batch = createInductionBatch(count, inductionSizes.context);
  sampleInductionBatch(batch, createRandom(evaluationSeed), inductionData(params));
  return batch;
}

/** Training loss of the first and the repeated part, averaged over ≤ 200 buckets of steps (like LossCurve). */
export interface PartLossCurve {
  step: number[];
  firstPart: number[];
  repeatedPart: number[];
}

export interface InductionCheckpoint extends Measurement {
  step: number;
  /** θ at this step (layout of transformerLayout), 6 significant digits. */
  theta: number[];
}

export interface InductionResult {
  params: InductionParams;
  /** Mean training loss over the last point of the loss curve (the last ½ % of the steps). */
  finalLoss: number;
  lossCurve: LossCurve;
  partLossCurve: PartLossCurve;
  /** The first step at which the smoothed repeated-part loss is below ½ ln V (see dropStep); null if never. */
  dropStep: number | null;
  /** θ and measurements on the evaluation batch at each checkpoint; the last is the trained model. */
  checkpoints: InductionCheckpoint[];
  final: Measurement & {
    circuit: Circuit;
    /** Repeated-part loss with each head ablated alone. */
    ablations: HeadAblation[];
    /** Repeated-part loss with every induction head of the circuit ablated together (null: none named). */
    inductionAblation: { zero: number; mean: number } | null;
  };
}

const curvePoints = 200;
/** Progress reports carry both parts' mean training loss over this many recent steps. */
const progressWindow = 20;

/** Means of consecutive buckets of `values` (the same bucketing as runner.ts's loss curve). */
function bucketMeans(values: Float64Array, bucket: number): number[] {
  const means: number[] = [];
  for (let start = 0; start < values.length; start += bucket) {
    const end = Math.min(values.length, start + bucket);
    let sum = 0;
    for (let i = start; i < end; i++) sum += values[i]!;
    means.push(round(sum / (end - start)));
  }
  return means;
}

/** Smoothing of the drop rule: a centred moving average over this many curve points (5 % of a run). */
const dropSmoothing = 11;

/**
 * The drop rule: smooth the repeated-part training loss with a centred moving average of `dropSmoothing` curve
 * points, and report the first step at which it falls below ½ ln V: half of the loss of a uniform guess,
 * well below what a model without induction reaches (it can only favour tokens seen earlier in the sequence).
 */
export function dropStep(curve: { step: readonly number[]; repeatedPart: readonly number[] }, vocab: number): number | null {
  const threshold = Math.log(vocab) / 2;
  const half = Math.floor(dropSmoothing / 2);
  const values = curve.repeatedPart;
  for (let i = 0; i < values.length; i++) {
    const from = Math.max(0, i - half);
    const to = Math.min(values.length - 1, i + half);
    let sum = 0;
    for (let j = from; j <= to; j++) sum += values[j]!;
    if (sum / (to - from + 1) < threshold) return curve.step[i]!;
  }
  return null;
}

function roundMeasurement({ partLoss, scores }: Measurement): Measurement {
  const roundParts = (p: PartLoss): PartLoss => ({ firstPart: round(p.firstPart), repeatedPart: round(p.repeatedPart) });
  const roundScores = (s: HeadScores): HeadScores => ({ previousToken: round(s.previousToken), induction: round(s.induction) });
  return { partLoss: roundParts(partLoss), scores: scores.map((layer) => layer.map(roundScores)) };
}

/** Progress reports carry both parts' mean training loss over the last `progressWindow` steps. */
export type InductionMetrics = { firstPart: number; repeatedPart: number };

export async function trainInduction(params: InductionParams, options: LabTrainOptions<InductionMetrics> = {}): Promise<Trained<InductionResult>> {
  const shape = inductionShape(params);
  const objective = createInductionObjective(shape, inductionData(params), inductionSizes.batchSize);
  const evaluation = evaluationBatch(params);
  const evaluator = createTransformer(shape);
  const interval = Math.max(1, Math.round(params.steps / checkpointIntervals));
  const checkpoints: InductionCheckpoint[] = [];
  const checkpoint = (step: number, theta: Float64Array) => {
    checkpoints.push({ step, ...roundMeasurement(measureModel(evaluator, theta, evaluation)), theta: toPlainArray(theta) });
  };

  const firstPart = new Float64Array(params.steps);
  const repeatedPart = new Float64Array(params.steps);
  let step = 0;
  // Records both parts' loss at every step and measures θ at checkpoint steps, before that step's update.
  const recording: InductionObjective = {
    ...objective,
    lossAndGradient(theta, batch, grad) {
      if (step % interval === 0) checkpoint(step, theta);
      const loss = objective.lossAndGradient(theta, batch, grad);
      firstPart[step] = batch.firstPartLoss;
      repeatedPart[step] = batch.repeatedPartLoss;
      step++;
      return loss;
    },
  };
  const { theta, lossCurve } = await trainObjective({
    name: 'induction',
    objective: recording,
    steps: params.steps,
    seed: params.seed,
    optimiser: { kind: 'adam', learningRate: params.learningRate },
    initial: options.initial,
    trainable: options.trainable,
    metrics: () => {
      const from = Math.max(0, step - progressWindow);
      const mean = (values: Float64Array) => round(values.subarray(from, step).reduce((sum, v) => sum + v, 0) / Math.max(1, step - from));
      return { firstPart: mean(firstPart), repeatedPart: mean(repeatedPart) };
    },
  }, options);
  checkpoint(params.steps, theta);

  const bucket = Math.max(1, Math.ceil(params.steps / curvePoints));
  const partLossCurve: PartLossCurve = {
    step: lossCurve.step,
    firstPart: bucketMeans(firstPart, bucket),
    repeatedPart: bucketMeans(repeatedPart, bucket),
  };
  const final = checkpoints[checkpoints.length - 1]!;
  const circuit = identifyCircuit(final.scores);
  const roundAblation = <A extends { zero: number; mean: number }>(a: A): A => ({ ...a, zero: round(a.zero), mean: round(a.mean) });
  const result: InductionResult = {
    params,
    finalLoss: lossCurve.loss.at(-1)!,
    lossCurve,
    partLossCurve,
    dropStep: dropStep(partLossCurve, shape.vocab),
    checkpoints,
    final: {
      partLoss: final.partLoss,
      scores: final.scores,
      circuit,
      ablations: headAblations(evaluator, theta, evaluation).map(roundAblation),
      inductionAblation: circuit.induction.length > 0 ? roundAblation(ablationLoss(evaluator, theta, evaluation, circuit.induction)) : null,
    },
  };
  return { result, theta };
}

const headList = (heads: readonly { layer: number; head: number }[]) => heads.map((h) => `${h.layer + 1}.${h.head + 1}`).join(', ') || 'none';

export const inductionModel = /* @__PURE__ */ defineLabModel({
  name: 'induction',
  description: 'induction heads in a one- or two-layer attention-only transformer (Olsson et al., 2022)',
  paramSpec: inductionParamSpec,
  validate: validateInductionParams,
  layout: (params) => transformerLayout(inductionShape(params)),
  train: trainInduction,
  summary: (result) => {
    const { params, final } = result;
    const { partLoss, scores, circuit } = final;
    return [
      `${params.layers}-layer attention-only transformer, ${params.heads} heads per layer, ${params.offset} offset, ${params.steps} steps`,
      `loss on the first part ${partLoss.firstPart}, on the repeated part ${partLoss.repeatedPart} (ln 16 = ${Math.log(16).toFixed(3)})`,
      `repeated-part loss below ½ ln 16 from step ${result.dropStep ?? '— (never)'}`,
      `heads (layer.head: previous-token / induction score): ${scores.flatMap((row, layer) => row.map((s, head) => `${layer + 1}.${head + 1} ${s.previousToken.toFixed(2)}/${s.induction.toFixed(2)}`)).join(', ')}`,
      `previous-token heads ${headList(circuit.previousToken)}; induction heads ${headList(circuit.induction)}`,
    ];
  },
});
