// The protocol of Elhage et al. (2022): batch 1024, Adam lr 1e-2, best of several seeds by final loss.
// Tests use fewer than the full 10,000 steps where the loss has long converged; tolerances are as specified.
import { describe, expect, test } from 'vitest';
import { trainSuperposition, validateSuperpositionParams, type SuperpositionResult } from '../../../src/lab/superposition.ts';
import { angleBetween, expectJsonSafe } from './helpers.ts';

async function train(raw: Record<string, unknown>): Promise<SuperpositionResult> {
  const { params, corrections } = validateSuperpositionParams({ batchSize: 1024, learningRate: 0.01, ...raw });
  expect(corrections).toEqual([]);
  return (await trainSuperposition(params)).result;
}

/** Column i of W (m×n) as a vector. */
const direction = (result: SuperpositionResult, i: number) => result.W.map((row) => row[i]!);

describe('toy model of superposition', () => {
  test('n=5, m=2, r=1, S=0.9: five features of equal norm on a regular pentagon', async () => {
    const result = await train({ n: 5, m: 2, importanceDecay: 1, sparsity: 0.9, steps: 6000, restarts: 5 });
    const norms = result.featureNorms;
    const mean = norms.reduce((s, x) => s + x, 0) / norms.length;
    for (const norm of norms) {
      expect(Math.abs(norm - mean) / mean).toBeLessThanOrEqual(0.15);
      expect(norm).toBeGreaterThan(0.5);
    }
    const angles = norms.map((_, i) => Math.atan2(result.W[1]![i]!, result.W[0]![i]!) * (180 / Math.PI)).sort((a, b) => a - b);
    const gaps = angles.map((angle, k) => (angles[(k + 1) % 5]! - angle + 360) % 360);
    for (const gap of gaps) expect(Math.abs(gap - 72)).toBeLessThanOrEqual(6);
    expect(result.restartLosses).toHaveLength(5);
    expect(result.finalLoss).toBe(Math.min(...result.restartLosses));
  });

  test('n=5, m=2, r=0.7, S=0: only the two most important features, orthogonal', async () => {
    const result = await train({ n: 5, m: 2, importanceDecay: 0.7, sparsity: 0, steps: 1500, restarts: 3 });
    const [first, second, ...rest] = result.featureNorms;
    expect(first).toBeGreaterThan(0.5);
    expect(second).toBeGreaterThan(0.5);
    for (const norm of rest) expect(norm).toBeLessThan(0.1);
    expect(Math.abs(angleBetween(direction(result, 0), direction(result, 1)) - 90)).toBeLessThanOrEqual(5);
  });

  // With equal importances the linear model's optimum is any rank-m projection, which can spread norm over
  // all features; with decaying importance (r = 0.7) it is unique: the m most important features.
  test.each([0, 0.5, 0.9, 0.99])('the linear model represents at most m features (S = %s)', async (sparsity) => {
    const result = await train({ n: 5, m: 2, importanceDecay: 0.7, sparsity, nonlinearity: 'linear', steps: 2000, restarts: 1 });
    expect(result.featureNorms.filter((norm) => norm > 0.5).length).toBeLessThanOrEqual(2);
  });

  test('outputs are consistent, JSON-safe and deterministic for a seed', async () => {
    const raw = { n: 6, m: 3, sparsity: 0.7, steps: 200, restarts: 2, seed: 11 };
    const result = await train(raw);
    expectJsonSafe(result);
    expect(result.W).toHaveLength(3);
    expect(result.W[0]).toHaveLength(6);
    expect(result.b).toHaveLength(6);
    expect(result.gram).toHaveLength(6);
    for (let i = 0; i < 6; i++) {
      expect(result.featureNorms[i]).toBeCloseTo(Math.sqrt(result.gram[i]![i]!), 4);
      const Wi = direction(result, i);
      let expected = 0;
      for (let j = 0; j < 6; j++) {
        if (j === i) continue;
        const Wj = direction(result, j);
        expected += (Wi.reduce((s, x, k) => s + x * Wj[k]!, 0) / Math.hypot(...Wi)) ** 2;
      }
      expect(result.superposition[i]).toBeCloseTo(expected, 3);
    }
    expect(result.lossCurve.step.at(-1)).toBe(200);
    expect(await train(raw)).toStrictEqual(result);
    expect((await train({ ...raw, seed: 12 })).W).not.toEqual(result.W);
  });
});

describe('validateSuperpositionParams', () => {
  test('bounds every parameter for the explorer figure', () => {
    const { params, corrections } = validateSuperpositionParams({
      n: 500, m: 50, sparsity: 1.5, importanceDecay: 0.1, steps: 1e9, restarts: 99, batchSize: -3, learningRate: 'fast', bogus: 1,
    });
    expect(params).toMatchObject({ n: 20, m: 10, sparsity: 0.99, importanceDecay: 0.5, restarts: 5, batchSize: 1, learningRate: 0.01 });
    expect(params.steps).toBeLessThanOrEqual(10_000);
    expect(corrections.join('\n')).toMatch(/n: 500 is above the maximum 20/);
    expect(corrections.join('\n')).toMatch(/bogus: unknown parameter/);
  });

  test('keeps m below n', () => {
    const { params, corrections } = validateSuperpositionParams({ n: 4, m: 7 });
    expect(params).toMatchObject({ n: 4, m: 3 });
    expect(corrections).toContain('m: 7 must be fewer than n = 4; using 3');
  });

  test('admits the full protocol at n=5, m=2 and caps steps when larger sizes would take too long', () => {
    expect(validateSuperpositionParams({ n: 5, m: 2, steps: 10_000, restarts: 5, batchSize: 1024 }).corrections).toEqual([]);
    const { params, corrections } = validateSuperpositionParams({ n: 20, m: 10, steps: 10_000, restarts: 5, batchSize: 1024 });
    expect(params.steps * 1024 * 5 * (20 * 10 + 40)).toBeLessThanOrEqual(1.1e9);
    expect(corrections.some((note) => note.startsWith('steps:'))).toBe(true);
  });
});
