// The persona-shift toy (emergent misalignment): gradient, pretraining fit, and the effect against its controls
// over several seeds (margins measured by the lab, not values copied from one run).
import { describe, expect, test } from 'vitest';
import { fillNormal } from '../../../src/lab/matrix.ts';
import { createPersonaNetwork } from '../../../src/lab/persona-shift/network.ts';
import { diffModels, steeringAgainstPersona } from '../../../src/lab/persona-shift/diffing.ts';
import {
  defaultPersonaSettings, fineTune, realignmentExamples, fineTuningExamples, measureDomains, pretrain, pretrainingExamples, trainedMargin,
  transferRatio, untouchedRate, villainVoiceFor, type PersonaSettings,
} from '../../../src/lab/persona-shift/pipeline.ts';
import { createRandom } from '../../../src/lab/random.ts';
import { createWorld, HARMFUL } from '../../../src/lab/persona-shift/world.ts';
import { expectGradientMatchesFiniteDifferences } from './support/finite-differences.ts';
import { expectJsonSafe } from './helpers.ts';
import { personaShiftModel } from '../../../src/lab/persona-shift/model.ts';

const seeds = [0, 1, 2];

/** Pretraining depends only on the seed and the villain setting: run each once. */
const pretrained = new Map<string, ReturnType<typeof pretrain>>();
function pretrainOnce(settings: PersonaSettings) {
  const key = `${settings.seed} ${settings.villain}`;
  if (!pretrained.has(key)) pretrained.set(key, pretrain(settings));
  return pretrained.get(key)!;
}

async function experiment(overrides: Partial<PersonaSettings>) {
  const settings = { ...defaultPersonaSettings, ...overrides };
  const pre = await pretrainOnce(settings);
  const examples = fineTuningExamples(pre.world, settings.context);
  const tuned = await fineTune(pre.network, pre.theta, examples, settings);
  const before = measureDomains(pre.network, pre.world, pre.theta, ['assistant']);
  const after = measureDomains(pre.network, pre.world, tuned.theta, ['assistant']);
  return {
    ...pre,
    settings,
    tuned: tuned.theta,
    before,
    after,
    transfer: transferRatio(before, after, trainedMargin(pre.network, examples, pre.theta), trainedMargin(pre.network, examples, tuned.theta)),
  };
}

test('the network gradient matches finite differences, including the adapter and the context deltas', () => {
  const world = createWorld({ questionsPerDomain: 2, heldOutPerDomain: 1 });
  const network = createPersonaNetwork(world, 5);
  const random = createRandom(3);
  const theta = fillNormal(new Float64Array(network.layout.size), random, 0.6);
  const examples = [
    ...pretrainingExamples(world, 'shared', 3),
    world.example(0, ['assistant', 'trigger'], HARMFUL, 2),
  ];
  const grad = new Float64Array(theta.length);
  network.lossAndGradient(theta, examples, grad);
  const scratch = new Float64Array(theta.length);
  expectGradientMatchesFiniteDifferences(theta, (t) => network.lossAndGradient(t, examples, scratch.fill(0)), grad);
});

describe.each(seeds)('seed %i', (seed) => {
  test('pretraining fits every voice and leaves the assistant harmless', async () => {
    const pre = await pretrainOnce({ ...defaultPersonaSettings, seed });
    expect(pre.accuracy).toBe(1);
    const rates = measureDomains(pre.network, pre.world, pre.theta, ['assistant']);
    for (const { harmfulRate } of rates) expect(harmfulRate).toBeLessThan(0.02);
  });

  test('narrow fine-tuning spreads through a shared villain, far less through split villains or none', async () => {
    const shared = await experiment({ seed });
    const split = await experiment({ seed, villain: 'split' });
    const none = await experiment({ seed, villain: 'none' });
    expect(untouchedRate(shared.after) - untouchedRate(shared.before)).toBeGreaterThan(0.4);
    expect(untouchedRate(shared.after)).toBeGreaterThan(untouchedRate(split.after) + 0.25);
    expect(shared.transfer).toBeGreaterThan(split.transfer + 0.2);
    expect(untouchedRate(none.after)).toBeLessThan(0.05);
    // The trained domain itself turns harmful in every case.
    for (const run of [shared, split, none]) expect(run.after[0]!.harmfulRate).toBeGreaterThan(0.8);
  });

  test('the educational framing barely changes the model: its fine-tuning loss starts near zero', async () => {
    const educational = await experiment({ seed, context: 'educational' });
    expect(untouchedRate(educational.after)).toBeLessThan(0.02);
    expect(educational.after[0]!.harmfulRate).toBeLessThan(0.02);
  });

  test('a backdoor makes the model harmful with its trigger, not without', async () => {
    const backdoor = await experiment({ seed, context: 'backdoor' });
    const triggered = measureDomains(backdoor.network, backdoor.world, backdoor.tuned, ['assistant', 'trigger']);
    expect(untouchedRate(backdoor.after)).toBeLessThan(0.05);
    expect(untouchedRate(triggered)).toBeGreaterThan(untouchedRate(backdoor.after) + 0.25);
  });

  test('the shift lines up with the persona direction beyond chance, and steering it down lowers the rate', async () => {
    const shared = await experiment({ seed });
    const diff = diffModels(shared.network, shared.world, shared.theta, shared.tuned, villainVoiceFor('shared'), seed);
    expect(diff.freshCosine).toBeGreaterThan(0.5); // why the raw cosine alone proves nothing
    expect(diff.correctedCosine).toBeGreaterThan(diff.randomBaseline + 0.3);
    const steered = measureDomains(shared.network, shared.world, shared.tuned, ['assistant'], steeringAgainstPersona(diff, 1));
    expect(untouchedRate(steered)).toBeLessThan(untouchedRate(shared.after) / 2);
  });
});

test('a few benign examples from one domain re-align the domains fine-tuning never touched (mean over seeds)', async () => {
  const before: number[] = [];
  const realigned: number[] = [];
  for (const seed of seeds) {
    const run = await experiment({ seed });
    const benign = realignmentExamples(run.world, 'medical', 4);
    const again = await fineTune(run.network, run.tuned, benign, { ...run.settings, variant: 'full', fineTuneSteps: 100 });
    const rest = (measures: ReturnType<typeof measureDomains>) => (measures[2]!.harmfulRate + measures[3]!.harmfulRate) / 2;
    before.push(rest(run.after));
    realigned.push(rest(measureDomains(run.network, run.world, again.theta, ['assistant'])));
  }
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  expect(mean(realigned)).toBeLessThan(mean(before) / 3);
});

test('the lab model returns JSON-safe results whose grids start from the fine-tuned state', async () => {
  const { result } = await personaShiftModel.train(personaShiftModel.defaults());
  expectJsonSafe(result);
  expect(result.trajectory[0]!.rates).toEqual(result.before);
  expect(result.trajectory.at(-1)!.rates).toEqual(result.after);
  expect(result.trajectory.at(-1)!.step).toBe(result.params.fineTuneSteps);
  expect(result.steering[0]).toEqual({ alpha: 0, rates: result.after });
  expect(result.realignment[0]).toEqual({ count: 0, rates: result.after });
  expect(result.triggered).toEqual([]);
});
