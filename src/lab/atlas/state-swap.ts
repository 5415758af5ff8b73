/**
 * Swapping the state a hidden layer carries: on the two-step questions about state A's cities, add a push at one
 * site and count how often both answers (capital and region) become state B's. The push is either the difference
 * of the two states' directions, a per-state direction measured from the data (the mean activation on the
 * state's cities minus the mean over all cities, averaged over the two two-step questions, so one direction
 * serves both), or, as the control, a random direction of the same norm. The transcoder-feature swap of
 * attribution.ts is measured the same way.
 */

import type { Random } from '../random.ts';
import { runQuestions } from './experiments.ts';
import type { AtlasNetwork } from './network.ts';
import type { Atlas, Question } from './world.ts';

export type HiddenSite = 'hidden1' | 'hidden2';

export const twoStepRelations = ['capital-of-city', 'region-of-city'] as const;

export interface SwapOutcome {
  /** Share of state A's cities whose capital answer became state B's capital. */
  capitalMoved: number;
  regionMoved: number;
  /** Share whose capital and region answers both became state B's. */
  bothMoved: number;
}

/** The state a swap sends `stateA` to: the next one with another region, so that both answers must change. */
export function swapPartner(atlas: Atlas, stateA: number): number {
  const { states } = atlas.shape;
  for (let step = 1; step < states; step++) {
    const candidate = (stateA + step) % states;
    if (atlas.regionOfState[candidate] !== atlas.regionOfState[stateA]) return candidate;
  }
  throw new Error('atlas: every state has the same region');
}

/** The cities of one state. */
export function citiesOf(atlas: Atlas, state: number): number[] {
  return Array.from({ length: atlas.shape.citiesPerState }, (_, i) => state * atlas.shape.citiesPerState + i);
}

/**
 * "State = s" directions at a site, one per state: mean over the two two-step questions of (mean activation on
 * s's cities − mean activation over all cities). Magnitudes come from the data, nothing is tuned.
 */
export function stateDirections(network: AtlasNetwork, theta: Float64Array, site: HiddenSite): Float64Array[] {
  const { atlas, shape } = network;
  const width = shape.hidden;
  const { states, citiesPerState } = atlas.shape;
  const directions = Array.from({ length: states }, () => new Float64Array(width));
  const cities = Array.from({ length: atlas.cityCount }, (_, city) => city);
  for (const relation of twoStepRelations) {
    const values = runQuestions(network, theta, cities.map((city) => atlas.ask(relation, city))).cache.get(site)!;
    const overall = new Float64Array(width);
    cities.forEach((city) => { for (let j = 0; j < width; j++) overall[j]! += values[city * width + j]! / atlas.cityCount; });
    cities.forEach((city) => {
      const direction = directions[atlas.stateOfCity(city)]!;
      for (let j = 0; j < width; j++) direction[j]! += (values[city * width + j]! - overall[j]!) / (citiesPerState * twoStepRelations.length);
    });
  }
  return directions;
}

/** The push that swaps state A for state B along per-state directions: d_B − d_A. */
export function directionSwap(directions: readonly Float64Array[], stateA: number, stateB: number): Float64Array {
  return directions[stateB]!.map((value, j) => value - directions[stateA]![j]!);
}

/** A random direction with the norm of `push` (the control). */
export function randomLike(push: Float64Array, random: Random): Float64Array {
  const direction = Float64Array.from(push, () => random.normal());
  const scale = Math.hypot(...push) / Math.hypot(...direction);
  return direction.map((value) => value * scale);
}

/** What to add at the site for one question, given that question's unedited activations. */
export type PushFor = (question: Question, cache: ReadonlyMap<string, Float64Array>) => Float64Array;

/** Adds `pushFor(question)` at `site` on both two-step questions of each of A's cities; counts answers that became B's. */
export function swapOutcome(network: AtlasNetwork, theta: Float64Array, site: HiddenSite, stateA: number, stateB: number, pushFor: PushFor): SwapOutcome {
  const { atlas } = network;
  const cities = citiesOf(atlas, stateA);
  const target = { 'capital-of-city': atlas.ask('capital-of-state', stateB).answer, 'region-of-city': atlas.ask('region-of-state', stateB).answer };
  const moved = { 'capital-of-city': 0, 'region-of-city': 0 };
  let both = 0;
  for (const city of cities) {
    let movedHere = 0;
    for (const relation of twoStepRelations) {
      const question = atlas.ask(relation, city);
      const push = pushFor(question, runQuestions(network, theta, [question]).cache);
      const { logits } = runQuestions(network, theta, [question], { [site]: (values: Float64Array) => { for (let j = 0; j < values.length; j++) values[j]! += push[j]!; } });
      if (logits.indexOf(Math.max(...logits)) === target[relation]) {
        moved[relation]++;
        movedHere++;
      }
    }
    if (movedHere === twoStepRelations.length) both++;
  }
  return { capitalMoved: moved['capital-of-city'] / cities.length, regionMoved: moved['region-of-city'] / cities.length, bothMoved: both / cities.length };
}

/** Mean outcome over every state A swapped to its partner, for a push chosen per pair. */
export function meanSwapOutcome(network: AtlasNetwork, theta: Float64Array, site: HiddenSite, pushForPair: (stateA: number, stateB: number) => PushFor): SwapOutcome {
  const { states } = network.atlas.shape;
  const total: SwapOutcome = { capitalMoved: 0, regionMoved: 0, bothMoved: 0 };
  for (let stateA = 0; stateA < states; stateA++) {
    const stateB = swapPartner(network.atlas, stateA);
    const outcome = swapOutcome(network, theta, site, stateA, stateB, pushForPair(stateA, stateB));
    total.capitalMoved += outcome.capitalMoved / states;
    total.regionMoved += outcome.regionMoved / states;
    total.bothMoved += outcome.bothMoved / states;
  }
  return total;
}
