/**
 * Data with known ground truth for dictionary learning: each sample is a sparse, non-negative
 * combination of fixed directions,
 *   x = Σ_i c_i g_i,   c_i = 0 with probability 1 − p, else c_i ~ Uniform[0, 1].
 * With random unit directions g_i this is the synthetic benchmark of Sharkey et al. (2022,
 * "Taking features out of superposition with sparse autoencoders"); with g_i = W_i, the columns of a
 * trained toy model of superposition, x is that model's hidden activation h = W x.
 */

import type { Random } from './random.ts';

export interface SparseCombinationSource {
  /** Dimension d of each sample. */
  readonly dimension: number;
  /** g_i stored as features rows of length d. */
  readonly directions: Float64Array;
  /** Expected number of non-zero c_i per sample (the true L0). */
  readonly meanActiveFeatures: number;
  /** Fill `batchSize` rows of X (batchSize×d). */
  sample(X: Float64Array, batchSize: number, random: Random): void;
}

export function createSparseCombinationSource(directions: Float64Array, dimension: number, probability: number): SparseCombinationSource {
  const features = directions.length / dimension;
  return {
    dimension,
    directions,
    meanActiveFeatures: features * probability,
    sample(X, batchSize, random) {
      X.fill(0, 0, batchSize * dimension);
      for (let s = 0; s < batchSize; s++) {
        const xOffset = s * dimension;
        for (let i = 0; i < features; i++) {
          if (random.uniform() >= probability) continue;
          const c = random.uniform();
          const gOffset = i * dimension;
          for (let j = 0; j < dimension; j++) X[xOffset + j]! += c * directions[gOffset + j]!;
        }
      }
    },
  };
}

/** `features` directions drawn uniformly from the unit sphere in R^dimension. */
export function randomUnitDirections(features: number, dimension: number, random: Random): Float64Array {
  const directions = new Float64Array(features * dimension);
  for (let i = 0; i < features; i++) {
    const row = directions.subarray(i * dimension, (i + 1) * dimension);
    let norm = 0;
    do {
      for (let j = 0; j < dimension; j++) row[j] = random.normal();
      norm = Math.hypot(...row);
    } while (norm === 0);
    for (let j = 0; j < dimension; j++) row[j]! /= norm;
  }
  return directions;
}
