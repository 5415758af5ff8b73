/**
 * Multi-head causal self-attention on one sequence (Vaswani et al., 2017), with a hand-written backward pass.
 * For each head h, on the input X (positions × width):
 *
 *     Q = X W_Qᵀ,  K = X W_Kᵀ,  V = X W_Vᵀ                   (positions × headSize)
 *     A = softmax_row(Q Kᵀ / √headSize), causal: A[i, j] = 0 for j > i
 *     out_h = (A V) W_Oᵀ                                         (positions × width)
 *
 * and the layer's output is Σ_h out_h (the caller adds it to the residual stream). No biases.
 * Each head's attention pattern A and output out_h stay readable after a forward pass (`pattern`, `headOutput`).
 * Each head's output is a named site (`<name>.head<h>`, core/interventions.ts) visited before the sum, so hooks
 * can cache it or overwrite it (zero- or mean-ablation, patching).
 * All scratch belongs to the instance: one instance per layer, one sequence at a time; `backward` uses the
 * values of the last `forward`, which must have run without hooks.
 */

import { noSites, type Sites } from '../core/interventions.ts';

export interface AttentionShape {
  readonly context: number;
  readonly width: number;
  readonly heads: number;
  readonly headSize: number;
}

/** Row-major views into θ (or into a gradient of the same layout). */
export interface AttentionWeights {
  /** [heads × headSize, width]: row h·headSize + e is the e-th query direction of head h. */
  readonly query: Float64Array;
  readonly key: Float64Array;
  readonly value: Float64Array;
  /** [heads, width, headSize]: W_O of each head. */
  readonly output: Float64Array;
}

/** The parameter blocks of one attention layer, for `defineLayout`: names `${prefix}.query` … `${prefix}.output`. */
export function attentionBlocks(prefix: string, { width, heads, headSize }: AttentionShape): Record<string, readonly number[]> {
  return {
    [`${prefix}.query`]: [heads * headSize, width],
    [`${prefix}.key`]: [heads * headSize, width],
    [`${prefix}.value`]: [heads * headSize, width],
    [`${prefix}.output`]: [heads, width, headSize],
  };
}

export interface CausalAttention {
  readonly shape: AttentionShape;
  /** Writes Σ_h out_h for `input` (context × width) into `output` (context × width), visiting each head's site. */
  forward(input: Float64Array, weights: AttentionWeights, output: Float64Array, sites?: Sites): void;
  /** Given ∂L/∂output, ADDS the weight gradients into `gradWeights` and ∂L/∂input into `gradInput`. */
  backward(gradOutput: Float64Array, weights: AttentionWeights, gradWeights: AttentionWeights, gradInput: Float64Array): void;
  /** Head `head`'s attention pattern from the last forward pass: context × context, row = query position. */
  pattern(head: number): Float64Array;
  /** Head `head`'s output from the last forward pass (after any hook): context × width. */
  headOutput(head: number): Float64Array;
}

