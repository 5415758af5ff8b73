// Attribution graphs on the atlas network: exact for the local replacement, a faithful replacement, and a
// state-feature swap that moves answers where a random push of the same size does not. (The bar of
// ≥ 90 % of cities moved for both attributes is not reached yet; see docs/lab.md.)
import { beforeAll, describe, expect, test } from 'vitest';
import { createRandom } from '../../../src/lab/random.ts';
import { defaultAtlasSettings, trainAtlas } from '../../../src/lab/atlas/experiments.ts';
import { attributionGraph, everyQuestion, replacementFidelity, swapStateFeature, trainTranscoders, type TrainedTranscoder } from '../../../src/lab/atlas/attribution.ts';

const seeds = [0, 1, 2];
const runs = new Map<number, Awaited<ReturnType<typeof trainAtlas>> & { transcoders: [TrainedTranscoder, TrainedTranscoder] }>();

beforeAll(async () => {
  for (const seed of seeds) {
    const run = await trainAtlas({ ...defaultAtlasSettings, seed });
    runs.set(seed, { ...run, transcoders: await trainTranscoders(run.network, run.theta, { width: 32, k: 4, steps: 1000, seed }) });
  }
}, 300_000);

describe.each(seeds)('seed %i', (seed) => {
  test('edges into every node plus its bias sum exactly to its value', () => {
    const { atlas, network, theta, transcoders } = runs.get(seed)!;
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
    const { network, theta, transcoders } = runs.get(seed)!;
    expect(replacementFidelity(network, theta, transcoders, everyQuestion(network))).toBeGreaterThanOrEqual(0.95);
  });

  test('swapping the layer-1 state features moves capital answers far more often than a random push of the same norm', () => {
    const { atlas, network, theta, transcoders } = runs.get(seed)!;
    const random = createRandom(seed + 7);
    let moved = 0;
    let movedByRandom = 0;
    for (let a = 0; a < atlas.shape.states; a++) {
      const b = (a + 1) % atlas.shape.states;
      moved += swapStateFeature(network, theta, transcoders[0], 1, a, b).capitalMoved / atlas.shape.states;
      const direction = Float64Array.from({ length: network.shape.hidden }, () => random.normal());
      movedByRandom += swapStateFeature(network, theta, transcoders[0], 1, a, b, direction).capitalMoved / atlas.shape.states;
    }
    expect(moved).toBeGreaterThan(0.5);
    expect(movedByRandom).toBeLessThan(0.1);
  });
});
