/**
 * A linear (affine) map applied to each row: y_t = W x_t + b, with W (outputs × inputs, row-major: row j holds
 * the weights into output j) and b (outputs) blocks of the model's θ. Forward keeps a reference to its input
 * for backward (the caller must not overwrite it in between); output and input-gradient buffers belong to the instance.
 */

import { dot } from '../matrix.ts';

export interface Linear {
  readonly inputs: number;
  readonly outputs: number;
  /** Shapes of the W and b blocks, for defineLayout. */
  readonly weightShape: readonly [number, number];
  readonly biasShape: readonly [number];
  /** rows × outputs. */
  forward(W: Float64Array, b: Float64Array, x: Float64Array, rows: number): Float64Array;
  /** Adds ∂L/∂W and ∂L/∂b into dW and db and returns ∂L/∂x (rows × inputs) for the last forward. */
  backward(W: Float64Array, dY: Float64Array, dW: Float64Array, db: Float64Array): Float64Array;
}

export function createLinear(inputs: number, outputs: number, maxRows: number): Linear {
  const y = new Float64Array(maxRows * outputs);
  const dX = new Float64Array(maxRows * inputs);
  let x: Float64Array = new Float64Array(0);
  let rows = 0;
  return {
    inputs,
    outputs,
    weightShape: [outputs, inputs],
    biasShape: [outputs],
    forward(W, b, input, count) {
      if (count > maxRows) throw new RangeError(`linear: ${count} rows, at most ${maxRows}`);
      x = input;
      rows = count;
      for (let t = 0; t < rows; t++) {
        for (let j = 0; j < outputs; j++) y[t * outputs + j] = b[j]! + dot(W, j * inputs, x, t * inputs, inputs);
      }
      return y;
    },
    backward(W, dY, dW, db) {
      dX.fill(0, 0, rows * inputs);
      for (let t = 0; t < rows; t++) {
        for (let j = 0; j < outputs; j++) {
          const g = dY[t * outputs + j]!;
          if (g === 0) continue;
          db[j]! += g;
          const row = j * inputs;
          for (let i = 0; i < inputs; i++) {
            dW[row + i]! += g * x[t * inputs + i]!;
            dX[t * inputs + i]! += g * W[row + i]!;
          }
        }
      }
      return dX;
    },
  };
}