/** Head sites are named `${name}.head0`, `${name}.head1`, …. */
export function createCausalAttention(shape: AttentionShape, name = 'attention'): CausalAttention {
  const { context: T, width: d, heads: H, headSize: dh } = shape;
  const scale = 1 / Math.sqrt(dh);
  const input = new Float64Array(T * d);
  const q = new Float64Array(H * T * dh);
  const k = new Float64Array(H * T * dh);
  const v = new Float64Array(H * T * dh);
  const z = new Float64Array(H * T * dh);
  const patterns = new Float64Array(H * T * T);
  const outputs = new Float64Array(H * T * d);
  const dZ = new Float64Array(T * dh);
  const dQ = new Float64Array(T * dh);
  const dK = new Float64Array(T * dh);
  const dV = new Float64Array(T * dh);
  const dScores = new Float64Array(T);
  const siteNames = Array.from({ length: H }, (_, h) => `${name}.head${h}`);
  let hooked = false;

  /** rows (T × dh) of head h: X W_hᵀ, with W rows h·dh … h·dh + dh − 1. */
  function project(W: Float64Array, h: number, target: Float64Array): void {
    const base = h * T * dh;
    for (let t = 0; t < T; t++) {
      for (let e = 0; e < dh; e++) {
        const w = (h * dh + e) * d;
        let sum = 0;
        for (let c = 0; c < d; c++) sum += W[w + c]! * input[t * d + c]!;
        target[base + t * dh + e] = sum;
      }
    }
  }

  function forwardHead(h: number, weights: AttentionWeights): void {
    project(weights.query, h, q);
    project(weights.key, h, k);
    project(weights.value, h, v);
    const base = h * T * dh;
    const A = h * T * T;
    for (let i = 0; i < T; i++) {
      const row = A + i * T;
      let max = -Infinity;
      for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let e = 0; e < dh; e++) s += q[base + i * dh + e]! * k[base + j * dh + e]!;
        s *= scale;
        patterns[row + j] = s;
        if (s > max) max = s;
      }
      let total = 0;
      for (let j = 0; j <= i; j++) {
        const p = Math.exp(patterns[row + j]! - max);
        patterns[row + j] = p;
        total += p;
      }
      for (let j = 0; j <= i; j++) patterns[row + j] = patterns[row + j]! / total;
      for (let j = i + 1; j < T; j++) patterns[row + j] = 0;
      for (let e = 0; e < dh; e++) {
        let sum = 0;
        for (let j = 0; j <= i; j++) sum += patterns[row + j]! * v[base + j * dh + e]!;
        z[base + i * dh + e] = sum;
      }
    }
    const out = h * T * d;
    const W = h * d * dh;
    for (let t = 0; t < T; t++) {
      for (let c = 0; c < d; c++) {
        let sum = 0;
        for (let e = 0; e < dh; e++) sum += weights.output[W + c * dh + e]! * z[base + t * dh + e]!;
        outputs[out + t * d + c] = sum;
      }
    }
  }

  function backwardHead(h: number, gradOutput: Float64Array, weights: AttentionWeights, grads: AttentionWeights, gradInput: Float64Array): void {
    const base = h * T * dh;
    const A = h * T * T;
    const W = h * d * dh;
    // W_O and ∂L/∂z
    for (let c = 0; c < d; c++) {
      for (let e = 0; e < dh; e++) {
        let sum = 0;
        for (let t = 0; t < T; t++) sum += gradOutput[t * d + c]! * z[base + t * dh + e]!;
        grads.output[W + c * dh + e] = grads.output[W + c * dh + e]! + sum;
      }
    }
    for (let t = 0; t < T; t++) {
      for (let e = 0; e < dh; e++) {
        let sum = 0;
        for (let c = 0; c < d; c++) sum += gradOutput[t * d + c]! * weights.output[W + c * dh + e]!;
        dZ[t * dh + e] = sum;
      }
    }
    dQ.fill(0);
    dK.fill(0);
    dV.fill(0);
    for (let i = 0; i < T; i++) {
      const row = A + i * T;
      // ∂L/∂A[i, j] = dZ_i · v_j, then through the softmax: ∂L/∂s_ij = A_ij (∂L/∂A_ij − Σ_k A_ik ∂L/∂A_ik)
      let weighted = 0;
      for (let j = 0; j <= i; j++) {
        let sum = 0;
        for (let e = 0; e < dh; e++) sum += dZ[i * dh + e]! * v[base + j * dh + e]!;
        dScores[j] = sum;
        weighted += patterns[row + j]! * sum;
      }
      for (let j = 0; j <= i; j++) {
        const p = patterns[row + j]!;
        const ds = p * (dScores[j]! - weighted) * scale;
        for (let e = 0; e < dh; e++) {
          dQ[i * dh + e] = dQ[i * dh + e]! + ds * k[base + j * dh + e]!;
          dK[j * dh + e] = dK[j * dh + e]! + ds * q[base + i * dh + e]!;
          dV[j * dh + e] = dV[j * dh + e]! + p * dZ[i * dh + e]!;
        }
      }
    }
    accumulateProjection(dQ, h, weights.query, grads.query, gradInput);
    accumulateProjection(dK, h, weights.key, grads.key, gradInput);
    accumulateProjection(dV, h, weights.value, grads.value, gradInput);
  }

  /** For a projection P = X W_hᵀ with ∂L/∂P = dP: ∂L/∂W_h += dPᵀ X and ∂L/∂X += dP W_h. */
  function accumulateProjection(dP: Float64Array, h: number, W: Float64Array, gradW: Float64Array, gradInput: Float64Array): void {
    for (let e = 0; e < dh; e++) {
      const w = (h * dh + e) * d;
      for (let c = 0; c < d; c++) {
        let sum = 0;
        for (let t = 0; t < T; t++) sum += dP[t * dh + e]! * input[t * d + c]!;
        gradW[w + c] = gradW[w + c]! + sum;
      }
    }
    for (let t = 0; t < T; t++) {
      for (let c = 0; c < d; c++) {
        let sum = 0;
        for (let e = 0; e < dh; e++) sum += dP[t * dh + e]! * W[(h * dh + e) * d + c]!;
        gradInput[t * d + c] = gradInput[t * d + c]! + sum;
      }
    }
  }

  return {
    shape,
    forward(source, weights, output, sites = noSites) {
      input.set(source.subarray(0, T * d));
      output.fill(0, 0, T * d);
      hooked = sites !== noSites;
      for (let h = 0; h < H; h++) {
        forwardHead(h, weights);
        const head = outputs.subarray(h * T * d, (h + 1) * T * d);
        if (hooked) sites.visit(siteNames[h]!, head);
        for (let i = 0; i < T * d; i++) output[i] = output[i]! + head[i]!;
      }
    },
    backward(gradOutput, weights, gradWeights, gradInput) {
      if (hooked) throw new Error('attention: backward after a hooked forward pass would not be the gradient of the edited model');
      for (let h = 0; h < H; h++) backwardHead(h, gradOutput, weights, gradWeights, gradInput);
    },
    pattern: (head) => patterns.subarray(head * T * T, (head + 1) * T * T),
    headOutput: (head) => outputs.subarray(head * T * d, (head + 1) * T * d),
  };
}
