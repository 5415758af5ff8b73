/**
 * Model 0 — a network small enough to draw every neuron, for "parameters vs activations":
 * 2 inputs → 4 tanh → 3 tanh → 3 softmax outputs (12 neurons, 39 parameters), trained with Adam on
 * the three-regions task (three-regions.ts). Equations of the network are in mlp-network.ts.
 * Parameters are what training fixed (W, b); activations are what one input produces as it flows through.
 */

import { defineLabModel, type LabTrainOptions, type Trained } from './core/define-model.ts';
import type { Objective } from './core/objective.ts';
import { trainObjective } from './core/train.ts';
import { round, toPlainArray, toPlainMatrix } from './json.ts';
import { fillNormal } from './matrix.ts';
import { biasBlock, createMlp, weightBlock } from './mlp-network.ts';
import { validateParams, type ParamValues, type Validated } from './params.ts';
import { createRandom, deriveSeed } from './random.ts';
import type { LossCurve } from './runner.ts';
import { sampleThreeRegions, threeRegionsClasses, threeRegionsDescription, type LabelledPoints } from './three-regions.ts';

export const model0LayerSizes = [2, 4, 3, 3] as const;

export const model0ParamSpec = [
  { name: 'steps', kind: 'number', default: 1500, min: 1, max: 5000, integer: true, description: 'full-batch Adam steps' },
  { name: 'learningRate', kind: 'number', default: 0.05, min: 1e-4, max: 0.5, integer: false, description: 'Adam learning rate' },
  { name: 'seed', kind: 'number', default: 0, min: 0, max: 2 ** 31 - 1, integer: true, description: 'seed for data and initial weights' },
] as const;

export type Model0Params = ParamValues<typeof model0ParamSpec>;

export function validateModel0Params(raw: Record<string, unknown>): Validated<Model0Params> {
  return validateParams(model0ParamSpec, raw);
}

/** Plain, JSON-safe weights: layers[l − 1] maps layer l − 1 to layer l; W[j][i] is the weight from neuron i into neuron j. */
export interface Model0Weights {
  layerSizes: number[];
  layers: { W: number[][]; b: number[] }[];
}

export interface Model0Result {
  params: Model0Params;
  weights: Model0Weights;
  dataset: {
    description: string;
    classes: string[];
    /** The training points and their labels (index into classes). */
    points: number[][];
    labels: number[];
  };
  /** Accuracy on a fresh held-out sample of the task, and on the training points. */
  accuracy: number;
  trainAccuracy: number;
  finalLoss: number;
  lossCurve: LossCurve;
}

const trainCount = 300;
const testCount = 2000;
const network = createMlp(model0LayerSizes);

function toWeights(theta: Float64Array): Model0Weights {
  return {
    layerSizes: [...model0LayerSizes],
    layers: model0LayerSizes.slice(1).map((outputs, index) => ({
      W: toPlainMatrix(network.layout.slice(theta, weightBlock(index + 1)), outputs, model0LayerSizes[index]!),
      b: toPlainArray(network.layout.slice(theta, biasBlock(index + 1))),
    })),
  };
}

function toTheta(weights: Model0Weights): Float64Array {
  return Float64Array.from(weights.layers.flatMap(({ W, b }) => [...W.flat(), ...b]));
}

function accuracyOf(theta: Float64Array, data: LabelledPoints): number {
  let correct = 0;
  for (let s = 0; s < data.count; s++) {
    const output = network.forward(theta, data.X, 2 * s).at(-1)!;
    const predicted = output.indexOf(Math.max(...output));
    if (predicted === data.labels[s]) correct++;
  }
  return correct / data.count;
}

/** Full-batch cross-entropy on fixed training points; weights W_l ~ N(0, 1/fan-in), biases 0. */
function createModel0Objective(train: LabelledPoints): Objective<undefined> {
  return {
    layout: network.layout,
    init(theta, random) {
      for (let l = 1; l < model0LayerSizes.length; l++) fillNormal(network.layout.slice(theta, weightBlock(l)), random, 1 / Math.sqrt(model0LayerSizes[l - 1]!));
    },
    createBatch: () => undefined,
    sample() {},
    lossAndGradient: (theta, _batch, grad) => network.lossAndGradient(theta, train.X, train.labels, train.count, grad),
  };
}

