import { expect } from 'vitest';

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
