/**
 * Everything the figure shows for one state, computed by the lab from the fixed parameters: every layer's
 * activations, the prediction, the true region of the input and what drives the pinned neuron. The render
 * functions, the text alternative and the announcements all read this one object.
 */
import { contributions, forwardModel0, type LayerValues, type NeuronContributions } from '../../lab/mlp.ts';
import { threeRegionsLabel } from '../../lab/three-regions.ts';
import { fixed2 } from '../shared/format.ts';
import type { PvaData } from './data.ts';

/** Stable neuron ids, used in the URL (`pin=h1.2`) and on screen. Layer 0 is the input. */
export function neuronId(layer: number, index: number, layerCount: number, classes: readonly string[]): string {
  if (layer === 0) return `x${index + 1}`;
  if (layer === layerCount - 1) return `out.${classes[index] ?? index + 1}`;
  return `h${layer}.${index + 1}`;
}

/** What a reader sees as the neuron's name. */
export function neuronName(layer: number, index: number, layerCount: number, classes: readonly string[]): string {
  if (layer === 0) return ['x₁', 'x₂', 'x₃'][index] ?? `x${index + 1}`;
  if (layer === layerCount - 1) return `output “${classes[index] ?? index + 1}”`;
  return `h${layer}.${index + 1}`;
}

export interface Neuron {
  id: string;
  name: string;
  layer: number;
  index: number;
  /** Weighted sum z (for inputs, the input value). */
  z: number;
  a: number;
}

export interface PinnedView extends NeuronContributions {
  name: string;
  a: number;
  /** Names of the incoming neurons, by `from`. */
  fromNames: string[];
  /** Activation function applied to z, in words. */
  squash: 'tanh' | 'softmax';
}

export interface PvaView {
  input: [number, number];
  layerSizes: number[];
  neurons: Neuron[][];
  classes: string[];
  /** Index of the class the network answers, and its probability. */
  predicted: number;
  probability: number;
  /** Index of the region the input truly lies in. */
  truth: number;
  pinned: PinnedView | undefined;
  parameterCount: number;
}

export function parseNeuronId(id: string, view: Pick<PvaView, 'neurons'>): Neuron | undefined {
  return view.neurons.flat().find((n) => n.id === id);
}

export function pvaView(values: { input: number[]; pin: string }, data: PvaData): PvaView {
  const input: [number, number] = [values.input[0] ?? 0, values.input[1] ?? 0];
  const { weights, classes } = data;
  const layerSizes = weights.layerSizes;
  const forward = forwardModel0(weights, input);
  const neurons = forward.layers.map((layer: LayerValues, l) =>
    layer.activations.map((a, i) => ({
      id: neuronId(l, i, layerSizes.length, classes),
      name: neuronName(l, i, layerSizes.length, classes),
      layer: l,
      index: i,
      z: layer.preActivations[i]!,
      a,
    })),
  );
  const output = forward.layers.at(-1)!.activations;
  const probability = Math.max(...output);
  const pinnedNeuron = parseNeuronId(values.pin, { neurons });
  let pinned: PinnedView | undefined;
  if (pinnedNeuron && pinnedNeuron.layer > 0) {
    const c = contributions(weights, input, pinnedNeuron.layer, pinnedNeuron.index);
    pinned = {
      ...c,
      name: pinnedNeuron.name,
      a: pinnedNeuron.a,
      fromNames: neurons[pinnedNeuron.layer - 1]!.map((n) => n.name),
      squash: pinnedNeuron.layer === layerSizes.length - 1 ? 'softmax' : 'tanh',
    };
  }
  return {
    input,
    layerSizes,
    neurons,
    classes,
    predicted: output.indexOf(probability),
    probability,
    truth: threeRegionsLabel(input[0], input[1]),
    pinned,
    parameterCount: weights.layers.reduce((sum, { W, b }) => sum + W.length * (W[0]?.length ?? 0) + b.length, 0),
  };
}

/** The pinned neuron's sum written out: "3.57 × 0.30 + 0.17 × 0.70 + 1.01 = 2.20". */
export function sumInWords(p: PinnedView): string {
  const terms = p.terms.map((t) => `${fixed2(t.weight)} × ${fixed2(t.activation)}`).join(' + ');
  return `${terms} + ${fixed2(p.bias)} = ${fixed2(p.preActivation)}`;
}
