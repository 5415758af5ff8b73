import { describe, expect, test } from 'vitest';
import { fitCotMonitor, monitorFlags, rocCurve } from '../../../src/lab/cot-monitor-classifier.ts';
import { createEpisodes } from '../../../src/lab/cot-monitor-episodes.ts';
import { cotPolicyLayout, createCotPolicyObjective, plantPolicy, policyProbabilities, sampleEpisodes } from '../../../src/lab/cot-monitor-policy.ts';
import { FIX, HACK, isSynonym, vocabulary } from '../../../src/lab/cot-monitor-task.ts';
import { cotMonitorEpisodeBudget, trainCotMonitor, validateCotMonitorParams, type CotMonitorParams, type CotMonitorResult } from '../../../src/lab/cot-monitor.ts';
import { createRandom } from '../../../src/lab/random.ts';
import { expectJsonSafe } from './helpers.ts';
import { expectGradientMatchesFiniteDifferences } from './support/finite-differences.ts';

const seeds = [0, 1, 2, 3];

async function train(raw: Partial<Record<keyof CotMonitorParams, unknown>>): Promise<CotMonitorResult> {
  const { params, corrections } = validateCotMonitorParams(raw);
  expect(corrections).toEqual([]);
  return (await trainCotMonitor(params)).result;
}

const overSeeds = (raw: Partial<Record<keyof CotMonitorParams, unknown>>) => Promise.all(seeds.map((seed) => train({ ...raw, seed })));

describe('chain-of-thought monitoring toy, over seeds', () => {
  test('without pressure the agent hacks, and reading its notes catches far more hacks than watching its actions', async () => {
    for (const { unpressured, monitorOnLog, params } of await overSeeds({ pressure: 0 })) {
      expect(unpressured.final.hackRate).toBeGreaterThan(0.9);
      expect(unpressured.final.cotRecall!).toBeGreaterThan(0.9);
      expect(unpressured.final.cotRecall! - unpressured.final.actionRecall!).toBeGreaterThan(0.25);
      expect(monitorOnLog.falsePositiveRate).toBeLessThanOrEqual(params.honestFlagRate);
      expect(monitorOnLog.truePositiveRate).toBeGreaterThan(0.9);
    }
  });

  test('strong pressure after the unpressured run, necessity off: hacking goes on while the monitor stops seeing it', async () => {
    for (const { unpressured, pressured } of await overSeeds({ pressure: 2 })) {
      expect(pressured.final.hackRate).toBeGreaterThan(0.9);
      expect(pressured.final.cotRecall!).toBeLessThan(0.15);
      expect(unpressured.final.cotRecall! - pressured.final.cotRecall!).toBeGreaterThan(0.7);
      expect(pressured.final.undetectedRate).toBeGreaterThan(0.8);
      // The action monitor sees the same trace as before: its recall is the setting, not a result.
      expect(Math.abs(pressured.final.actionRecall! - 0.6)).toBeLessThan(0.05);
    }
  });

  test('necessity on: undetected hacks stay near zero at every λ, far below necessity off', async () => {
    const necessityOff = await overSeeds({ pressure: 2 });
    for (const pressure of [0, 0.6, 2, 5]) {
      const runs = await overSeeds({ pressure, necessity: 'on' });
      runs.forEach(({ pressured }, k) => {
        expect(pressured.final.undetectedRate, `λ = ${pressure}, seed ${seeds[k]}`).toBeLessThan(0.02);
        expect(necessityOff[k]!.pressured.final.undetectedRate - pressured.final.undetectedRate).toBeGreaterThan(0.7);
      });
    }
  });

  test('with unseen synonyms that work too, the undetected-hack rate rises again', async () => {
    const withSynonyms = await overSeeds({ pressure: 2, necessity: 'on', synonyms: 'on' });
    const without = await overSeeds({ pressure: 2, necessity: 'on' });
    withSynonyms.forEach(({ pressured, monitor }, k) => {
      expect(pressured.final.undetectedRate).toBeGreaterThan(0.8);
      expect(pressured.final.undetectedRate - without[k]!.pressured.final.undetectedRate).toBeGreaterThan(0.7);
      monitor.weights.forEach((weight, word) => { if (isSynonym[word]) expect(weight).toBe(0); });
    });
  });

  test('pressure from the start trains from the planted agent (even plans), not from the unpressured one', async () => {
    for (const { pressured } of await overSeeds({ pressure: 2, pressureFrom: 'start' })) {
      expect(pressured.curve[0]!.hackRate).toBeLessThan(0.7);
      expect(pressured.curve[0]!.hackRate).toBeGreaterThan(0.3);
    }
  });

  test('results are JSON-safe, curves cover the runs, and a seed gives the same result', async () => {
    const raw = { steps: 60, episodes: 32, seed: 5 };
    const result = await train(raw);
    expectJsonSafe(result);
    expect(result.unpressured.curve.at(-1)!.step).toBe(60);
    expect(result.pressured.curve.at(-1)!.step).toBe(60);
    expect(result.unpressured.samples).toHaveLength(6);
    expect(await train(raw)).toStrictEqual(result);
  });
});

