/**
 * The sparse autoencoder's forward pass, loss and hand-written gradient (equations in sae.ts), on one
 * flat parameter vector θ = [W_enc (width×d), b_enc (width), W_dec (width×d: row i is W_dec,i), b_dec (d)] (saeLayout).
 * Scratch space is allocated once; a training step allocates nothing.
 */

import { defineLayout } from './core/layout.ts';
import { dot, fillNormal } from './matrix.ts';
import type { Random } from './random.ts';

export interface SaeShape {
  d: number;
  width: number;
  /** k of the TopK variant; 0 for the ReLU + L1 variant. */
  topK: number;
  /** λ of the L1 variant (0 for TopK). */
  l1Coefficient: number;
}

export interface SaeEvaluation {
  loss: number;
  l0: number;
  reconstructionError: number;
  fractionOfVarianceUnexplained: number;
  deadLatents: number;
}

/** The SAE's code for one input: its active latents (TopK: largest first) and the reconstruction x̂. */
export interface SaeCode {
  latents: number[];
  activations: number[];
  /** How many pre-activations were positive; TopK keeps min(k, this many). */
  positivePreActivations: number;
  reconstruction: Float64Array;
}

export type SaeLoss = ReturnType<typeof createSaeLoss>;

export function saeLayout(d: number, width: number) {
  return defineLayout({ W_enc: [width, d], b_enc: [width], W_dec: [width, d], b_dec: [d] });
}

