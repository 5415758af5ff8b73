// The circuit-tracing toy, trained once per seed for every check (training is the slow part): it learns the
// atlas, composes on held-out cities, carries a readable "state" that a probe finds only inside the network;
// patching that state subspace moves most of the answer; the attribution graph is exact for its replacement;
// and swapping the state direction moves both answers where a random push of the same norm does not.
import { beforeAll, describe, expect, test } from 'vitest';
import { patch } from '../../../src/lab/core/interventions.ts';
import { createRandom } from '../../../src/lab/random.ts';
import { attributionGraph, everyQuestion, replacementFidelity, swapStateFeature, trainTranscoders } from '../../../src/lab/atlas/attribution.ts';
import { accuracy, defaultAtlasSettings, runQuestions, stateProbes, trainAtlas } from '../../../src/lab/atlas/experiments.ts';
import { patchSites } from '../../../src/lab/atlas/patching.ts';
import { cityPairs, meanPatchShares, stateBases } from '../../../src/lab/atlas/seed-summary.ts';
import type { Question } from '../../../src/lab/atlas/world.ts';
import { directionSwap, meanSwapOutcome, randomLike, stateDirections, swapPartner } from '../../../src/lab/atlas/state-swap.ts';

const seeds = [0, 1, 2];

async function trainSeed(seed: number) {
  const run = await trainAtlas({ ...defaultAtlasSettings, seed });
  return {
    ...run,
    probes: await stateProbes(run.network, run.theta, seed),
    transcoders: await trainTranscoders(run.network, run.theta, { width: 32, k: 4, steps: 1000, seed }),
  };
}

type Trained = Awaited<ReturnType<typeof trainSeed>>;
const trained = new Map<number, Trained>();

beforeAll(async () => {
  for (const seed of seeds) trained.set(seed, await trainSeed(seed));
}, 300_000);

/** Mean share of the logit difference restored (clean into corrupted) per site and part, over city pairs in different states. */
function restoredShares(run: Trained) {
  const { atlas, network, theta } = run;
  const pairs = cityPairs(network).map(([a, b]) => [atlas.ask('capital-of-city', a), atlas.ask('capital-of-city', b)] as [Question, Question]);
  return meanPatchShares(network, theta, stateBases(network, run.probes.probes), pairs, 'sufficiency');
}

describe.each(seeds)('seed %i: the network and its state', (seed) => {
  test('every trained relation is answered correctly', () => {
    const { network, theta, atlas } = trained.get(seed)!;
    expect(accuracy(network, theta, atlas.training)).toBe(1);
  });

  test('held-out two-step questions are answered far above chance for both attributes', () => {
    const { network, theta, atlas } = trained.get(seed)!;
    const capital = atlas.heldOut.filter((question) => question.relation === 'capital-of-city');
    const region = atlas.heldOut.filter((question) => question.relation === 'region-of-city');
    expect(accuracy(network, theta, capital)).toBeGreaterThanOrEqual(0.75);
    expect(accuracy(network, theta, region)).toBeGreaterThanOrEqual(0.75);
  });

  test('a state probe trained on training cities is at chance on the one-hot input and high inside the network', () => {
    const { probes, chance } = trained.get(seed)!.probes;
    const at = (site: string) => probes.find((probe) => probe.site === site)!.accuracy;
    expect(at('input')).toBeLessThanOrEqual(chance + 0.01);
    expect(at('hidden1')).toBeGreaterThanOrEqual(0.9);
    expect(at('hidden2')).toBeGreaterThanOrEqual(0.9);
  });
});

