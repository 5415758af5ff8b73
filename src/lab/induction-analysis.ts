/**
 * Measurements of a trained induction model on a fixed evaluation batch:
 *  - the mean next-token loss on the first and on the repeated part (induction-data.ts, forEachPartPosition);
 *  - per head, the previous-token score (mean attention from position t to t − 1, over t ≥ 1) and the induction
 *    score (mean attention from a repeated token to the token after its first occurrence, over the repeated part),
 *    after Olsson et al. (2022);
 *  - the repeated-part loss with one head ablated: its output set to zero, or to its mean over the batch at each
 *    position (mean-ablation), for every head.
 */

import { createSiteHooks, patch, zeroAblate, type Sites } from './core/interventions.ts';
import type { InductionBatch } from './induction-data.ts';
import { forEachPartPosition } from './induction-data.ts';
import { partLosses } from './induction-objective.ts';
import type { Transformer } from './transformer.ts';

export interface HeadId {
  layer: number;
  head: number;
}

export interface PartLoss {
  firstPart: number;
  repeatedPart: number;
}

export interface HeadScores {
  previousToken: number;
  induction: number;
}

export type AblationMode = 'zero' | 'mean';

export interface HeadAblation extends HeadId {
  /** Repeated-part loss with this head zero- / mean-ablated. */
  zero: number;
  mean: number;
}

function forEachHead(model: Transformer, visit: (layer: number, head: number) => void): void {
  for (let layer = 0; layer < model.shape.layers; layer++) for (let head = 0; head < model.shape.heads; head++) visit(layer, head);
}

/** Mean first- and repeated-part losses over `batch`, optionally with hooks (an ablation) at the model's sites. */
export function evaluatePartLoss(model: Transformer, theta: Float64Array, batch: InductionBatch, sites?: Sites): PartLoss {
  let first = 0;
  let repeated = 0;
  let count = 0;
  for (let s = 0; s < batch.count; s++) {
    model.forward(theta, batch.tokens, s * model.shape.context, sites);
    const parts = partLosses(model, batch, s);
    first += parts.first;
    repeated += parts.repeated;
    count += parts.count;
  }
  return { firstPart: first / count, repeatedPart: repeated / count };
}

/** Previous-token score of one attention pattern (context × context). */
export function previousTokenScore(pattern: Float64Array, context: number): number {
  let sum = 0;
  for (let t = 1; t < context; t++) sum += pattern[t * context + t - 1]!;
  return sum / (context - 1);
}

export interface Measurement {
  partLoss: PartLoss;
  /** [layer][head] */
  scores: HeadScores[][];
}

/** Part losses and every head's scores, averaged over `batch`, in one pass. */
export function measureModel(model: Transformer, theta: Float64Array, batch: InductionBatch): Measurement {
  const { layers, heads, context: T } = model.shape;
  const scores = Array.from({ length: layers }, () => Array.from({ length: heads }, () => ({ previousToken: 0, induction: 0 })));
  let first = 0;
  let repeated = 0;
  let count = 0;
  for (let s = 0; s < batch.count; s++) {
    model.forward(theta, batch.tokens, s * T);
    const parts = partLosses(model, batch, s);
    first += parts.first;
    repeated += parts.repeated;
    count += parts.count;
    forEachHead(model, (layer, head) => {
      const pattern = model.pattern(layer, head);
      const score = scores[layer]![head]!;
      score.previousToken += previousTokenScore(pattern, T);
      forEachPartPosition(batch, s, (firstPosition, repeatedPosition) => {
        score.induction += pattern[repeatedPosition * T + firstPosition + 1]!;
      });
    });
  }
  for (const layer of scores) {
    for (const score of layer) {
      score.previousToken /= batch.count;
      score.induction /= count;
    }
  }
  return { partLoss: { firstPart: first / count, repeatedPart: repeated / count }, scores };
}