export function createSaeLoss(shape: SaeShape) {
  const { d, width, topK, l1Coefficient } = shape;
  const layout = saeLayout(d, width);
  // Offsets read once: the hot loops index θ directly.
  const bEncOffset = layout.offset('b_enc');
  const wDecOffset = layout.offset('W_dec');
  const bDecOffset = layout.offset('b_dec');

  const xc = new Float64Array(d);
  const xHat = new Float64Array(d);
  const dxHat = new Float64Array(d);
  const dxc = new Float64Array(d);
  const decoderNorms = new Float64Array(width);
  const active = new Int32Array(width);
  const f = new Float64Array(width);
  /** Positive pre-activations seen by the last `encode` (before TopK keeps k of them). */
  let positivePreActivations = 0;

  function computeDecoderNorms(theta: Float64Array): void {
    for (let i = 0; i < width; i++) {
      const row = wDecOffset + i * d;
      decoderNorms[i] = Math.sqrt(dot(theta, row, theta, row, d));
    }
  }

  /** Encodes sample s of X: fills active[0..count) and f[0..count) and x̂; returns count. */
  function encode(theta: Float64Array, X: Float64Array, s: number): number {
    const xOffset = s * d;
    for (let j = 0; j < d; j++) xc[j] = X[xOffset + j]! - theta[bDecOffset + j]!;
    let count = 0;
    positivePreActivations = 0;
    for (let i = 0; i < width; i++) {
      const pre = theta[bEncOffset + i]! + dot(theta, i * d, xc, 0, d);
      if (pre <= 0) continue;
      positivePreActivations++;
      if (topK === 0) {
        active[count] = i;
        f[count++] = pre;
      } else if (count < topK || pre > f[topK - 1]!) {
        // Insertion into active/f, kept sorted by descending pre-activation (inline: a call would box `pre`).
        let position = count < topK ? count++ : topK - 1;
        for (; position > 0 && f[position - 1]! < pre; position--) {
          f[position] = f[position - 1]!;
          active[position] = active[position - 1]!;
        }
        f[position] = pre;
        active[position] = i;
      }
    }
    for (let j = 0; j < d; j++) xHat[j] = theta[bDecOffset + j]!;
    for (let a = 0; a < count; a++) {
      const row = wDecOffset + active[a]! * d;
      const fa = f[a]!;
      for (let j = 0; j < d; j++) xHat[j]! += fa * theta[row + j]!;
    }
    return count;
  }

  /** Mean loss over the batch; adds its gradient into `grad`. */
  function lossAndGradient(theta: Float64Array, X: Float64Array, batchSize: number, grad: Float64Array): number {
    computeDecoderNorms(theta);
    const scale = 1 / batchSize;
    let loss = 0;
    for (let s = 0; s < batchSize; s++) {
      const count = encode(theta, X, s);
      const xOffset = s * d;
      for (let j = 0; j < d; j++) {
        const error = xHat[j]! - X[xOffset + j]!;
        loss += error * error;
        dxHat[j] = 2 * error * scale;
        grad[bDecOffset + j]! += dxHat[j]!;
        dxc[j] = 0;
      }
      for (let a = 0; a < count; a++) {
        const i = active[a]!;
        const fa = f[a]!;
        const norm = decoderNorms[i]!;
        loss += l1Coefficient * fa * norm;
        const encRow = i * d;
        const decRow = wDecOffset + i * d;
        const penaltyPerNorm = norm > 0 ? l1Coefficient * scale * fa / norm : 0;
        const df = l1Coefficient * scale * norm + dot(dxHat, 0, theta, decRow, d);
        for (let j = 0; j < d; j++) grad[decRow + j]! += dxHat[j]! * fa + penaltyPerNorm * theta[decRow + j]!;
        grad[bEncOffset + i]! += df;
        for (let j = 0; j < d; j++) {
          grad[encRow + j]! += df * xc[j]!;
          dxc[j]! += df * theta[encRow + j]!;
        }
      }
      for (let j = 0; j < d; j++) grad[bDecOffset + j]! -= dxc[j]!;
    }
    return loss * scale;
  }

  function evaluate(theta: Float64Array, X: Float64Array, batchSize: number): SaeEvaluation {
    computeDecoderNorms(theta);
    const fired = new Uint8Array(width);
    const mean = new Float64Array(d);
    for (let k = 0; k < batchSize * d; k++) mean[k % d]! += X[k]! / batchSize;
    let activeCount = 0;
    let squaredError = 0;
    let penalty = 0;
    let variance = 0;
    for (let s = 0; s < batchSize; s++) {
      const count = encode(theta, X, s);
      activeCount += count;
      for (let a = 0; a < count; a++) {
        fired[active[a]!] = 1;
        penalty += l1Coefficient * f[a]! * decoderNorms[active[a]!]!;
      }
      for (let j = 0; j < d; j++) {
        const x = X[s * d + j]!;
        squaredError += (x - xHat[j]!) ** 2;
        variance += (x - mean[j]!) ** 2;
      }
    }
    return {
      loss: (squaredError + penalty) / batchSize,
      l0: activeCount / batchSize,
      reconstructionError: squaredError / batchSize,
      fractionOfVarianceUnexplained: variance > 0 ? squaredError / variance : 0,
      deadLatents: width - fired.reduce((sum, bit) => sum + bit, 0),
    };
  }

  /** One input x (length d) through the SAE, for readouts and tests (allocates; not for training loops). */
  function encodeSample(theta: Float64Array, x: Float64Array): SaeCode {
    const count = encode(theta, x, 0);
    return {
      latents: Array.from(active.subarray(0, count)),
      activations: Array.from(f.subarray(0, count)),
      positivePreActivations,
      reconstruction: Float64Array.from(xHat),
    };
  }

  /** Fills θ (zeros on entry): decoder rows W_dec,i drawn uniformly on the unit sphere; W_enc = W_decᵀ; biases 0. */
  function init(theta: Float64Array, random: Random): void {
    const decoder = fillNormal(layout.slice(theta, 'W_dec'), random, 1);
    for (let i = 0; i < width; i++) {
      const norm = Math.sqrt(dot(decoder, i * d, decoder, i * d, d));
      for (let j = 0; j < d; j++) decoder[i * d + j]! /= norm;
    }
    layout.slice(theta, 'W_enc').set(decoder);
  }

  return {
    layout,
    lossAndGradient,
    evaluate,
    encodeSample,
    init,
    decoderDirections: (theta: Float64Array) => layout.slice(theta, 'W_dec').slice(),
    decoderBias: (theta: Float64Array) => layout.slice(theta, 'b_dec').slice(),
  };
}
