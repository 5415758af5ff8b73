/**
 * Everything the lab measures on one trained atlas network, for the tests and for the figures' build-time data:
 * accuracy (trained relations, held-out two-step questions), state probes, patching shares over prompt pairs
 * (whole layer, state subspace, rest), the direct question's state reused in the two-step one, same-state
 * patches, and the state swap against its random control.
 */

import { createRandom, deriveSeed } from '../random.ts';
import { everyQuestion, replacementFidelity, swapStateFeature, trainTranscoders } from './attribution.ts';
import { accuracy, stateProbes, stateSubspace, trainAtlas, type AtlasSettings } from './experiments.ts';
import type { AtlasNetwork } from './network.ts';
import { patchingGrid, type PatchDirection, type PatchPart, type PatchSite, type StateBases } from './patching.ts';
import { directionSwap, meanSwapOutcome, randomLike, stateDirections, swapPartner, type SwapOutcome } from './state-swap.ts';
import type { Question, Relation } from './world.ts';

/** The state-subspace basis at every patch site, from the probes' class directions. */
export function stateBases(network: AtlasNetwork, probes: Awaited<ReturnType<typeof stateProbes>>['probes']): StateBases {
  const width = (site: PatchSite) => (site === 'embed' ? network.shape.embedding : network.shape.hidden);
  const basis = (site: PatchSite) => {
    const probe = probes.find((candidate) => candidate.site === site)!;
    return stateSubspace(probe.directions, probe.classes, width(site));
  };
  return { embed: basis('embed'), hidden1: basis('hidden1'), hidden2: basis('hidden2') };
}

/** Prompt pairs for averages: every third city against every fourth, in different states. */
export function cityPairs(network: AtlasNetwork): [number, number][] {
  const { atlas } = network;
  const pairs: [number, number][] = [];
  for (let a = 0; a < atlas.cityCount; a += 3) {
    for (let b = 1; b < atlas.cityCount; b += 4) if (atlas.stateOfCity(a) !== atlas.stateOfCity(b)) pairs.push([a, b]);
  }
  return pairs;
}

/** Mean logit-difference share of each (site, part) over prompt pairs (clean, corrupted). */
export function meanPatchShares(network: AtlasNetwork, theta: Float64Array, bases: StateBases, pairs: readonly [Question, Question][], direction: PatchDirection) {
  const totals = new Map<string, number>();
  for (const [clean, corrupted] of pairs) {
    for (const cell of patchingGrid(network, theta, bases, { clean, corrupted, direction, metric: 'logit-difference' }).cells) {
      totals.set(`${cell.site}.${cell.part}`, (totals.get(`${cell.site}.${cell.part}`) ?? 0) + cell.value / pairs.length);
    }
  }
  return (site: PatchSite, part: PatchPart) => totals.get(`${site}.${part}`)!;
}

const rounded = (value: number) => Math.round(value * 1000) / 1000;
const roundOutcome = (outcome: SwapOutcome): SwapOutcome => ({ capitalMoved: rounded(outcome.capitalMoved), regionMoved: rounded(outcome.regionMoved), bothMoved: rounded(outcome.bothMoved) });

export interface AtlasSeedSummary {
  seed: number;
  trainingAccuracy: number;
  heldOut: { capital: number; region: number };
  probes: { input: number; embed: number; hidden1: number; hidden2: number; chance: number };
  /** Mean share of the logit difference restored (clean into corrupted), per hidden layer: whole layer, state subspace, rest. */
  patching: Record<'hidden1' | 'hidden2', { whole: number; state: number; rest: number }>;
  /** The direct question "capital of state B" patched into "capital of city A's state": share moved towards B's capital. */
  directQuestion: Record<'hidden1' | 'hidden2', { whole: number; state: number; rest: number }>;
  /** Whole-layer patches from another city of the same state (every site; both cities answered correctly): how many changed the top answer, of how many. */
  sameState: { changed: number; patches: number };
  replacementFidelity: number;
  swap: { direction: SwapOutcome; random: SwapOutcome; features: SwapOutcome; featuresRandom: SwapOutcome };
}