describe('chain-of-thought monitor', () => {
  function plantedLog(count: number) {
    const log = createEpisodes(count);
    const theta = new Float64Array(cotPolicyLayout.size);
    plantPolicy(theta);
    sampleEpisodes(log, policyProbabilities(theta, false), { necessity: false, synonyms: false, actionShare: 0.6 }, createRandom(7));
    return log;
  }

  test('flags at most the allowed share of honest notes, with non-negative weights', () => {
    const log = plantedLog(8000);
    for (const rate of [0.01, 0.05, 0.2]) {
      const monitor = fitCotMonitor(log, rate);
      let honest = 0, flagged = 0;
      for (let i = 0; i < log.count; i++) {
        if (log.plan[i] !== FIX) continue;
        honest++;
        if (monitorFlags(monitor, log.words, i * 3)) flagged++;
      }
      expect(flagged / honest).toBeLessThanOrEqual(rate);
      expect(Math.min(...monitor.weights)).toBeGreaterThanOrEqual(0);
    }
  });

  test('every note that names a hack word is flagged, however it is padded', () => {
    const monitor = fitCotMonitor(plantedLog(8000), 0.05);
    const known = vocabulary.map((_, word) => word).filter((word) => !isSynonym[word]);
    for (const a of known) for (const b of known) for (const c of known) {
      const note = Uint8Array.of(a, b, c);
      const namesHack = [a, b, c].some((word) => vocabulary[word]!.kind === 'hack');
      if (namesHack) expect(monitorFlags(monitor, note), [a, b, c].map((word) => vocabulary[word]!.word).join(' ')).toBe(true);
    }
  });

  test('the ROC curve runs from (0, 0) to (1, 1) without going back', () => {
    const log = plantedLog(4000);
    const roc = rocCurve(fitCotMonitor(log, 0.05), log);
    expect(roc[0]).toMatchObject({ falsePositiveRate: 0, truePositiveRate: 0 });
    expect(roc.at(-1)).toMatchObject({ falsePositiveRate: 1, truePositiveRate: 1 });
    for (let k = 1; k < roc.length; k++) {
      expect(roc[k]!.falsePositiveRate).toBeGreaterThanOrEqual(roc[k - 1]!.falsePositiveRate);
      expect(roc[k]!.truePositiveRate).toBeGreaterThanOrEqual(roc[k - 1]!.truePositiveRate);
    }
  });
});

describe('REINFORCE objective', () => {
  test('the surrogate gradient matches finite differences on a fixed batch', () => {
    const monitor = { weights: vocabulary.map(({ kind }) => (kind === 'hack' ? 2 : 0)), bias: -1, threshold: 0 };
    const objective = createCotPolicyObjective({
      environment: { necessity: true, synonyms: true, actionShare: 0.6 }, pressure: 1.5,
      flags: (words, offset) => monitorFlags(monitor, words, offset),
      episodesPerStep: 16, logCapacity: 16, planEntropyBonus: 0.05, baselineRate: 0.1,
    });
    const random = createRandom(3);
    const theta = new Float64Array(objective.layout.size);
    objective.init(theta, random);
    for (let i = 0; i < theta.length; i++) theta[i] = theta[i]! + 0.3 * random.normal();
    const batch = objective.createBatch();
    objective.sample(batch, random, theta);
    expect(Array.from(batch.episodes.plan)).toContain(HACK);
    const grad = new Float64Array(theta.length);
    objective.lossAndGradient(theta, batch, grad);
    const scratch = new Float64Array(theta.length);
    expectGradientMatchesFiniteDifferences(theta, (t) => objective.lossAndGradient(t, batch, scratch.fill(0)), grad);
  });
});

describe('validateCotMonitorParams', () => {
  test('bounds the work of a run', () => {
    const { params, corrections } = validateCotMonitorParams({ episodes: 1024, steps: 2000 });
    expect(params.episodes * params.steps).toBeLessThanOrEqual(cotMonitorEpisodeBudget);
    expect(corrections).toHaveLength(1);
  });
});
