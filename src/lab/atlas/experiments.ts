/**
 * Experiments on the trained atlas network: accuracy (trained relations, held-out two-step questions), a linear
 * probe for "which state" at each site, and activation patching between a clean and a corrupted question:
 * whole layers, the state subspace of a layer (spanned by the probe's state directions), the rest of the layer,
 * and two more experiments (the direct question "capital of state B" patched into the two-step one; a city of
 * the same state, which should change nothing). Metric: the logit difference between the clean and corrupted
 * answers, reported as the share of the clean-minus-corrupted difference restored.
 */

import { createSiteHooks, type ActivationCache, type SiteHookOptions } from '../core/interventions.ts';
import { trainObjective } from '../core/train.ts';
import { defineLayout } from '../core/layout.ts';
import { createLinear } from '../layers/linear.ts';
import { createSoftmaxCrossEntropy } from '../layers/softmax-cross-entropy.ts';
import { deriveSeed } from '../random.ts';
import { atlasObjective, createAtlasNetwork, toBatch, type AtlasNetwork } from './network.ts';
import { createAtlas, type Atlas, type Question, type Relation } from './world.ts';

export interface AtlasSettings {
  seed: number;
  steps: number;
  learningRate: number;
  weightDecay: number;
  embedding: number;
  hidden: number;
}

export const defaultAtlasSettings: AtlasSettings = { seed: 0, steps: 800, learningRate: 0.02, weightDecay: 0.1, embedding: 16, hidden: 32 };

export async function trainAtlas(settings: AtlasSettings) {
  const atlas = createAtlas(undefined, settings.seed);
  const network = createAtlasNetwork(atlas, settings, 256);
  const run = await trainObjective({
    name: 'atlas',
    objective: atlasObjective(network, atlas.training),
    steps: settings.steps,
    seed: deriveSeed(settings.seed, 0),
    optimiser: { kind: 'adam', learningRate: settings.learningRate, weightDecay: settings.weightDecay },
    metrics: () => ({}),
  });
  return { atlas, network, theta: run.theta, lossCurve: run.lossCurve };
}

/** Runs questions through the network, recording every site; returns logits and the cache. */
export function runQuestions(network: AtlasNetwork, theta: Float64Array, questions: readonly Question[], edits: SiteHookOptions['edits'] = {}) {
  const hooks = createSiteHooks({ record: true, edits });
  const logits = network.logits(theta, toBatch(questions), hooks).slice(0, questions.length * network.atlas.entityCount);
  return { logits, cache: hooks.cache as ActivationCache };
}

export function accuracy(network: AtlasNetwork, theta: Float64Array, questions: readonly Question[]): number {
  const { logits } = runQuestions(network, theta, questions);
  const entities = network.atlas.entityCount;
  let correct = 0;
  questions.forEach((question, row) => {
    let best = 0;
    for (let j = 1; j < entities; j++) if (logits[row * entities + j]! > logits[row * entities + best]!) best = j;
    if (best === question.answer) correct++;
  });
  return correct / questions.length;
}

const twoStep = (atlas: Atlas, relation: Relation, cities: readonly number[]) => cities.map((city) => atlas.ask(relation, city));

/**
 * A linear probe (softmax regression, AdamW) for a city's state from `features` rows; trained on the training
 * cities' rows, scored on the held-out cities' rows.
 */
