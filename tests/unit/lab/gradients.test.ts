// Every hand-written backward pass against central finite differences.
import { describe, test } from 'vitest';
import { createAtlasNetwork, toBatch } from '../../../src/lab/atlas/network.ts';
import { createTranscoder } from '../../../src/lab/atlas/transcoder.ts';
import { createAtlas } from '../../../src/lab/atlas/world.ts';
import { fillNormal } from '../../../src/lab/matrix.ts';
import { createMlp } from '../../../src/lab/mlp-network.ts';
import { createRandom } from '../../../src/lab/random.ts';
import { createSaeLoss } from '../../../src/lab/sae-objective.ts';
import { createSparseCombinationSource, randomUnitDirections } from '../../../src/lab/sparse-data.ts';
import { createSuperpositionLoss, importanceWeights, sampleSparseFeatures } from '../../../src/lab/superposition.ts';
import { sampleThreeRegions } from '../../../src/lab/three-regions.ts';
import { expectGradientMatchesFiniteDifferences } from './support/finite-differences.ts';

describe('superposition gradient', () => {
  for (const relu of [true, false]) {
    test(relu ? 'ReLU model' : 'linear model', () => {
      const n = 6;
      const m = 3;
      const random = createRandom(1);
      const objective = createSuperpositionLoss(n, m, importanceWeights(n, 0.8), relu);
      const X = new Float64Array(32 * n);
      sampleSparseFeatures(X, 32, n, 0.6, random);
      const theta = fillNormal(new Float64Array(m * n + n), random, 0.7);
      const grad = new Float64Array(theta.length);
      objective(theta, X, 32, grad);
      const scratch = new Float64Array(theta.length);
      expectGradientMatchesFiniteDifferences(theta, (t) => objective(t, X, 32, scratch), grad);
    });
  }
});

describe('sparse autoencoder gradient', () => {
  for (const [name, topK, l1Coefficient] of [['ReLU + L1', 0, 0.3], ['TopK', 3, 0]] as const) {
    test(name, () => {
      const d = 5;
      const width = 8;
      const random = createRandom(2);
      const source = createSparseCombinationSource(randomUnitDirections(10, d, random), d, 0.3);
      const X = new Float64Array(16 * d);
      source.sample(X, 16, random);
      const objective = createSaeLoss({ d, width, topK, l1Coefficient });
      const theta = fillNormal(new Float64Array(objective.layout.size), random, 0.5);
      const grad = new Float64Array(theta.length);
      objective.lossAndGradient(theta, X, 16, grad);
      const scratch = new Float64Array(theta.length);
      expectGradientMatchesFiniteDifferences(theta, (t) => objective.lossAndGradient(t, X, 16, scratch), grad);
    });
  }
});

test('MLP (tanh hidden layers, softmax cross-entropy) gradient', () => {
  const network = createMlp([2, 4, 3, 3]);
  const random = createRandom(3);
  const data = sampleThreeRegions(20, random);
  const theta = fillNormal(new Float64Array(network.layout.size), random, 0.8);
  const grad = new Float64Array(theta.length);
  network.lossAndGradient(theta, data.X, data.labels, data.count, grad);
  const scratch = new Float64Array(theta.length);
  expectGradientMatchesFiniteDifferences(theta, (t) => network.lossAndGradient(t, data.X, data.labels, data.count, scratch), grad);
});

test('atlas network (embeddings, two ReLU layers, softmax cross-entropy) gradient', () => {
  const atlas = createAtlas({ states: 3, citiesPerState: 2, regions: 2, heldOutPerState: 1 });
  const network = createAtlasNetwork(atlas, { embedding: 4, hidden: 5 }, atlas.training.length);
  const batch = toBatch(atlas.training);
  const theta = fillNormal(new Float64Array(network.layout.size), createRandom(4), 0.8);
  const grad = new Float64Array(theta.length);
  network.lossAndGradient(theta, batch, grad);
  const scratch = new Float64Array(theta.length);
  expectGradientMatchesFiniteDifferences(theta, (t) => network.lossAndGradient(t, batch, scratch), grad);
});

test('TopK transcoder gradient (the active latents held fixed)', () => {
  const shape = { inputs: 4, outputs: 5, width: 8, k: 3 };
  const transcoder = createTranscoder(shape);
  const random = createRandom(5);
  const rows = 12;
  const X = fillNormal(new Float64Array(rows * shape.inputs), random, 1);
  const Y = fillNormal(new Float64Array(rows * shape.outputs), random, 1);
  const theta = fillNormal(new Float64Array(transcoder.layout.size), random, 0.6);
  const grad = new Float64Array(theta.length);
  transcoder.lossAndGradient(theta, X, Y, rows, grad);
  const scratch = new Float64Array(theta.length);
  expectGradientMatchesFiniteDifferences(theta, (t) => transcoder.lossAndGradient(t, X, Y, rows, scratch.fill(0)), grad);
});
