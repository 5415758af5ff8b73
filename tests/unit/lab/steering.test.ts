// The steering toy: language model quality, the SAE, the two ways of choosing a latent, and what clamping does,
// over several seeds with margins the lab measured (thin comparisons only on means over seeds).
import { beforeAll, describe, expect, test } from 'vitest';
import { topicOfToken, vocabulary } from '../../../src/lab/steering/grammar.ts';
import { addDirection } from '../../../src/lab/core/interventions.ts';
import { clampLatent } from '../../../src/lab/steering/steer.ts';
import { steeringModel } from '../../../src/lab/steering/model.ts';
import { expectJsonSafe } from './helpers.ts';
import { defaultSteeringSettings, steeringSweep, trainSteeringSetup, type SteeringSetup } from '../../../src/lab/steering/pipeline.ts';

const seeds = [0, 1, 2];
const setups = new Map<number, SteeringSetup>();
const sweeps = new Map<number, ReturnType<typeof steeringSweep>>();

beforeAll(async () => {
  for (const seed of seeds) {
    const setup = await trainSteeringSetup({ ...defaultSteeringSettings, seed });
    setups.set(seed, setup);
    sweeps.set(seed, steeringSweep(setup, 100, seed));
  }
}, 240_000);

const at = (points: { alpha: number; bridgeShare: number; legality: number }[], alpha: number) => points.find((point) => point.alpha === alpha)!;

describe.each(seeds)('seed %i', (seed) => {
  test('the language model is far below the unigram loss and close to the grammar\'s own entropy', () => {
    const setup = setups.get(seed)!;
    expect(setup.heldOutLoss).toBeLessThan(setup.unigramLoss / 2);
    expect(setup.heldOutLoss).toBeLessThan(setup.grammarEntropy + 0.15);
  });

  test('unsteered samples are at least 98 % legal word pairs', () => {
    expect(at(sweeps.get(seed)!.sweep.does, 0).legality).toBeGreaterThanOrEqual(0.98);
  });

  test('the SAE reconstructs the hidden layer with a few active latents', () => {
    const { sae, recording } = setups.get(seed)!;
    const evaluation = sae.loss.evaluate(sae.theta, recording.values, recording.rows);
    expect(evaluation.fractionOfVarianceUnexplained).toBeLessThan(0.1);
    expect(evaluation.l0).toBeLessThanOrEqual(defaultSteeringSettings.saeK);
  });

  test('the latent chosen by its output effect boosts bridge words most', () => {
    const { model, theta, sae, chosen } = setups.get(seed)!;
    const d = model.shape.hidden;
    const W2 = model.layout.slice(theta, 'W2');
    const decoder = sae.loss.layout.slice(sae.theta, 'W_dec');
    const effects = vocabulary.map((_, word) => {
      let effect = 0;
      for (let j = 0; j < d; j++) effect += W2[word * d + j]! * decoder[chosen.does.latent * d + j]!;
      return { word, effect };
    }).sort((a, b) => b.effect - a.effect);
    for (const { word } of effects.slice(0, 3)) expect(topicOfToken[word]).toBe('bridges');
  });

  test('the latent chosen by where it fires separates bridge sentences, but much less so token by token', () => {
    const { fires } = setups.get(seed)!.chosen;
    expect(fires.sentenceAuroc).toBeGreaterThan(0.9);
    expect(fires.tokenAuroc).toBeLessThan(fires.sentenceAuroc);
  });

  test('clamping the output-chosen latent triples the bridge share while the text stays legal; more α, more share, less legality', () => {
    const points = sweeps.get(seed)!.sweep.does;
    expect(at(points, 0.5).bridgeShare).toBeGreaterThanOrEqual(3 * at(points, 0).bridgeShare);
    expect(at(points, 0.5).legality).toBeGreaterThan(0.9);
    expect(at(points, 2).bridgeShare).toBeGreaterThan(at(points, 0.5).bridgeShare);
    expect(at(points, 2).legality).toBeLessThan(at(points, 0.5).legality);
  });

  test('random directions of the same norm do not raise the bridge share while the text is readable', () => {
    const points = sweeps.get(seed)!.sweep.randomDirection;
    for (const alpha of [0.25, 0.5]) expect(at(points, alpha).bridgeShare).toBeLessThan(at(points, 0).bridgeShare + 0.1);
  });

  test('clamping a latent with the error term kept is exactly adding a multiple of its decoder direction', () => {
    const { sae, recording, chosen } = setups.get(seed)!;
    const d = recording.width;
    const h = recording.values.slice(0, d);
    const code = sae.loss.encodeSample(sae.theta, h);
    const index = code.latents.indexOf(chosen.does.latent);
    const current = index < 0 ? 0 : code.activations[index]!;
    const target = 2 * chosen.does.maxActivation;
    const clamped = h.slice();
    clampLatent(sae, chosen.does.latent, target)(clamped);
    const added = h.slice();
    addDirection(sae.loss.layout.slice(sae.theta, 'W_dec').subarray(chosen.does.latent * d, (chosen.does.latent + 1) * d), target - current)(added);
    expect(Array.from(clamped)).toEqual(Array.from(added));
  });
});

test('on average over seeds, the output-chosen latent steers more than a random latent, and the prompt is a strong baseline', () => {
  const mean = (pick: (seed: number) => number) => seeds.reduce((sum, seed) => sum + pick(seed), 0) / seeds.length;
  const does = mean((seed) => at(sweeps.get(seed)!.sweep.does, 0.5).bridgeShare);
  const randomLatent = mean((seed) => at(sweeps.get(seed)!.sweep.randomLatent, 0.5).bridgeShare);
  const prompt = mean((seed) => sweeps.get(seed)!.prompt.bridgeShare);
  expect(does).toBeGreaterThan(randomLatent + 0.2);
  expect(prompt).toBeGreaterThan(0.8);
});

test('the lab model returns JSON-safe results with samples at every α of the grid', async () => {
  const { result } = await steeringModel.train(steeringModel.defaults());
  expectJsonSafe(result);
  for (const comparison of ['does', 'fires', 'randomLatent', 'randomDirection'] as const) {
    expect(result.samples[comparison]).toHaveLength(result.alphas.length);
    expect(result.sweep[comparison].map((point) => point.alpha)).toEqual(result.alphas);
  }
  expect(result.chosen.does.topBoosted[0]!.word).toMatch(/bridge|river|tower|cable/);
});