async function probeAccuracy(features: Float64Array, width: number, states: number[], train: number[], test: number[], seed: number) {
  const layout = defineLayout({ W: [Math.max(...states) + 1, width], b: [Math.max(...states) + 1] });
  const classes = Math.max(...states) + 1;
  const linear = createLinear(width, classes, features.length / width);
  const loss = createSoftmaxCrossEntropy(classes, features.length / width);
  const rowsOf = (indices: number[]) => {
    const X = new Float64Array(indices.length * width);
    indices.forEach((row, i) => X.set(features.subarray(row * width, (row + 1) * width), i * width));
    return { X, y: Int32Array.from(indices, (row) => states[row]!) };
  };
  const trainSet = rowsOf(train);
  const { theta } = await trainObjective({
    name: 'state probe',
    objective: {
      layout,
      init() {},
      createBatch: () => trainSet,
      sample() {},
      lossAndGradient(parameters, batch, grad) {
        const value = loss.forward(linear.forward(layout.slice(parameters, 'W'), layout.slice(parameters, 'b'), batch.X, train.length), batch.y, train.length);
        linear.backward(layout.slice(parameters, 'W'), loss.backward(), layout.slice(grad, 'W'), layout.slice(grad, 'b'));
        return value;
      },
    },
    steps: 300,
    seed,
    optimiser: { kind: 'adam', learningRate: 0.05, weightDecay: 0.01 },
    metrics: () => ({}),
  });
  const testSet = rowsOf(test);
  const z = linear.forward(layout.slice(theta, 'W'), layout.slice(theta, 'b'), testSet.X, test.length);
  let correct = 0;
  for (let r = 0; r < test.length; r++) {
    let best = 0;
    for (let j = 1; j < classes; j++) if (z[r * classes + j]! > z[r * classes + best]!) best = j;
    if (best === testSet.y[r]) correct++;
  }
  return { accuracy: correct / test.length, W: layout.slice(theta, 'W').slice(), classes };
}

export type ProbeSite = 'input' | 'embed' | 'hidden1' | 'hidden2';

/** Held-out accuracy of a linear state probe at each site, reading the two-step capital question of each city. */
export async function stateProbes(network: AtlasNetwork, theta: Float64Array, seed: number) {
  const { atlas, shape } = network;
  const cities = Array.from({ length: atlas.cityCount }, (_, city) => city);
  const { cache } = runQuestions(network, theta, twoStep(atlas, 'capital-of-city', cities));
  const states = cities.map(atlas.stateOfCity);
  const train = cities.filter((city) => !atlas.isHeldOut(city));
  const test = cities.filter(atlas.isHeldOut);
  const oneHot = new Float64Array(cities.length * atlas.cityCount);
  cities.forEach((city) => (oneHot[city * atlas.cityCount + city] = 1));
  const sites: [ProbeSite, Float64Array, number][] = [
    ['input', oneHot, atlas.cityCount],
    ['embed', cache.get('embed')!, shape.embedding],
    ['hidden1', cache.get('hidden1')!, shape.hidden],
    ['hidden2', cache.get('hidden2')!, shape.hidden],
  ];
  const results: { site: ProbeSite; accuracy: number; directions: Float64Array; classes: number }[] = [];
  for (const [site, features, width] of sites) {
    const probe = await probeAccuracy(features, width, states, train, test, deriveSeed(seed, 80));
    results.push({ site, accuracy: probe.accuracy, directions: probe.W, classes: probe.classes });
  }
  return { probes: results, chance: 1 / atlas.shape.states };
}

/** Orthonormal basis (Gram–Schmidt) of the span of the probe's class directions with their mean removed. */
export function stateSubspace(directions: Float64Array, classes: number, width: number): Float64Array[] {
  const mean = new Float64Array(width);
  for (let c = 0; c < classes; c++) for (let j = 0; j < width; j++) mean[j]! += directions[c * width + j]! / classes;
  const basis: Float64Array[] = [];
  for (let c = 0; c < classes; c++) {
    const v = Float64Array.from({ length: width }, (_, j) => directions[c * width + j]! - mean[j]!);
    for (const b of basis) {
      const projection = v.reduce((sum, value, j) => sum + value * b[j]!, 0);
      for (let j = 0; j < width; j++) v[j]! -= projection * b[j]!;
    }
    const norm = Math.hypot(...v);
    if (norm > 1e-8) basis.push(v.map((value) => value / norm));
  }
  return basis;
}

/** values ← values + P (source − values), P the projector onto `basis` (or onto its complement). */
export function patchSubspace(source: Float64Array, basis: readonly Float64Array[], complement = false) {
  return (values: Float64Array) => {
    const width = basis[0]!.length;
    for (let offset = 0; offset < values.length; offset += width) {
      const delta = Float64Array.from({ length: width }, (_, j) => source[offset + j]! - values[offset + j]!);
      const projected = new Float64Array(width);
      for (const b of basis) {
        const coefficient = delta.reduce((sum, value, j) => sum + value * b[j]!, 0);
        for (let j = 0; j < width; j++) projected[j]! += coefficient * b[j]!;
      }
      for (let j = 0; j < width; j++) values[offset + j]! += complement ? delta[j]! - projected[j]! : projected[j]!;
    }
  };
}
