/**
 * The circuit-tracing toy's synthetic atlas (planted, and labelled so on the page): cities grouped into states;
 * each state has a capital and a region. Two-step questions (the capital or region of the state a city is in)
 * mirror the attribution-graph paper's first case study, Dallas → Texas → Austin (Lindsey et al., 2025).
 * For a fifth of the cities the two-step questions are never trained, only "which state?": accuracy on those
 * measures whether the network composes the steps or memorises pairs.
 */

import { createRandom, type Random } from '../random.ts';

export const relations = ['state-of', 'capital-of-state', 'region-of-state', 'capital-of-city', 'region-of-city'] as const;
export type Relation = (typeof relations)[number];

export interface AtlasShape {
  states: number;
  citiesPerState: number;
  regions: number;
  /** Cities per state whose two-step questions are held out. */
  heldOutPerState: number;
}

export const defaultAtlasShape: AtlasShape = { states: 8, citiesPerState: 5, regions: 4, heldOutPerState: 1 };

export interface Question {
  relation: Relation;
  /** Entity token of the subject (a city or a state). */
  subject: number;
  /** Entity token of the answer. */
  answer: number;
}

/**
 * Entity tokens: cities first (state-major), then states, then capitals, then regions. Capitals are their own
 * tokens (not cities), so "which state" is an intermediate distinct from either answer.
 */
export function createAtlas(shape: AtlasShape = defaultAtlasShape, seed = 0) {
  const cityCount = shape.states * shape.citiesPerState;
  const stateToken = (state: number) => cityCount + state;
  const capitalToken = (state: number) => cityCount + shape.states + state;
  const regionToken = (region: number) => cityCount + 2 * shape.states + region;
  const entityCount = cityCount + 2 * shape.states + shape.regions;
  const stateOfCity = (city: number) => Math.floor(city / shape.citiesPerState);
  // Regions are assigned to states by a seeded shuffle, every region used (states ≥ regions).
  const random: Random = createRandom(seed);
  const regionOfState = Array.from({ length: shape.states }, (_, state) => state % shape.regions);
  for (let i = regionOfState.length - 1; i > 0; i--) {
    const j = Math.floor(random.uniform() * (i + 1));
    [regionOfState[i], regionOfState[j]] = [regionOfState[j]!, regionOfState[i]!];
  }
  const isHeldOut = (city: number) => city % shape.citiesPerState >= shape.citiesPerState - shape.heldOutPerState;
  const cities = Array.from({ length: cityCount }, (_, city) => city);

  const ask = (relation: Relation, subject: number): Question => {
    if (relation === 'capital-of-state') return { relation, subject: stateToken(subject), answer: capitalToken(subject) };
    if (relation === 'region-of-state') return { relation, subject: stateToken(subject), answer: regionToken(regionOfState[subject]!) };
    const state = stateOfCity(subject);
    if (relation === 'state-of') return { relation, subject, answer: stateToken(state) };
    if (relation === 'capital-of-city') return { relation, subject, answer: capitalToken(state) };
    return { relation, subject, answer: regionToken(regionOfState[state]!) };
  };

  const states = Array.from({ length: shape.states }, (_, state) => state);
  const training: Question[] = [
    ...cities.map((city) => ask('state-of', city)),
    ...states.map((state) => ask('capital-of-state', state)),
    ...states.map((state) => ask('region-of-state', state)),
    ...cities.filter((city) => !isHeldOut(city)).flatMap((city) => [ask('capital-of-city', city), ask('region-of-city', city)]),
  ];
  const heldOut: Question[] = cities.filter(isHeldOut).flatMap((city) => [ask('capital-of-city', city), ask('region-of-city', city)]);

  return { shape, entityCount, cityCount, stateToken, capitalToken, regionToken, stateOfCity, regionOfState, isHeldOut, ask, training, heldOut };
}

export type Atlas = ReturnType<typeof createAtlas>;
