/** A small least-squares objective for tests of the training loop: fit y = A x + c with θ = [W (2×3), b (2)]. */
import { defineLayout } from '../../../../src/lab/core/layout.ts';
import type { Objective } from '../../../../src/lab/core/objective.ts';
import { fillNormal } from '../../../../src/lab/matrix.ts';

export const target = { A: [1, -2, 0.5, 0, 3, -1], c: [0.25, -0.5] };
const batchSize = 16;

export function createRegressionObjective(): Objective<Float64Array, 'W' | 'b'> {
  const layout = defineLayout({ W: [2, 3], b: [2] });
  return {
    layout,
    init: (theta, random) => void fillNormal(layout.slice(theta, 'W'), random, 0.5),
    createBatch: () => new Float64Array(batchSize * 3),
    sample: (X, random) => void fillNormal(X, random, 1),
    lossAndGradient(theta, X, grad) {
      const W = layout.slice(theta, 'W');
      const b = layout.slice(theta, 'b');
      const dW = layout.slice(grad, 'W');
      const db = layout.slice(grad, 'b');
      let loss = 0;
      for (let s = 0; s < batchSize; s++) {
        for (let i = 0; i < 2; i++) {
          let error = b[i]! - target.c[i]!;
          for (let j = 0; j < 3; j++) error += (W[i * 3 + j]! - target.A[i * 3 + j]!) * X[s * 3 + j]!;
          loss += error * error / batchSize;
          db[i]! += 2 * error / batchSize;
          for (let j = 0; j < 3; j++) dW[i * 3 + j]! += 2 * error * X[s * 3 + j]! / batchSize;
        }
      }
      return loss;
    },
  };
}
