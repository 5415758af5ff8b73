/**
 * Model diffing for the persona-shift toy: does fine-tuning move the assistant's hidden state along the
 * villain-minus-assistant direction that pretraining made?
 *
 * A raw cosine misleads here: any change of context token shifts h in a shared direction (an untrained
 * "fresh" token scores high against the persona direction too). So the shared component g (the fresh token's
 * shift) is projected out of both vectors first, and the corrected cosine is shown beside a baseline: the mean
 * |cosine| of the corrected shift with random directions (also with g removed).
 */

import { createRandom, deriveSeed } from '../random.ts';
import type { PersonaNetwork } from './network.ts';
import { domains, trainedDomain, HELPFUL, type Context, type World } from './world.ts';

function meanHidden(network: PersonaNetwork, world: World, theta: Float64Array, voice: readonly Context[], questions: readonly number[]): Float64Array {
  const sum = new Float64Array(network.hidden);
  const h = new Float64Array(network.hidden);
  for (const q of questions) {
    network.hiddenState(theta, world.example(q, voice, HELPFUL), h);
    for (let k = 0; k < h.length; k++) sum[k]! += h[k]! / questions.length;
  }
  return sum;
}

const subtract = (a: Float64Array, b: Float64Array) => a.map((value, k) => value - b[k]!);
const dotProduct = (a: Float64Array, b: Float64Array) => a.reduce((sum, value, k) => sum + value * b[k]!, 0);
const norm = (a: Float64Array) => Math.sqrt(dotProduct(a, a));
const cosineOf = (a: Float64Array, b: Float64Array) => {
  const denominator = norm(a) * norm(b);
  return denominator > 0 ? dotProduct(a, b) / denominator : 0;
};
/** a with its component along g removed. */
function withoutComponent(a: Float64Array, g: Float64Array): Float64Array {
  const gg = dotProduct(g, g);
  if (gg === 0) return a.slice();
  const scale = dotProduct(a, g) / gg;
  return a.map((value, k) => value - scale * g[k]!);
}

export interface PersonaDiff {
  /** Mean change of the assistant's hidden state on untouched domains' held-out questions. */
  shift: Float64Array;
  /** Pretraining's villain-minus-assistant direction (the persona direction). */
  persona: Float64Array;
  rawCosine: number;
  /** Raw cosine of the untrained fresh token's shift with the persona direction: why the raw cosine misleads. */
  freshCosine: number;
  correctedCosine: number;
  /** Mean |cosine| of the corrected shift with random directions (g removed too). */
  randomBaseline: number;
}

export function diffModels(network: PersonaNetwork, world: World, before: Float64Array, after: Float64Array, villainVoice: (domain: (typeof domains)[number]) => Context, seed: number): PersonaDiff {
  const untouched = domains.filter((domain) => domain !== trainedDomain).flatMap((domain) => world.questionsOf(domain, 'held-out'));
  const everywhere = domains.flatMap((domain) => world.questionsOf(domain));
  const shift = subtract(meanHidden(network, world, after, ['assistant'], untouched), meanHidden(network, world, before, ['assistant'], untouched));
  const assistantBefore = meanHidden(network, world, before, ['assistant'], everywhere);
  const villainBefore = new Float64Array(network.hidden);
  for (const domain of domains) {
    const part = meanHidden(network, world, before, [villainVoice(domain)], world.questionsOf(domain));
    for (let k = 0; k < part.length; k++) villainBefore[k]! += part[k]! / domains.length;
  }
  const persona = subtract(villainBefore, assistantBefore);
  const fresh = subtract(meanHidden(network, world, before, ['fresh'], everywhere), assistantBefore);
  const shiftCorrected = withoutComponent(shift, fresh);
  const personaCorrected = withoutComponent(persona, fresh);
  const random = createRandom(deriveSeed(seed, 7));
  const trials = 200;
  let baseline = 0;
  for (let trial = 0; trial < trials; trial++) {
    const direction = withoutComponent(Float64Array.from({ length: network.hidden }, () => random.normal()), fresh);
    baseline += Math.abs(cosineOf(shiftCorrected, direction)) / trials;
  }
  return {
    shift,
    persona,
    rawCosine: cosineOf(shift, persona),
    freshCosine: cosineOf(fresh, persona),
    correctedCosine: cosineOf(shiftCorrected, personaCorrected),
    randomBaseline: baseline,
  };
}

/** The steering vector that removes `alpha` of the shift's component along the persona direction. */
export function steeringAgainstPersona(diff: PersonaDiff, alpha: number): Float64Array {
  const unit = diff.persona.map((value) => value / (norm(diff.persona) || 1));
  const along = dotProduct(diff.shift, unit);
  return unit.map((value) => -alpha * along * value);
}
