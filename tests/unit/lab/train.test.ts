// The one training loop (core/train.ts): optimisers, starting parameters, frozen blocks, best of restarts.
import { describe, expect, test } from 'vitest';
import type { Objective } from '../../../src/lab/core/objective.ts';
import { trainBestOfRestarts, trainObjective } from '../../../src/lab/core/train.ts';
import { createRegressionObjective, target } from './support/regression-objective.ts';

const objective = createRegressionObjective();
const base = { name: 'regression', objective, seed: 4, metrics: () => ({}) };

describe('trainObjective', () => {
  test.each([
    { kind: 'adam', learningRate: 0.05 },
    { kind: 'adam', learningRate: 0.05, weightDecay: 1e-4 },
    { kind: 'sgd', learningRate: 0.05 },
  ] as const)('%j fits the target', async (optimiser) => {
    const { theta, lossCurve } = await trainObjective({ ...base, steps: 1500, optimiser });
    expect(lossCurve.loss.at(-1)!).toBeLessThan(1e-3);
    objective.layout.slice(theta, 'W').forEach((w, k) => expect(w).toBeCloseTo(target.A[k]!, 2));
  });

  test('starts from `initial` (never modifying it) and keeps frozen blocks exactly, even under weight decay', async () => {
    const initial = Float64Array.from({ length: objective.layout.size }, (_, k) => 0.1 * k);
    const copy = initial.slice();
    const { theta } = await trainObjective({ ...base, steps: 300, optimiser: { kind: 'adam', learningRate: 0.05, weightDecay: 0.1 }, initial, trainable: ['b'] });
    expect(initial).toEqual(copy);
    expect(objective.layout.slice(theta, 'W')).toEqual(objective.layout.slice(initial, 'W'));
    expect(objective.layout.slice(theta, 'b')).not.toEqual(objective.layout.slice(initial, 'b'));
  });

  test('a NaN gradient of a frozen block never reaches the trained ones', async () => {
    const poisoned: Objective<Float64Array, 'W' | 'b'> = {
      ...objective,
      lossAndGradient(theta, X, grad) {
        const loss = objective.lossAndGradient(theta, X, grad);
        objective.layout.slice(grad, 'W').fill(NaN);
        return loss;
      },
    };
    const { theta } = await trainObjective({ ...base, objective: poisoned, steps: 50, optimiser: { kind: 'adam', learningRate: 0.05 }, trainable: ['b'] });
    expect(theta.every(Number.isFinite)).toBe(true);
  });

  test('unknown trainable blocks and starting parameters of the wrong size are errors', async () => {
    await expect(trainObjective({ ...base, steps: 1, optimiser: { kind: 'sgd', learningRate: 0.1 }, trainable: ['V'] })).rejects.toThrow(/no block named "V"; the blocks are W, b/);
    await expect(trainObjective({ ...base, steps: 1, optimiser: { kind: 'sgd', learningRate: 0.1 }, initial: new Float64Array(3) })).rejects.toThrow(/starting parameters have 3 values, the layout 8/);
  });

  test('the same seed gives the same bits', async () => {
    const run = () => trainObjective({ ...base, steps: 50, optimiser: { kind: 'adam', learningRate: 0.05 } });
    expect((await run()).theta).toEqual((await run()).theta);
  });
});

test('trainBestOfRestarts keeps the restart with the lowest evaluation and tags progress with the restart', async () => {
  const restarts: number[] = [];
  const { best, losses } = await trainBestOfRestarts({
    ...base, steps: 20, restarts: 3, optimiser: { kind: 'adam', learningRate: 0.05 },
    evaluate: (theta) => objective.layout.slice(theta, 'b')[0]!,
  }, { progressIntervalMs: Infinity, onProgress: (progress) => restarts.push(progress.metrics.restart) });
  expect(restarts).toEqual([0, 1, 2]);
  expect(losses).toHaveLength(3);
  expect(best.loss).toBe(Math.min(...losses));
  expect(best.restart).toBe(losses.indexOf(best.loss));
});
