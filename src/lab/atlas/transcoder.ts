/**
 * A TopK transcoder: a wide, sparse stand-in for one layer of the atlas network that reads the layer's input and
 * predicts its output (Dunefsky et al., 2024; the per-layer version of the replacement used in circuit tracing,
 * Ameisen et al., 2025). With k latents kept per input:
 *
 *   f = TopK(ReLU(W_enc x + b_enc))        ŷ = W_dec f + b_dec        L = mean ‖y − ŷ‖²
 *
 * Inactive latents pass no gradient; which latents are active is treated as fixed for the backward pass,
 * as TopK SAEs do.
 */

import { defineLayout } from '../core/layout.ts';
import type { Objective } from '../core/objective.ts';
import { dot, fillNormal } from '../matrix.ts';

export interface TranscoderShape {
  inputs: number;
  outputs: number;
  width: number;
  k: number;
}

export function transcoderLayout({ inputs, outputs, width }: TranscoderShape) {
  return defineLayout({ W_enc: [width, inputs], b_enc: [width], W_dec: [width, outputs], b_dec: [outputs] });
}

export type TranscoderLayout = ReturnType<typeof transcoderLayout>;

/** The active latents of one input, largest first, and their activations. */
export interface TranscoderCode {
  latents: number[];
  activations: number[];
}

export function createTranscoder(shape: TranscoderShape) {
  const { inputs, outputs, width, k } = shape;
  const layout = transcoderLayout(shape);
  const encOffset = layout.offset('W_enc');
  const bEnc = layout.offset('b_enc');
  const decOffset = layout.offset('W_dec');
  const bDec = layout.offset('b_dec');
  const prediction = new Float64Array(outputs);
  const dPrediction = new Float64Array(outputs);

  function encode(theta: Float64Array, x: Float64Array, xOffset: number): TranscoderCode {
    // Insertion into the k largest positive pre-activations (ties keep the lower index first): O(width · k).
    const latents: number[] = [];
    const activations: number[] = [];
    for (let i = 0; i < width; i++) {
      const value = theta[bEnc + i]! + dot(theta, encOffset + i * inputs, x, xOffset, inputs);
      if (value <= 0 || (latents.length === k && value <= activations[k - 1]!)) continue;
      let at = latents.length;
      while (at > 0 && activations[at - 1]! < value) at--;
      latents.splice(at, 0, i);
      activations.splice(at, 0, value);
      if (latents.length > k) {
        latents.pop();
        activations.pop();
      }
    }
    return { latents, activations };
  }

  function decodeInto(theta: Float64Array, code: TranscoderCode, out: Float64Array): Float64Array {
    for (let j = 0; j < outputs; j++) out[j] = theta[bDec + j]!;
    code.latents.forEach((latent, a) => {
      const row = decOffset + latent * outputs;
      for (let j = 0; j < outputs; j++) out[j]! += code.activations[a]! * theta[row + j]!;
    });
    return out;
  }

  /** Mean squared error over `rows` (X: rows × inputs, Y: rows × outputs); adds its gradient into `grad`. */
  function lossAndGradient(theta: Float64Array, X: Float64Array, Y: Float64Array, rows: number, grad: Float64Array): number {
    let loss = 0;
    const scale = 1 / rows;
    for (let r = 0; r < rows; r++) {
      const code = encode(theta, X, r * inputs);
      decodeInto(theta, code, prediction);
      for (let j = 0; j < outputs; j++) {
        const error = prediction[j]! - Y[r * outputs + j]!;
        loss += error * error * scale;
        dPrediction[j] = 2 * error * scale;
        grad[bDec + j]! += dPrediction[j]!;
      }
      code.latents.forEach((latent, a) => {
        const row = decOffset + latent * outputs;
        const df = dot(dPrediction, 0, theta, row, outputs);
        for (let j = 0; j < outputs; j++) grad[row + j]! += code.activations[a]! * dPrediction[j]!;
        grad[bEnc + latent]! += df;
        for (let i = 0; i < inputs; i++) grad[encOffset + latent * inputs + i]! += df * X[r * inputs + i]!;
      });
    }
    return loss;
  }

  return { shape, layout, encode, decodeInto, lossAndGradient };
}

export type Transcoder = ReturnType<typeof createTranscoder>;

/** Full-batch objective over recorded (input, output) pairs of one layer. */
export function transcoderObjective(transcoder: Transcoder, X: Float64Array, Y: Float64Array, rows: number): Objective<null> {
  const { layout, shape } = transcoder;
  return {
    layout,
    init(theta, random) {
      fillNormal(layout.slice(theta, 'W_enc'), random, Math.sqrt(2 / shape.inputs));
      fillNormal(layout.slice(theta, 'W_dec'), random, Math.sqrt(1 / shape.width));
    },
    createBatch: () => null,
    sample() {},
    lossAndGradient: (theta, _batch, grad) => transcoder.lossAndGradient(theta, X, Y, rows, grad),
  };
}
