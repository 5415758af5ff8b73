// The circuit-tracing toy: it learns the atlas, composes on held-out cities, carries a readable "state" that a
// probe finds only inside the network, and patching that state subspace moves most of the answer.
import { beforeAll, describe, expect, test } from 'vitest';
import { patch } from '../../../src/lab/core/interventions.ts';
import {
  accuracy, defaultAtlasSettings, patchSubspace, runQuestions, stateProbes, stateSubspace, trainAtlas,
} from '../../../src/lab/atlas/experiments.ts';

const seeds = [0, 1, 2];
type Trained = Awaited<ReturnType<typeof trainAtlas>> & { probes: Awaited<ReturnType<typeof stateProbes>> };
const trained = new Map<number, Trained>();

beforeAll(async () => {
  for (const seed of seeds) {
    const run = await trainAtlas({ ...defaultAtlasSettings, seed });
    trained.set(seed, { ...run, probes: await stateProbes(run.network, run.theta, seed) });
  }
}, 240_000);

/** Mean share of the clean-minus-corrupted logit difference restored by `edit` over pairs of cities in different states. */
function meanRestored(run: Trained, site: 'hidden1' | 'hidden2', makeEdit: (source: Float64Array) => (values: Float64Array) => void): number {
  const { atlas, network, theta } = run;
  const shares: number[] = [];
  for (let a = 0; a < atlas.cityCount; a += 3) {
    for (let b = 1; b < atlas.cityCount; b += 4) {
      if (atlas.stateOfCity(a) === atlas.stateOfCity(b)) continue;
      const clean = atlas.ask('capital-of-city', a);
      const corrupt = atlas.ask('capital-of-city', b);
      const difference = (logits: Float64Array) => logits[clean.answer]! - logits[corrupt.answer]!;
      const cleanRun = runQuestions(network, theta, [clean]);
      const corruptRun = runQuestions(network, theta, [corrupt]);
      const patched = runQuestions(network, theta, [corrupt], { [site]: makeEdit(cleanRun.cache.get(site)!) });
      shares.push((difference(patched.logits) - difference(corruptRun.logits)) / (difference(cleanRun.logits) - difference(corruptRun.logits)));
    }
  }
  return shares.reduce((sum, share) => sum + share, 0) / shares.length;
}

describe.each(seeds)('seed %i', (seed) => {
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

  test('patching a whole layer restores all of the effect (a code check: one position, no skip path)', () => {
    expect(meanRestored(trained.get(seed)!, 'hidden2', (source) => patch(source))).toBeCloseTo(1, 10);
  });

  test('patching only the state subspace restores most of the effect; patching the rest restores little', () => {
    const run = trained.get(seed)!;
    for (const site of ['hidden1', 'hidden2'] as const) {
      const probe = run.probes.probes.find((candidate) => candidate.site === site)!;
      const basis = stateSubspace(probe.directions, probe.classes, run.network.shape.hidden);
      const state = meanRestored(run, site, (source) => patchSubspace(source, basis));
      const rest = meanRestored(run, site, (source) => patchSubspace(source, basis, true));
      expect(state).toBeGreaterThan(0.6);
      expect(rest).toBeLessThan(0.4);
      expect(state).toBeGreaterThan(rest + 0.3);
    }
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
