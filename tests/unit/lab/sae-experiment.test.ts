// The planted-dictionary experiment of the SAE article (src/lab/sae-experiment.ts): the defaults recover the
// planted directions on every seed tried, each control clearly does not, and along a λ sweep L0 falls.
import { describe, expect, test } from 'vitest';
import { trainSae, type SaeResult } from '../../../src/lab/sae.ts';
import { experimentControls, experimentParams, type ExperimentSettings } from '../../../src/lab/sae-experiment.ts';
import { sweepFrontier } from '../../../src/lab/sae-sweep.ts';
import { median } from './helpers.ts';

const seeds = [0, 1, 2, 3];

async function mmcsOverSeeds(settings: Partial<ExperimentSettings>): Promise<number[]> {
  const runs: SaeResult[] = [];
  for (const seed of seeds) runs.push((await trainSae(experimentParams({ ...settings, seed }))).result);
  return runs.map((run) => run.mmcs);
}

describe('planted-dictionary experiment', () => {
  test('the defaults (L1, and TopK with k = 2) recover the planted directions: MMCS ≥ 0.9 on every seed', async () => {
    for (const settings of [{}, { variant: 'topk' as const }]) {
      const mmcs = await mmcsOverSeeds(settings);
      expect(Math.min(...mmcs), JSON.stringify({ settings, mmcs })).toBeGreaterThanOrEqual(0.9);
    }
  });

  test.each(Object.entries(experimentControls))('control "%s" recovers clearly less (every seed below 0.8)', async (_name, control) => {
    const mmcs = await mmcsOverSeeds(control);
    expect(Math.max(...mmcs), JSON.stringify(mmcs)).toBeLessThan(0.8);
    expect(median(mmcs)).toBeLessThan(0.75);
  });
});

test('along a λ sweep, L0 falls and the fraction of variance unexplained rises', async () => {
  const frontier = await sweepFrontier({ l1: [0.05, 0.3, 1], topk: [] });
  const l0 = frontier.l1.map((point) => point.l0);
  const fvu = frontier.l1.map((point) => point.fractionOfVarianceUnexplained);
  for (let k = 1; k < l0.length; k++) {
    expect(l0[k]!, JSON.stringify(frontier.l1)).toBeLessThan(l0[k - 1]!);
    expect(fvu[k]!).toBeGreaterThan(fvu[k - 1]!);
  }
  expect(frontier.trueL0).toBeCloseTo(32 * 0.06, 6);
});
