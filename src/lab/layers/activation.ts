/**
 * Elementwise nonlinearities with their derivatives: ReLU, and GELU in the tanh approximation used by GPT-2
 * (Hendrycks & Gimpel, 2016, "Gaussian Error Linear Units (GELUs)", https://arxiv.org/abs/1606.08415):
 *   gelu(x) = ½ x (1 + tanh(u)),   u = √(2/π) (x + 0.044715 x³)
 * Forward keeps the input for backward; buffers belong to the instance.
 */

export type ActivationKind = 'relu' | 'gelu';

export interface Activation {
  readonly kind: ActivationKind;
  /** `size` values (e.g. rows × width). */
  forward(x: Float64Array, size: number): Float64Array;
  /** ∂L/∂x from ∂L/∂output, for the last forward. */
  backward(dOutput: Float64Array): Float64Array;
}

const geluScale = Math.sqrt(2 / Math.PI);
const geluCubic = 0.044715;

export function createActivation(kind: ActivationKind, maxSize: number): Activation {
  const output = new Float64Array(maxSize);
  const dX = new Float64Array(maxSize);
  let x: Float64Array = new Float64Array(0);
  let size = 0;
  const forward = kind === 'relu'
    ? () => {
      for (let k = 0; k < size; k++) output[k] = x[k]! > 0 ? x[k]! : 0;
    }
    : () => {
      for (let k = 0; k < size; k++) {
        const v = x[k]!;
        output[k] = 0.5 * v * (1 + Math.tanh(geluScale * (v + geluCubic * v * v * v)));
      }
    };
  // ReLU's derivative at exactly 0 is taken as 0.
  const backward = kind === 'relu'
    ? (dOutput: Float64Array) => {
      for (let k = 0; k < size; k++) dX[k] = x[k]! > 0 ? dOutput[k]! : 0;
    }
    : (dOutput: Float64Array) => {
      for (let k = 0; k < size; k++) {
        const v = x[k]!;
        const tanh = Math.tanh(geluScale * (v + geluCubic * v * v * v));
        const derivative = 0.5 * (1 + tanh) + 0.5 * v * (1 - tanh * tanh) * geluScale * (1 + 3 * geluCubic * v * v);
        dX[k] = dOutput[k]! * derivative;
      }
    };
  return {
    kind,
    forward(input, count) {
      if (count > maxSize) throw new RangeError(`${kind}: ${count} values, at most ${maxSize}`);
      x = input;
      size = count;
      forward();
      return output;
    },
    backward(dOutput) {
      backward(dOutput);
      return dX;
    },
  };
}
