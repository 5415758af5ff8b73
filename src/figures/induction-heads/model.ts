/**
 * The lab computations the figure runs on the main thread, each a single pass of the tiny model (well under
 * 50 ms): the attention patterns of every head on one sequence, and the repeated-part loss with heads ablated,
 * for θ at any checkpoint. They call the same lab functions as training, so their numbers are the lab's.
 */
import { ablatedRepeatedLoss as labAblatedLoss, type AblationMode, type HeadId } from '../../lab/induction-analysis.ts';
import { evaluationBatch, inductionShape, type InductionParams } from '../../lab/induction.ts';
import type { InductionBatch } from '../../lab/induction-data.ts';
import { createTransformer, type Transformer } from '../../lab/transformer.ts';

export type ModelParams = Pick<InductionParams, 'layers' | 'heads' | 'offset'>;

/** One sequence of the evaluation batch, as the figure draws it. */
export interface DisplaySequence {
  tokens: number[];
  firstStart: number;
  secondStart: number;
  blockLength: number;
}

export function displaySequences(params: Pick<InductionParams, 'offset'>, count: number): DisplaySequence[] {
  const batch = evaluationBatch(params);
  const T = batch.tokens.length / batch.count;
  return Array.from({ length: count }, (_, s) => ({
    tokens: Array.from(batch.tokens.subarray(s * T, (s + 1) * T)),
    firstStart: batch.firstStart[s]!,
    secondStart: batch.secondStart[s]!,
    blockLength: batch.blockLength[s]!,
  }));
}

const models = new Map<string, Transformer>();
function modelFor(params: ModelParams): Transformer {
  const key = `${params.layers}×${params.heads}`;
  let model = models.get(key);
  if (!model) models.set(key, (model = createTransformer(inductionShape(params))));
  return model;
}

/** Attention pattern of every head (index layer · heads + head) on `sequence`, rounded to 3 decimals. */
export function headPatterns(params: ModelParams, theta: ArrayLike<number>, sequence: DisplaySequence): number[][][] {
  const model = modelFor(params);
  const { layers, heads, context: T } = model.shape;
  model.forward(Float64Array.from(theta), Int32Array.from(sequence.tokens), 0);
  const patterns: number[][][] = [];
  for (let layer = 0; layer < layers; layer++) {
    for (let head = 0; head < heads; head++) {
      const p = model.pattern(layer, head);
      patterns.push(Array.from({ length: T }, (_, i) => Array.from({ length: T }, (_, j) => Math.round(p[i * T + j]! * 1000) / 1000)));
    }
  }
  return patterns;
}

const batches = new Map<string, InductionBatch>();

/** The repeated-part loss on the lab's evaluation batch with `heads` ablated together. */
export function ablatedRepeatedLoss(params: ModelParams, theta: ArrayLike<number>, heads: readonly HeadId[], mode: AblationMode): number {
  let batch = batches.get(params.offset);
  if (!batch) batches.set(params.offset, (batch = evaluationBatch(params)));
  return labAblatedLoss(modelFor(params), Float64Array.from(theta), batch, heads, mode);
}
