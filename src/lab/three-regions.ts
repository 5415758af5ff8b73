/**
 * The toy task of model 0: which of three regions of the square [−1, 1]² a point lies in —
 * the disc of radius 0.5 around the origin (class 0), outside it on the left (x < 0, class 1),
 * or outside it on the right (class 2). Points are drawn uniformly, so the disc holds about 20 % of them.
 */

import type { Random } from './random.ts';

export const threeRegionsDescription =
  'Points drawn uniformly from the square [−1, 1]²; the label says which region holds the point: the disc of radius 0.5 around the origin, the rest of the left half (x < 0), or the rest of the right half.';

export const threeRegionsClasses = ['disc', 'left', 'right'] as const;

export function threeRegionsLabel(x: number, y: number): number {
  if (x * x + y * y < 0.25) return 0;
  return x < 0 ? 1 : 2;
}

export interface LabelledPoints {
  /** count×2, row-major. */
  X: Float64Array;
  labels: Int32Array;
  count: number;
}

export function sampleThreeRegions(count: number, random: Random): LabelledPoints {
  const X = new Float64Array(count * 2);
  const labels = new Int32Array(count);
  for (let s = 0; s < count; s++) {
    const x = 2 * random.uniform() - 1;
    const y = 2 * random.uniform() - 1;
    X[2 * s] = x;
    X[2 * s + 1] = y;
    labels[s] = threeRegionsLabel(x, y);
  }
  return { X, labels, count };
}
