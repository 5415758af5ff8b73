// ReLU + L1 sparse autoencoder on synthetic data with known features: d = 32, 64 true features, each active
// with probability 0.05 (true L0 = 3.2), width 128. A sweep of λ values 3× apart, three seeds each.
import { expect, test } from 'vitest';
import { trainSae, validateSaeParams, type SaeResult } from '../../../src/lab/sae.ts';
import { median } from './helpers.ts';

const sweep = [0.1, 0.3, 1];
const seeds = [1, 2, 3];

async function train(l1Coefficient: number, seed: number): Promise<SaeResult> {
  const { params, corrections } = validateSaeParams({
    data: 'synthetic', variant: 'l1', inputDim: 32, features: 64, featureProbability: 0.05, width: 128, l1Coefficient, seed, steps: 2000,
  });
  expect(corrections).toEqual([]);
  return (await trainSae(params)).result;
}

test('a λ sweep finds the true features; L0 falls and reconstruction error rises with λ', async () => {
  const rows: { l1Coefficient: number; mmcs: number; l0: number; reconstructionError: number }[] = [];
  for (const l1Coefficient of sweep) {
    const runs: SaeResult[] = [];
    for (const seed of seeds) runs.push(await train(l1Coefficient, seed));
    rows.push({
      l1Coefficient,
      mmcs: median(runs.map((run) => run.mmcs)),
      l0: median(runs.map((run) => run.l0)),
      reconstructionError: median(runs.map((run) => run.reconstructionError)),
    });
  }
  const trueL0 = 64 * 0.05;
  expect(rows.some((row) => row.mmcs >= 0.95 && row.l0 <= 2 * trueL0), JSON.stringify(rows)).toBe(true);
  for (let k = 1; k < rows.length; k++) {
    expect(rows[k]!.l0).toBeLessThan(rows[k - 1]!.l0);
    expect(rows[k]!.reconstructionError).toBeGreaterThan(rows[k - 1]!.reconstructionError);
  }
});
