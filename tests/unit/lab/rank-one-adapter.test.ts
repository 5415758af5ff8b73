import { expect, test } from 'vitest';
import { withRankOneAdapter } from '../../../src/lab/core/rank-one-adapter.ts';
import { trainObjective } from '../../../src/lab/core/train.ts';
import { fillNormal } from '../../../src/lab/matrix.ts';
import { createRandom } from '../../../src/lab/random.ts';
import { expectGradientMatchesFiniteDifferences } from './support/finite-differences.ts';
import { createRegressionObjective } from './support/regression-objective.ts';

const base = createRegressionObjective();
const adapted = withRankOneAdapter(base, 'W');

test('the adapted gradient (base blocks, u and v) matches finite differences', () => {
  const random = createRandom(5);
  const theta = fillNormal(new Float64Array(adapted.layout.size), random, 0.7);
  const X = adapted.createBatch();
  adapted.sample(X, random, theta);
  const grad = new Float64Array(theta.length);
  adapted.lossAndGradient(theta, X, grad);
  const scratch = new Float64Array(theta.length);
  expectGradientMatchesFiniteDifferences(theta, (t) => adapted.lossAndGradient(t, X, scratch), grad);
});

test('extend starts exactly at the base θ; training only the adapter leaves the base frozen and lowers the loss; merge folds it in', async () => {
  const pretrained = (await trainObjective({ name: 'base', objective: base, steps: 30, seed: 1, optimiser: { kind: 'adam', learningRate: 0.05 }, metrics: () => ({}) })).theta;
  const initial = adapted.extend(pretrained, createRandom(2));
  expect(adapted.merge(initial)).toEqual(pretrained);
  const { theta, lossCurve } = await trainObjective({
    name: 'adapter', objective: adapted, steps: 300, seed: 3, initial, trainable: ['adapter.u', 'adapter.v'],
    optimiser: { kind: 'adam', learningRate: 0.05 }, metrics: () => ({}),
  });
  expect(theta.subarray(0, base.layout.size)).toEqual(pretrained);
  expect(lossCurve.loss.at(-1)!).toBeLessThan(lossCurve.loss[0]!);
  const merged = adapted.merge(theta);
  const u = adapted.layout.slice(theta, 'adapter.u');
  const v = adapted.layout.slice(theta, 'adapter.v');
  expect(base.layout.slice(merged, 'W')[1 * 3 + 2]).toBeCloseTo(base.layout.slice(pretrained, 'W')[1 * 3 + 2]! + u[1]! * v[2]!, 12);
});