/** Each head's output averaged over `batch` at each position: [layer][head] → context × width. */
export function meanHeadOutputs(model: Transformer, theta: Float64Array, batch: InductionBatch): Float64Array[][] {
  const { layers, heads, context: T, width } = model.shape;
  const means = Array.from({ length: layers }, () => Array.from({ length: heads }, () => new Float64Array(T * width)));
  for (let s = 0; s < batch.count; s++) {
    model.forward(theta, batch.tokens, s * T);
    forEachHead(model, (layer, head) => {
      const output = model.headOutput(layer, head);
      const mean = means[layer]![head]!;
      for (let i = 0; i < mean.length; i++) mean[i] = mean[i]! + output[i]! / batch.count;
    });
  }
  return means;
}

/** The transformer's site for one head's output. */
export const headSite = ({ layer, head }: HeadId): string => `layer${layer}.head${head}`;

/**
 * Hooks that ablate the `targets` heads: their outputs become zero, or (mean-ablation) their mean output at each
 * position over a reference batch (from meanHeadOutputs), patched in.
 */
export function ablateHeads(targets: readonly HeadId[], mode: AblationMode, means?: Float64Array[][]): Sites {
  if (mode === 'mean' && !means) throw new Error('mean-ablation needs the heads\' mean outputs');
  return createSiteHooks({ edits: Object.fromEntries(targets.map((target) => [headSite(target), mode === 'zero' ? zeroAblate : patch(means![target.layer]![target.head]!)])) });
}

/** Repeated-part loss over `batch` with the `targets` heads ablated together. */
export function ablatedRepeatedLoss(
  model: Transformer,
  theta: Float64Array,
  batch: InductionBatch,
  targets: readonly HeadId[],
  mode: AblationMode,
  means = mode === 'mean' ? meanHeadOutputs(model, theta, batch) : undefined,
): number {
  return evaluatePartLoss(model, theta, batch, ablateHeads(targets, mode, means)).repeatedPart;
}

/** Repeated-part loss with the `targets` heads ablated together, both ways. */
export function ablationLoss(model: Transformer, theta: Float64Array, batch: InductionBatch, targets: readonly HeadId[], means = meanHeadOutputs(model, theta, batch)): { zero: number; mean: number } {
  return {
    zero: ablatedRepeatedLoss(model, theta, batch, targets, 'zero'),
    mean: ablatedRepeatedLoss(model, theta, batch, targets, 'mean', means),
  };
}

/** The repeated-part loss with each head ablated in turn, both ways. */
export function headAblations(model: Transformer, theta: Float64Array, batch: InductionBatch): HeadAblation[] {
  const means = meanHeadOutputs(model, theta, batch);
  const ablations: HeadAblation[] = [];
  forEachHead(model, (layer, head) => ablations.push({ layer, head, ...ablationLoss(model, theta, batch, [{ layer, head }], means) }));
  return ablations;
}

/**
 * Thresholds that name heads. Uniform attention over the earlier positions scores about 0.16 as a previous-token
 * head and about 0.08 as an induction head on this data.
 */
export const previousTokenThreshold = 0.3;
export const inductionThreshold = 0.4;

export interface Circuit {
  /** First-layer heads whose previous-token score reaches previousTokenThreshold (often one, sometimes both share the job). */
  previousToken: HeadId[];
  /**
   * Heads in later layers whose induction score reaches inductionThreshold, named only when a previous-token head
   * exists: a one-layer model on fixed-offset data attends to the same place by position alone.
   */
  induction: HeadId[];
}

export function identifyCircuit(scores: HeadScores[][]): Circuit {
  const named = (layer: number, pass: (score: HeadScores) => boolean): HeadId[] =>
    scores[layer]!.flatMap((score, head) => (pass(score) ? [{ layer, head }] : []));
  const previousToken = named(0, (score) => score.previousToken >= previousTokenThreshold);
  if (previousToken.length === 0) return { previousToken, induction: [] };
  const induction = scores.slice(1).flatMap((_, k) => named(k + 1, (score) => score.induction >= inductionThreshold));
  return { previousToken, induction };
}