export async function summariseAtlasSeed(settings: AtlasSettings): Promise<AtlasSeedSummary> {
  const { seed } = settings;
  const { atlas, network, theta } = await trainAtlas(settings);
  const { probes, chance } = await stateProbes(network, theta, seed);
  const bases = stateBases(network, probes);
  const pairs = cityPairs(network);
  const twoStep = (relation: Relation, city: number) => atlas.ask(relation, city);
  const shares = meanPatchShares(network, theta, bases, pairs.map(([a, b]) => [twoStep('capital-of-city', a), twoStep('capital-of-city', b)]), 'sufficiency');
  const direct = meanPatchShares(network, theta, bases, pairs.map(([a, b]) => [twoStep('capital-of-city', a), atlas.ask('capital-of-state', atlas.stateOfCity(b))]), 'necessity');
  const layerShares = (read: typeof shares) => Object.fromEntries((['hidden1', 'hidden2'] as const).map((site) => [site, { whole: rounded(read(site, 'whole')), state: rounded(read(site, 'state')), rest: rounded(read(site, 'rest')) }])) as AtlasSeedSummary['patching'];

  let changed = 0;
  let patches = 0;
  for (let city = 0; city < atlas.cityCount; city++) {
    const sibling = atlas.stateOfCity(city) * atlas.shape.citiesPerState + ((city + 1) % atlas.shape.citiesPerState);
    const clean = twoStep('capital-of-city', city);
    const grid = patchingGrid(network, theta, bases, { clean, corrupted: twoStep('capital-of-city', sibling), direction: 'necessity', metric: 'top-1' });
    // A held-out city the model gets wrong is corrected by its sibling's state: that is not a failure of the check.
    if (grid.cleanAnswer !== clean.answer || grid.corruptedAnswer !== clean.answer) continue;
    for (const cell of grid.cells.filter((candidate) => candidate.part === 'whole')) {
      patches++;
      if (cell.answers[0]!.entity !== grid.cleanAnswer) changed++;
    }
  }

  const transcoders = await trainTranscoders(network, theta, { width: 32, k: 4, steps: 1000, seed });
  const directions = stateDirections(network, theta, 'hidden1');
  const random = createRandom(deriveSeed(seed, 70));
  const swap = {
    direction: meanSwapOutcome(network, theta, 'hidden1', (a, b) => () => directionSwap(directions, a, b)),
    random: meanSwapOutcome(network, theta, 'hidden1', (a, b) => {
      const push = randomLike(directionSwap(directions, a, b), random);
      return () => push;
    }),
    features: { capitalMoved: 0, regionMoved: 0, bothMoved: 0 },
    featuresRandom: { capitalMoved: 0, regionMoved: 0, bothMoved: 0 },
  };
  const { states } = atlas.shape;
  for (let a = 0; a < states; a++) {
    const b = swapPartner(atlas, a);
    const control = Float64Array.from({ length: network.shape.hidden }, () => random.normal());
    for (const [key, outcome] of [['features', swapStateFeature(network, theta, transcoders[0], 1, a, b)], ['featuresRandom', swapStateFeature(network, theta, transcoders[0], 1, a, b, control)]] as const) {
      for (const measure of ['capitalMoved', 'regionMoved', 'bothMoved'] as const) swap[key][measure] += outcome[measure] / states;
    }
  }

  const heldOut = (relation: Relation) => accuracy(network, theta, atlas.heldOut.filter((question) => question.relation === relation));
  const probeAt = (site: string) => probes.find((probe) => probe.site === site)!.accuracy;
  return {
    seed,
    trainingAccuracy: rounded(accuracy(network, theta, atlas.training)),
    heldOut: { capital: rounded(heldOut('capital-of-city')), region: rounded(heldOut('region-of-city')) },
    probes: { input: rounded(probeAt('input')), embed: rounded(probeAt('embed')), hidden1: rounded(probeAt('hidden1')), hidden2: rounded(probeAt('hidden2')), chance },
    patching: layerShares(shares),
    directQuestion: layerShares(direct),
    sameState: { changed, patches },
    replacementFidelity: rounded(replacementFidelity(network, theta, transcoders, everyQuestion(network))),
    swap: { direction: roundOutcome(swap.direction), random: roundOutcome(swap.random), features: roundOutcome(swap.features), featuresRandom: roundOutcome(swap.featuresRandom) },
  };
}
