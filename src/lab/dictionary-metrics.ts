/**
 * How well a learned dictionary recovers known directions: mean max cosine similarity (MMCS;
 * Sharkey et al., 2022). For each true direction, the most similar learned direction is its match;
 * MMCS is the mean of those best cosines (1 = every true direction was found exactly).
 */

import { cosine } from './matrix.ts';

export interface FeatureMatch {
  /** Index of the learned direction most similar to this true direction. */
  latent: number;
  cosine: number;
}

export interface DictionaryMatch {
  mmcs: number;
  /** One entry per true direction. */
  matches: FeatureMatch[];
}

/** `truth` holds trueCount rows of length d, `learned` learnedCount rows of length d. */
export function matchDictionary(truth: Float64Array, learned: Float64Array, d: number): DictionaryMatch {
  const trueCount = truth.length / d;
  const learnedCount = learned.length / d;
  const matches: FeatureMatch[] = [];
  for (let t = 0; t < trueCount; t++) {
    let best: FeatureMatch = { latent: -1, cosine: -Infinity };
    for (let l = 0; l < learnedCount; l++) {
      const similarity = cosine(truth, t * d, learned, l * d, d);
      if (similarity > best.cosine) best = { latent: l, cosine: similarity };
    }
    matches.push(best);
  }
  const mmcs = matches.reduce((sum, match) => sum + match.cosine, 0) / Math.max(1, trueCount);
  return { mmcs, matches };
}