describe.each(seeds)('seed %i: activation patching', (seed) => {
  test('patching a whole layer restores all of the effect (a code check: one position, no skip path)', () => {
    const shares = restoredShares(trained.get(seed)!);
    for (const site of patchSites) expect(shares(site, 'whole')).toBeCloseTo(1, 10);
  });

  test('patching only the state subspace restores most of the effect; patching the rest restores little', () => {
    const shares = restoredShares(trained.get(seed)!);
    for (const site of ['hidden1', 'hidden2'] as const) {
      expect(shares(site, 'state')).toBeGreaterThan(0.6);
      expect(shares(site, 'rest')).toBeLessThan(0.4);
      expect(shares(site, 'state')).toBeGreaterThan(shares(site, 'rest') + 0.3);
    }
  });

  test('the direct question\'s state subspace, patched into the two-step question, moves most of the answer (the state code is reused)', () => {
    const run = trained.get(seed)!;
    const { atlas, network, theta } = run;
    const pairs = cityPairs(network).map(([a, b]) => [atlas.ask('capital-of-city', a), atlas.ask('capital-of-state', atlas.stateOfCity(b))] as [Question, Question]);
    const shares = meanPatchShares(network, theta, stateBases(network, run.probes.probes), pairs, 'necessity');
    for (const site of ['hidden1', 'hidden2'] as const) expect(shares(site, 'state')).toBeGreaterThan(shares(site, 'rest') + 0.2);
  });

  test('patching from another city of the same state never changes the answer', () => {
    const { atlas, network, theta } = trained.get(seed)!;
    const entities = atlas.entityCount;
    const top = (logits: Float64Array) => logits.indexOf(Math.max(...logits.subarray(0, entities)));
    const trainedCities = Array.from({ length: atlas.cityCount }, (_, city) => city).filter((city) => !atlas.isHeldOut(city));
    for (const city of trainedCities) {
      const sibling = trainedCities.find((other) => other !== city && atlas.stateOfCity(other) === atlas.stateOfCity(city))!;
      const question = atlas.ask('capital-of-city', city);
      const source = runQuestions(network, theta, [atlas.ask('capital-of-city', sibling)]).cache.get('hidden2')!;
      const unpatched = top(runQuestions(network, theta, [question]).logits);
      const patched = top(runQuestions(network, theta, [question], { hidden2: patch(source) }).logits);
      expect(patched).toBe(unpatched);
    }
  });
});

describe.each(seeds)('seed %i: attribution graph and state swap', (seed) => {
  test('edges into every node plus its bias sum exactly to its value', () => {
    const { atlas, network, theta, transcoders } = trained.get(seed)!;
    for (const question of [atlas.ask('capital-of-city', 0), atlas.ask('region-of-city', 7), atlas.ask('state-of', 12)]) {
      const graph = attributionGraph(network, theta, transcoders, question);
      for (const node of graph.nodes) {
        if (node.kind !== 'feature' && node.kind !== 'output') continue;
        const incoming = graph.edges.filter((edge) => edge.to === node.id).reduce((sum, edge) => sum + edge.weight, 0);
        const value = node.kind === 'output' ? node.logit : node.activation;
        expect(incoming + graph.bias[node.id]!).toBeCloseTo(value, 9);
      }
    }
  });

  test('the replacement alone gives the model\'s answer on nearly every question', () => {
    const { network, theta, transcoders } = trained.get(seed)!;
    expect(replacementFidelity(network, theta, transcoders, everyQuestion(network))).toBeGreaterThanOrEqual(0.95);
  });

  test('swapping the layer-1 state direction moves both answers to state B\'s for ≥ 90 % of A\'s cities; a random push of the same norm moves almost none', () => {
    const { network, theta } = trained.get(seed)!;
    const directions = stateDirections(network, theta, 'hidden1');
    const random = createRandom(seed + 7);
    const swapped = meanSwapOutcome(network, theta, 'hidden1', (a, b) => () => directionSwap(directions, a, b));
    const control = meanSwapOutcome(network, theta, 'hidden1', (a, b) => {
      const push = randomLike(directionSwap(directions, a, b), random);
      return () => push;
    });
    expect(swapped.bothMoved).toBeGreaterThanOrEqual(0.9);
    expect(control.bothMoved).toBeLessThanOrEqual(0.1);
  });

  test('swapping the layer-1 transcoder\'s state features moves answers far more often than a random push of the same norm', () => {
    const { atlas, network, theta, transcoders } = trained.get(seed)!;
    const random = createRandom(seed + 7);
    let moved = 0;
    let movedByRandom = 0;
    for (let a = 0; a < atlas.shape.states; a++) {
      const b = swapPartner(atlas, a);
      moved += swapStateFeature(network, theta, transcoders[0], 1, a, b).capitalMoved / atlas.shape.states;
      const direction = Float64Array.from({ length: network.shape.hidden }, () => random.normal());
      movedByRandom += swapStateFeature(network, theta, transcoders[0], 1, a, b, direction).capitalMoved / atlas.shape.states;
    }
    expect(moved).toBeGreaterThan(0.5);
    expect(movedByRandom).toBeLessThan(0.1);
  });
});
