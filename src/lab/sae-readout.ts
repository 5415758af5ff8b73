/**
 * One example input read out two ways: the planted features that made it (known, because the data is
 * planted) and the latents the trained SAE turns on for it. A reader can then check that each planted
 * feature is carried by the latent matched to it.
 */

import { round } from './json.ts';
import { createRandom, type Random } from './random.ts';
import type { SaeLoss } from './sae-objective.ts';
import { createSparseCombinationSource, type SparseCombinationSource } from './sparse-data.ts';

export interface SaeExample {
  /** The planted features active in this input, with their coefficients c_i, by feature index. */
  features: { feature: number; coefficient: number }[];
  /** The SAE's active latents for it, largest activation first. */
  latents: { latent: number; activation: number }[];
  /** ‖x − x̂‖² for this input. */
  squaredError: number;
}

/** An example needs at least this many planted features to show features being told apart. */
const minimumFeatures = 2;
const maximumDraws = 1000;

/**
 * The planted coefficients c of one input, drawn by the data's own sampling rule: a source whose directions
 * are the identity matrix produces x = Σ c_i e_i = c.
 */
function coefficientSource(source: SparseCombinationSource): SparseCombinationSource {
  const features = source.directions.length / source.dimension;
  const identity = new Float64Array(features * features);
  for (let i = 0; i < features; i++) identity[i * features + i] = 1;
  return createSparseCombinationSource(identity, features, source.meanActiveFeatures / features);
}

/** The first input drawn from `seed` with at least two planted features (or the last draw, if none has). */
function drawExample(source: SparseCombinationSource, random: Random): Float64Array {
  const coefficients = coefficientSource(source);
  const c = new Float64Array(coefficients.dimension);
  for (let draw = 0; draw < maximumDraws; draw++) {
    coefficients.sample(c, 1, random);
    if (c.filter((value) => value > 0).length >= minimumFeatures) break;
  }
  return c;
}

export function readoutExample(objective: SaeLoss, theta: Float64Array, source: SparseCombinationSource, seed: number): SaeExample {
  const c = drawExample(source, createRandom(seed));
  const d = source.dimension;
  const x = new Float64Array(d);
  c.forEach((coefficient, i) => {
    for (let j = 0; j < d; j++) x[j]! += coefficient * source.directions[i * d + j]!;
  });
  const code = objective.encodeSample(theta, x);
  const order = code.latents.map((latent, a) => ({ latent, activation: code.activations[a]! })).sort((p, q) => q.activation - p.activation);
  return {
    features: Array.from(c, (coefficient, feature) => ({ feature, coefficient })).filter((entry) => entry.coefficient > 0).map(({ feature, coefficient }) => ({ feature, coefficient: round(coefficient, 4) })),
    latents: order.map(({ latent, activation }) => ({ latent, activation: round(activation, 4) })),
    squaredError: round(x.reduce((sum, value, j) => sum + (value - code.reconstruction[j]!) ** 2, 0)),
  };
}
