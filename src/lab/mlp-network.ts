/**
 * A multilayer perceptron trained by backpropagation (Rumelhart, Hinton & Williams, 1986, "Learning
 * representations by back-propagating errors", Nature 323, https://doi.org/10.1038/323533a0).
 * A small fully connected network on one flat parameter vector θ = [W_1, b_1, W_2, b_2, …],
 * W_l stored row-major as (sizes[l] × sizes[l−1]): row j holds the weights into neuron j.
 *
 *   z_l = W_l a_{l−1} + b_l,   a_l = tanh(z_l) for hidden layers,   a_L = softmax(z_L)
 *   L = mean over the batch of −log a_L[label]            (cross-entropy)
 * The backward pass is written by hand: δ_L = a_L − onehot(label), δ_l = (W_{l+1}ᵀ δ_{l+1}) ⊙ (1 − a_l²).
 */

import { defineLayout } from './core/layout.ts';
import { softmaxInto } from './layers/softmax-cross-entropy.ts';
import { dot } from './matrix.ts';

/** Block names of layer l's weights and biases in the network's layout. */
export const weightBlock = (l: number) => `W${l}`;
export const biasBlock = (l: number) => `b${l}`;

export function createMlp(sizes: readonly number[]) {
  const layerCount = sizes.length - 1;
  const layout = defineLayout(Object.fromEntries(sizes.slice(1).flatMap((width, index) => [
    [weightBlock(index + 1), [width, sizes[index]!]],
    [biasBlock(index + 1), [width]],
  ])));
  // Offsets by layer, read once: the hot loops below index θ directly.
  const weightOffsets = sizes.map((_, l) => (l === 0 ? 0 : layout.offset(weightBlock(l))));
  const biasOffsets = sizes.map((_, l) => (l === 0 ? 0 : layout.offset(biasBlock(l))));
  /** pre[l], act[l] for l = 0 … L (pre[0] = act[0] = the input). */
  const pre = sizes.map((width) => new Float64Array(width));
  const act = sizes.map((width) => new Float64Array(width));
  const delta = sizes.map((width) => new Float64Array(width));

  /** Fills pre and act for input X[xOffset], X[xOffset + 1], …; returns act. */
  function forward(theta: Float64Array, X: Float64Array, xOffset: number): Float64Array[] {
    act[0]!.set(X.subarray(xOffset, xOffset + sizes[0]!));
    pre[0]!.set(act[0]!);
    for (let l = 1; l <= layerCount; l++) {
      const inputs = sizes[l - 1]!;
      const z = pre[l]!;
      const a = act[l]!;
      for (let j = 0; j < sizes[l]!; j++) {
        z[j] = theta[biasOffsets[l]! + j]! + dot(theta, weightOffsets[l]! + j * inputs, act[l - 1]!, 0, inputs);
      }
      if (l < layerCount) for (let j = 0; j < z.length; j++) a[j] = Math.tanh(z[j]!);
      else softmaxInto(z, 0, z.length, a);
    }
    return act;
  }

  /** Mean cross-entropy over `count` samples; adds its gradient into `grad`. */
  function lossAndGradient(theta: Float64Array, X: Float64Array, labels: Int32Array, count: number, grad: Float64Array): number {
    let loss = 0;
    const scale = 1 / count;
    for (let s = 0; s < count; s++) {
      forward(theta, X, s * sizes[0]!);
      const output = act[layerCount]!;
      const label = labels[s]!;
      loss -= Math.log(Math.max(output[label]!, 1e-300));
      for (let j = 0; j < output.length; j++) delta[layerCount]![j] = (output[j]! - (j === label ? 1 : 0)) * scale;
      for (let l = layerCount; l >= 1; l--) {
        const inputs = sizes[l - 1]!;
        const below = delta[l - 1]!;
        below.fill(0);
        for (let j = 0; j < sizes[l]!; j++) {
          const dz = delta[l]![j]!;
          grad[biasOffsets[l]! + j]! += dz;
          const row = weightOffsets[l]! + j * inputs;
          for (let i = 0; i < inputs; i++) {
            grad[row + i]! += dz * act[l - 1]![i]!;
            below[i]! += dz * theta[row + i]!;
          }
        }
        if (l > 1) for (let i = 0; i < inputs; i++) below[i]! *= 1 - act[l - 1]![i]! ** 2;
      }
    }
    return loss * scale;
  }

  return { sizes, layout, pre, act, forward, lossAndGradient };
}
