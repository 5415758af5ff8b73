// The SAE's code for single inputs: TopK's identity (L0 = min(k, positive pre-activations) ≤ k on every input),
// and the example readout that the dictionary figure shows.
import { describe, expect, test } from 'vitest';
import { createRandom } from '../../../src/lab/random.ts';
import { trainSae } from '../../../src/lab/sae.ts';
import { createSaeLoss } from '../../../src/lab/sae-objective.ts';
import { experimentParams } from '../../../src/lab/sae-experiment.ts';
import { createSparseCombinationSource, randomUnitDirections } from '../../../src/lab/sparse-data.ts';

describe('TopK', () => {
  test.each([1, 2, 5])('k = %i: L0 ≤ k on every input, and exactly k where at least k pre-activations are positive', (k) => {
    const d = 8;
    const width = 24;
    const random = createRandom(k);
    const objective = createSaeLoss({ d, width, topK: k, l1Coefficient: 0 });
    const theta = new Float64Array(objective.layout.size);
    objective.init(theta, random);
    const source = createSparseCombinationSource(randomUnitDirections(16, d, random), d, 0.2);
    const x = new Float64Array(d);
    let full = 0;
    for (let s = 0; s < 500; s++) {
      source.sample(x, 1, random);
      const code = objective.encodeSample(theta, x);
      expect(code.latents.length).toBeLessThanOrEqual(k);
      expect(code.latents.length).toBe(Math.min(k, code.positivePreActivations));
      expect(code.activations.every((a) => a > 0)).toBe(true);
      if (code.positivePreActivations >= k) full++;
      // Agrees with the objective's own evaluation on this one input.
      expect(objective.evaluate(theta, x, 1).l0).toBe(code.latents.length);
    }
    expect(full).toBeGreaterThan(100);
  });

  test('a trained TopK SAE has L0 ≤ k, and its example input turns on at most k latents', async () => {
    const { result } = await trainSae(experimentParams({ variant: 'topk', k: 2 }));
    expect(result.l0).toBeLessThanOrEqual(2);
    expect(result.example.latents.length).toBeLessThanOrEqual(2);
  });
});

describe('example readout', () => {
  test('shows at least two planted features and the latents that carry them', async () => {
    const { result } = await trainSae(experimentParams());
    const { features, latents, squaredError } = result.example;
    expect(features.length).toBeGreaterThanOrEqual(2);
    for (const { feature, coefficient } of features) {
      expect(feature).toBeGreaterThanOrEqual(0);
      expect(feature).toBeLessThan(32);
      expect(coefficient).toBeGreaterThan(0);
      expect(coefficient).toBeLessThanOrEqual(1);
    }
    expect(latents.map((l) => l.activation)).toEqual([...latents.map((l) => l.activation)].sort((a, b) => b - a));
    // At the defaults each planted feature of the example is carried by its matched latent.
    const active = new Set(latents.map((l) => l.latent));
    for (const { feature } of features) expect(active.has(result.matches[feature]!.latent)).toBe(true);
    expect(squaredError).toBeGreaterThanOrEqual(0);
    expect(result.truth).toHaveLength(32);
    expect(result.truth[0]).toHaveLength(16);
  });
});
