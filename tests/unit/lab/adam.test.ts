import { describe, expect, test } from 'vitest';
import { createAdam } from '../../../src/lab/adam.ts';

describe('Adam', () => {
  test('the first step moves each parameter by the learning rate against the sign of its gradient', () => {
    const theta = Float64Array.of(1, -2, 3);
    createAdam(3, { learningRate: 0.1 }).step(theta, Float64Array.of(5, -0.01, 0));
    expect(theta[0]).toBeCloseTo(0.9, 6);
    expect(theta[1]).toBeCloseTo(-1.9, 4);
    expect(theta[2]).toBe(3);
  });

  test('minimises an ill-conditioned quadratic', () => {
    const scales = Float64Array.of(1, 100);
    const theta = Float64Array.of(3, -3);
    const grad = new Float64Array(2);
    const adam = createAdam(2, { learningRate: 0.05 });
    for (let step = 0; step < 2000; step++) {
      for (let k = 0; k < 2; k++) grad[k] = 2 * scales[k]! * (theta[k]! - 1);
      adam.step(theta, grad);
    }
    expect(theta[0]).toBeCloseTo(1, 3);
    expect(theta[1]).toBeCloseTo(1, 3);
  });

  test('AdamW decays weights independently of the gradient', () => {
    const theta = Float64Array.of(2);
    const adam = createAdam(1, { learningRate: 0.1, weightDecay: 0.5 });
    for (let step = 0; step < 10; step++) adam.step(theta, Float64Array.of(0));
    expect(theta[0]).toBeCloseTo(2 * 0.95 ** 10, 10);
  });
});
