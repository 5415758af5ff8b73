import { describe, expect, test } from 'vitest';
import { contributions, forwardModel0, trainModel0, validateModel0Params, type Model0Result } from '../../../src/lab/mlp.ts';
import { threeRegionsLabel } from '../../../src/lab/three-regions.ts';
import { expectJsonSafe } from './helpers.ts';

async function trainSeed(seed: number): Promise<Model0Result> {
  const { params } = validateModel0Params({ seed });
  return (await trainModel0(params)).result;
}

describe('model 0: the three-regions network', () => {
  let trained: Model0Result;

  test('reaches at least 93 % held-out accuracy, reproducibly for a seed', async () => {
    trained = await trainSeed(0);
    expect(trained.accuracy).toBeGreaterThanOrEqual(0.93);
    expect(trained.trainAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(await trainSeed(0)).toStrictEqual(trained);
    expect((await trainSeed(1)).weights).not.toEqual(trained.weights);
  });

  test('other seeds train as well', async () => {
    for (const seed of [1, 2]) expect((await trainSeed(seed)).accuracy).toBeGreaterThanOrEqual(0.93);
  });

  test('has at most 12 neurons and JSON-safe results', () => {
    expect(trained.weights.layerSizes).toEqual([2, 4, 3, 3]);
    expect(trained.weights.layerSizes.reduce((s, x) => s + x, 0)).toBeLessThanOrEqual(12);
    expect(trained.weights.layers.map(({ W, b }) => [W.length, W[0]!.length, b.length])).toEqual([[4, 2, 4], [3, 4, 3], [3, 3, 3]]);
    expect(trained.dataset.points).toHaveLength(trained.dataset.labels.length);
    expectJsonSafe(trained);
  });

  test('forwardModel0 gives every layer, and the output classifies the point', () => {
    const input = [0.8, 0.1];
    const { layers } = forwardModel0(trained.weights, input);
    expect(layers.map((layer) => layer.activations.length)).toEqual([2, 4, 3, 3]);
    expect(layers[0]!.activations).toEqual(input);
    layers[1]!.preActivations.forEach((z, j) => expect(layers[1]!.activations[j]).toBeCloseTo(Math.tanh(z), 5));
    const output = layers[3]!.activations;
    expect(output.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 5);
    expect(output.indexOf(Math.max(...output))).toBe(threeRegionsLabel(0.8, 0.1));
    expectJsonSafe(layers);
  });

  test('contributions of a neuron sum (with its bias) to its pre-activation', () => {
    const input = [-0.3, 0.6];
    const { layers } = forwardModel0(trained.weights, input);
    for (const [layer, neuron] of [[1, 0], [2, 2], [3, 1]] as const) {
      const breakdown = contributions(trained.weights, input, layer, neuron);
      expect(breakdown.terms).toHaveLength(trained.weights.layerSizes[layer - 1]!);
      for (const term of breakdown.terms) expect(term.contribution).toBeCloseTo(term.weight * term.activation, 5);
      expect(breakdown.preActivation).toBeCloseTo(layers[layer]!.preActivations[neuron]!, 4);
    }
    expect(() => contributions(trained.weights, input, 4, 0)).toThrow(RangeError);
    expect(() => contributions(trained.weights, input, 1, 9)).toThrow(RangeError);
  });

  test('validateModel0Params bounds the steps', () => {
    const { params, corrections } = validateModel0Params({ steps: 1e7, seed: -1 });
    expect(params).toMatchObject({ steps: 5000, seed: 0 });
    expect(corrections).toHaveLength(2);
  });
});
