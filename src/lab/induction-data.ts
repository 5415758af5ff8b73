/**
 * The induction task's data: sequences of uniformly random tokens after a start-of-sequence token (BOS), in
 * which one random block is written twice. The second copy can be predicted only by finding the first:
 * after token A of the second copy comes the token that followed A in the first.
 *
 *   `varying` offset (default): block length uniform in [blockMin, blockMax], first copy anywhere, second copy
 *       anywhere after it, so the distance between the copies changes from sequence to sequence.
 *   `fixed` offset: the first half repeats as the second half, always the same distance back. A one-layer
 *       model solves this by attending a fixed number of positions back; no induction head is needed.
 */

import type { Random } from './random.ts';

export type OffsetMode = 'varying' | 'fixed';

export interface InductionDataSettings {
  /** Content tokens 0 … vocab − 1; BOS is token `vocab`. */
  readonly vocab: number;
  /** Positions per sequence, BOS included. */
  readonly context: number;
  readonly blockMin: number;
  readonly blockMax: number;
  readonly offset: OffsetMode;
}

/** `count` sequences; tokens row-major (count × context); per sequence where the two copies start and how long. */
export interface InductionBatch {
  readonly count: number;
  readonly tokens: Int32Array;
  readonly firstStart: Int32Array;
  readonly secondStart: Int32Array;
  readonly blockLength: Int32Array;
}

export function createInductionBatch(count: number, context: number): InductionBatch {
  return {
    count,
    tokens: new Int32Array(count * context),
    firstStart: new Int32Array(count),
    secondStart: new Int32Array(count),
    blockLength: new Int32Array(count),
  };
}

function integerBetween(random: Random, low: number, high: number): number {
  return low + Math.floor(random.uniform() * (high - low + 1));
}

export function validateInductionData({ vocab, context, blockMin, blockMax }: InductionDataSettings): void {
  if (vocab < 2 || blockMin < 2 || blockMax < blockMin || 1 + 2 * blockMax > context) {
    throw new Error(`induction data: blocks of ${blockMin}–${blockMax} tokens cannot repeat in a context of ${context} (vocabulary ${vocab})`);
  }
}

/** With a fixed offset the block is the first half (after BOS), so each copy is this many positions after the other. */
export function fixedOffsetDistance(context: number): number {
  return Math.floor((context - 1) / 2);
}

export function sampleInductionBatch(batch: InductionBatch, random: Random, settings: InductionDataSettings): void {
  const { vocab, context, blockMin, blockMax, offset } = settings;
  for (let s = 0; s < batch.count; s++) {
    const row = s * context;
    batch.tokens[row] = vocab;
    for (let t = 1; t < context; t++) batch.tokens[row + t] = Math.floor(random.uniform() * vocab);
    const length = offset === 'fixed' ? fixedOffsetDistance(context) : integerBetween(random, blockMin, blockMax);
    const first = offset === 'fixed' ? 1 : integerBetween(random, 1, context - 2 * length);
    const second = offset === 'fixed' ? 1 + length : integerBetween(random, first + length, context - length);
    for (let k = 0; k < length; k++) batch.tokens[row + second + k] = batch.tokens[row + first + k]!;
    batch.firstStart[s] = first;
    batch.secondStart[s] = second;
    batch.blockLength[s] = length;
  }
}

/**
 * The predictions the analysis compares, as query positions t (the model predicts token t + 1 at t):
 * the repeated part is t = secondStart … secondStart + length − 2 (tokens 2 … length of the second copy,
 * each predictable from the first copy), the first part the same tokens in the first copy.
 */
export function forEachPartPosition(batch: InductionBatch, sequence: number, visit: (firstPosition: number, repeatedPosition: number) => void): void {
  const first = batch.firstStart[sequence]!;
  const second = batch.secondStart[sequence]!;
  const length = batch.blockLength[sequence]!;
  for (let k = 0; k < length - 1; k++) visit(first + k, second + k);
}
