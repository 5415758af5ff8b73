/**
 * Gradient checks against central finite differences, for every hand-written backward pass in the lab
 * (models and layers). A layer's output is turned into a scalar by a fixed random read-out
 * (`randomReadout`): L = Σ_k c_k · output_k, so ∂L/∂output = c is what its backward receives.
 */
import { expect } from 'vitest';
import { fillNormal } from '../../../../src/lab/matrix.ts';
import type { Random } from '../../../../src/lab/random.ts';

/**
 * Compares `analytic` with central finite differences of `loss` at every coordinate of `point` (θ, or a layer's
 * input): |analytic − numeric| ≤ tolerance · max(1, |numeric|). `point` is restored after each probe.
 */
export function expectGradientMatchesFiniteDifferences(
  point: Float64Array,
  loss: (point: Float64Array) => number,
  analytic: ArrayLike<number>,
  tolerance = 1e-5,
  epsilon = 1e-6,
): void {
  expect(analytic.length, 'gradient length').toBeGreaterThanOrEqual(point.length);
  for (let k = 0; k < point.length; k++) {
    const saved = point[k]!;
    point[k] = saved + epsilon;
    const above = loss(point);
    point[k] = saved - epsilon;
    const below = loss(point);
    point[k] = saved;
    const numeric = (above - below) / (2 * epsilon);
    expect(Math.abs(analytic[k]! - numeric), `coordinate ${k}: analytic ${analytic[k]} vs numeric ${numeric}`).toBeLessThanOrEqual(
      tolerance * Math.max(1, Math.abs(numeric)),
    );
  }
}

/** Fixed read-out weights c (standard normal) for L = Σ_k c_k · output_k. */
export function randomReadout(size: number, random: Random): Float64Array {
  return fillNormal(new Float64Array(size), random, 1);
}

/** Σ_k c_k · output_k over the first c.length values of `output`. */
export function readout(output: ArrayLike<number>, c: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < c.length; k++) sum += c[k]! * output[k]!;
  return sum;
}
