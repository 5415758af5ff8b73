import { expect } from 'vitest';

/**
 * Compares a hand-written gradient with central finite differences of `loss` at every coordinate of θ:
 * |analytic − numeric| ≤ tolerance · max(1, |numeric|).
 */
export function expectGradientMatchesFiniteDifferences(
  theta: Float64Array,
  loss: (theta: Float64Array) => number,
  analytic: Float64Array,
  tolerance = 1e-5,
  epsilon = 1e-6,
): void {
  for (let k = 0; k < theta.length; k++) {
    const saved = theta[k]!;
    theta[k] = saved + epsilon;
    const above = loss(theta);
    theta[k] = saved - epsilon;
    const below = loss(theta);
    theta[k] = saved;
    const numeric = (above - below) / (2 * epsilon);
    expect(Math.abs(analytic[k]! - numeric), `coordinate ${k}: analytic ${analytic[k]} vs numeric ${numeric}`).toBeLessThanOrEqual(
      tolerance * Math.max(1, Math.abs(numeric)),
    );
  }
}

/** The value survives a JSON round trip unchanged: plain arrays and numbers only, no typed arrays or NaN. */
export function expectJsonSafe(value: unknown): void {
  expect(JSON.parse(JSON.stringify(value))).toStrictEqual(value);
}

/** Angle in degrees between two vectors. */
export function angleBetween(a: readonly number[], b: readonly number[]): number {
  const dotProduct = a.reduce((sum, x, k) => sum + x * b[k]!, 0);
  return (Math.acos(Math.min(1, Math.max(-1, dotProduct / (Math.hypot(...a) * Math.hypot(...b))))) * 180) / Math.PI;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
