/**
 * Softmax cross-entropy over a vocabulary, one row per position:
 *   p_t = softmax(z_t),   L = (1/rows) Σ_t −log p_t[target_t],   ∂L/∂z_t = (p_t − onehot(target_t)) / rows
 * Forward keeps the probabilities (readable as `probabilities`, e.g. for a figure's next-token bars).
 */

export interface SoftmaxCrossEntropy {
  readonly vocab: number;
  /** rows × vocab, from the last forward. */
  readonly probabilities: Float64Array;
  /** Mean −log p[target] over the rows. */
  forward(logits: Float64Array, targets: ArrayLike<number>, rows: number): number;
  /** ∂L/∂logits (rows × vocab) for the last forward, times `scale` (1: the mean loss itself). */
  backward(scale?: number): Float64Array;
}

/** out = softmax(z[offset … offset + size)), shifted by the maximum so exp never overflows. */
export function softmaxInto(z: Float64Array, offset: number, size: number, out: Float64Array): void {
  let max = -Infinity;
  for (let j = 0; j < size; j++) max = Math.max(max, z[offset + j]!);
  let sum = 0;
  for (let j = 0; j < size; j++) sum += out[offset + j] = Math.exp(z[offset + j]! - max);
  for (let j = 0; j < size; j++) out[offset + j]! /= sum;
}

export function createSoftmaxCrossEntropy(vocab: number, maxRows: number): SoftmaxCrossEntropy {
  const probabilities = new Float64Array(maxRows * vocab);
  const dLogits = new Float64Array(maxRows * vocab);
  const targets = new Int32Array(maxRows);
  let rows = 0;
  return {
    vocab,
    probabilities,
    forward(logits, input, count) {
      if (count > maxRows) throw new RangeError(`softmax cross-entropy: ${count} rows, at most ${maxRows}`);
      rows = count;
      let loss = 0;
      for (let t = 0; t < rows; t++) {
        const target = input[t]!;
        if (!Number.isInteger(target) || target < 0 || target >= vocab) throw new RangeError(`softmax cross-entropy: target ${target} outside 0 … ${vocab - 1}`);
        targets[t] = target;
        softmaxInto(logits, t * vocab, vocab, probabilities);
        loss -= Math.log(Math.max(probabilities[t * vocab + target]!, 1e-300));
      }
      return loss / rows;
    },
    backward(scale = 1) {
      const factor = scale / rows;
      for (let t = 0; t < rows; t++) {
        for (let j = 0; j < vocab; j++) dLogits[t * vocab + j] = probabilities[t * vocab + j]! * factor;
        dLogits[t * vocab + targets[t]!]! -= factor;
      }
      return dLogits;
    },
  };
}
