// The attention-only transformer and the induction objective: gradients against finite differences, data shape.
import { describe, expect, test } from 'vitest';
import { createInductionBatch, sampleInductionBatch, type InductionDataSettings } from '../../../src/lab/induction-data.ts';
import { createInductionObjective } from '../../../src/lab/induction-objective.ts';
import { fillNormal } from '../../../src/lab/matrix.ts';
import { createRandom } from '../../../src/lab/random.ts';
import { expectGradientMatchesFiniteDifferences } from './support/finite-differences.ts';

describe('induction data', () => {
  const settings: InductionDataSettings = { vocab: 16, context: 16, blockMin: 4, blockMax: 7, offset: 'varying' };

  test('each sequence starts with BOS and writes one block twice, the second copy after the first', () => {
    const batch = createInductionBatch(200, settings.context);
    sampleInductionBatch(batch, createRandom(1), settings);
    const offsets = new Set<number>();
    for (let s = 0; s < batch.count; s++) {
      const row = batch.tokens.subarray(s * 16, (s + 1) * 16);
      const [first, second, length] = [batch.firstStart[s]!, batch.secondStart[s]!, batch.blockLength[s]!];
      expect(row[0]).toBe(16);
      expect(Math.max(...row.subarray(1))).toBeLessThan(16);
      expect(length).toBeGreaterThanOrEqual(4);
      expect(length).toBeLessThanOrEqual(7);
      expect(first).toBeGreaterThanOrEqual(1);
      expect(second).toBeGreaterThanOrEqual(first + length);
      expect(second + length).toBeLessThanOrEqual(16);
      expect(Array.from(row.subarray(second, second + length))).toStrictEqual(Array.from(row.subarray(first, first + length)));
      offsets.add(second - first);
    }
    expect(offsets.size).toBeGreaterThanOrEqual(6);
  });

  test('fixed offset: the first half always repeats as the second half', () => {
    const batch = createInductionBatch(50, 16);
    sampleInductionBatch(batch, createRandom(2), { ...settings, offset: 'fixed' });
    expect(new Set(batch.firstStart)).toStrictEqual(new Set([1]));
    expect(new Set(batch.secondStart)).toStrictEqual(new Set([8]));
    expect(new Set(batch.blockLength)).toStrictEqual(new Set([7]));
  });
});

describe('attention-only transformer gradient', () => {
  for (const layers of [1, 2]) {
    test(`${layers} layer${layers > 1 ? 's' : ''}, 2 heads, whole model and loss`, () => {
      const data: InductionDataSettings = { vocab: 5, context: 6, blockMin: 2, blockMax: 2, offset: 'varying' };
      const objective = createInductionObjective({ vocab: 5, context: 6, width: 4, heads: 2, headSize: 3, layers }, data, 3);
      const random = createRandom(10 + layers);
      const batch = objective.createBatch();
      objective.sample(batch, random, new Float64Array(0));
      const theta = fillNormal(new Float64Array(objective.layout.size), random, 0.7);
      const grad = new Float64Array(theta.length);
      objective.lossAndGradient(theta, batch, grad);
      const scratch = new Float64Array(theta.length);
      expectGradientMatchesFiniteDifferences(theta, (t) => objective.lossAndGradient(t, batch, scratch), grad);
    });
  }
});
