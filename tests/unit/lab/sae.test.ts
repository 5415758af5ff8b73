import { describe, expect, test } from 'vitest';
import { matchDictionary } from '../../../src/lab/dictionary-metrics.ts';
import { trainSae, validateSaeParams, type SaeResult } from '../../../src/lab/sae.ts';
import { expectJsonSafe } from './helpers.ts';

async function train(raw: Record<string, unknown>): Promise<SaeResult> {
  const { params, corrections } = validateSaeParams(raw);
  expect(corrections).toEqual([]);
  return (await trainSae(params)).result;
}

describe('sparse autoencoder', () => {
  test('TopK with k = the true L0 (rounded) recovers the true features', async () => {
    const result = await train({ variant: 'topk', inputDim: 32, features: 64, featureProbability: 0.05, width: 128, k: Math.round(64 * 0.05), seed: 1, steps: 2000 });
    expect(result.mmcs).toBeGreaterThanOrEqual(0.9);
    expect(result.l0).toBeLessThanOrEqual(3);
  });

  test('on the hidden activations of a toy model of superposition, finds its feature directions', async () => {
    const result = await train({ data: 'superposition', features: 6, inputDim: 2, featureProbability: 0.1, width: 12, l1Coefficient: 0.1, steps: 1500, seed: 2 });
    expect(result.trueL0).toBeCloseTo(0.6);
    expect(result.decoder).toHaveLength(12);
    expect(result.decoder[0]).toHaveLength(2);
    expect(result.matches).toHaveLength(6);
    expect(result.mmcs).toBeGreaterThanOrEqual(0.9);
  });

  test('results are JSON-safe, self-consistent and deterministic for a seed', async () => {
    const raw = { inputDim: 8, features: 12, width: 16, steps: 100, seed: 4 };
    const result = await train(raw);
    expectJsonSafe(result);
    expect(result.decoder).toHaveLength(16);
    expect(result.matches).toHaveLength(12);
    expect(result.mmcs).toBeCloseTo(result.matches.reduce((s, m) => s + m.cosine, 0) / 12, 3);
    expect(result.deadLatents).toBeGreaterThanOrEqual(0);
    expect(result.fractionOfVarianceUnexplained).toBeGreaterThan(0);
    expect(await train(raw)).toStrictEqual(result);
  });
});

describe('matchDictionary', () => {
  test('MMCS is 1 for a dictionary that contains the truth, and the matching names the right latents', () => {
    const truth = Float64Array.of(1, 0, 0, 1);
    const learned = Float64Array.of(0, 2, 0.6, 0.8, 3, 0);
    const { mmcs, matches } = matchDictionary(truth, learned, 2);
    expect(mmcs).toBeCloseTo(1, 12);
    expect(matches.map((match) => match.latent)).toEqual([2, 0]);
  });
});

describe('validateSaeParams', () => {
  test('superposition data is bounded by the toy model (n ≤ 20, m < n)', () => {
    const { params, corrections } = validateSaeParams({ data: 'superposition', features: 64, inputDim: 32 });
    expect(params).toMatchObject({ features: 20, inputDim: 10 });
    expect(corrections.length).toBeGreaterThan(0);
  });

  test('k cannot exceed the width, and work is capped', () => {
    const { params } = validateSaeParams({ variant: 'topk', k: 64, width: 8, steps: 20_000, batchSize: 1024, inputDim: 64 });
    expect(params.k).toBe(8);
    const large = validateSaeParams({ width: 512, inputDim: 64, batchSize: 1024, steps: 20_000 });
    expect(large.params.steps * 512 * 64 * 1024).toBeLessThanOrEqual(2e9);
  });
});