/** Progress reports carry the current weights and biases of every layer. */
export type Model0Metrics = { weights: { W: number[][]; b: number[] }[] };

export async function trainModel0(params: Model0Params, options: LabTrainOptions<Model0Metrics> = {}): Promise<Trained<Model0Result>> {
  const train = sampleThreeRegions(trainCount, createRandom(deriveSeed(params.seed, 1)));
  const { theta, lossCurve } = await trainObjective({
    name: 'mlp',
    objective: createModel0Objective(train),
    steps: params.steps,
    seed: deriveSeed(params.seed, 0),
    optimiser: { kind: 'adam', learningRate: params.learningRate },
    initial: options.initial,
    trainable: options.trainable,
    metrics: (current) => ({ weights: toWeights(current).layers.map(({ W, b }) => ({ W, b })) }),
  }, options);

  const test = sampleThreeRegions(testCount, createRandom(deriveSeed(params.seed, 2)));
  const grad = new Float64Array(theta.length); // the final loss is computed by the same function, its gradient discarded
  const result: Model0Result = {
    params,
    weights: toWeights(theta),
    dataset: {
      description: threeRegionsDescription,
      classes: [...threeRegionsClasses],
      points: toPlainMatrix(train.X, train.count, 2, 4),
      labels: Array.from(train.labels),
    },
    accuracy: round(accuracyOf(theta, test), 4),
    trainAccuracy: round(accuracyOf(theta, train), 4),
    finalLoss: round(network.lossAndGradient(theta, train.X, train.labels, train.count, grad)),
    lossCurve,
  };
  return { result, theta };
}

export const mlpModel = /* @__PURE__ */ defineLabModel({
  name: 'mlp',
  description: 'model 0: a 2→4→3→3 network classifying points of the plane into three regions',
  paramSpec: model0ParamSpec,
  validate: validateModel0Params,
  layout: () => network.layout,
  train: trainModel0,
  summary: (result) => [
    result.dataset.description,
    `layers ${result.weights.layerSizes.join(' → ')}, ${result.params.steps} steps`,
    `held-out accuracy ${(100 * result.accuracy).toFixed(1)} %, training accuracy ${(100 * result.trainAccuracy).toFixed(1)} %, loss ${result.finalLoss}`,
  ],
});

export interface LayerValues {
  /** z = W a_prev + b (for the input layer, the input itself). */
  preActivations: number[];
  /** a = tanh(z) for hidden layers, softmax(z) for the output layer. */
  activations: number[];
}

/** Every layer's pre-activations and activations for one input; layers[0] is the input layer. */
export function forwardModel0(weights: Model0Weights, input: readonly number[]): { layers: LayerValues[] } {
  network.forward(toTheta(weights), Float64Array.from(input), 0);
  return {
    layers: model0LayerSizes.map((_, l) => ({
      preActivations: toPlainArray(network.pre[l]!),
      activations: toPlainArray(network.act[l]!),
    })),
  };
}

export interface NeuronContributions {
  layer: number;
  neuron: number;
  /** One term per incoming neuron i: weight W[neuron][i] × that neuron's activation. */
  terms: { from: number; weight: number; activation: number; contribution: number }[];
  bias: number;
  /** Σ terms + bias: the neuron's pre-activation. */
  preActivation: number;
}

/** What drives `neuron` of `layer` (1 … 3) for `input`: each incoming weight × incoming activation. */
export function contributions(weights: Model0Weights, input: readonly number[], layer: number, neuron: number): NeuronContributions {
  const incoming = weights.layers[layer - 1];
  const row = incoming?.W[neuron];
  if (!incoming || !row) throw new RangeError(`model 0 has no neuron ${neuron} in layer ${layer}`);
  const previous = forwardModel0(weights, input).layers[layer - 1]!.activations;
  const terms = row.map((weight, from) => {
    const activation = previous[from]!;
    return { from, weight, activation, contribution: round(weight * activation) };
  });
  const bias = incoming.b[neuron]!;
  return { layer, neuron, terms, bias, preActivation: round(terms.reduce((sum, term) => sum + term.contribution, bias)) };
}
