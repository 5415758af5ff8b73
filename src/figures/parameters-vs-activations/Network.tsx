/**
 * The network drawn from the view as a layered graph: fixed parameters as edges (width ∝ |w|, solid
 * positive, dashed negative) and activations as nodes (shade ∝ |a|, colour by sign, value written inside).
 * Pure: the same props give the same SVG on the server and in the browser.
 */
import type { Model0Weights } from '../../lab/mlp.ts';
import { fixed2, signed2 } from '../shared/format.ts';
import { LayeredGraph } from '../shared/LayeredGraph.tsx';
import type { GraphEdge, GraphLayer, GraphNode } from '../shared/layered-graph.ts';
import type { PvaView } from './view-model.ts';

const layerTitles = (count: number): GraphLayer[] =>
  Array.from({ length: count }, (_, l) => (l === 0 ? { title: 'input' } : l === count - 1 ? { title: 'output', subtitle: 'softmax' } : { title: `hidden ${l}`, subtitle: 'tanh' }));

export function networkNodes(view: PvaView): GraphNode[] {
  const last = view.layerSizes.length - 1;
  return view.neurons.flat().map((neuron) => ({
    id: neuron.id,
    layer: neuron.layer,
    index: neuron.index,
    name: neuron.layer === last ? view.classes[neuron.index]! : neuron.name,
    value: neuron.layer === last ? fixed2(neuron.a) : signed2(neuron.a),
    strength: neuron.a,
    selectable: neuron.layer > 0,
  }));
}

/** One edge per weight, from neuron i of a layer to neuron j of the next (W is stored by row j). */
export function networkEdges(view: PvaView, weights: Model0Weights): GraphEdge[] {
  return weights.layers.flatMap(({ W }, l) => W.flatMap((row, j) => row.map((weight, i) => ({ from: view.neurons[l]![i]!.id, to: view.neurons[l + 1]![j]!.id, weight }))));
}

export function Network({ view, weights, onPin }: { view: PvaView; weights: Model0Weights; onPin?: (id: string) => void }) {
  const pinned = view.pinned ? view.neurons[view.pinned.layer]![view.pinned.neuron]!.id : undefined;
  return (
    <LayeredGraph
      layers={layerTitles(view.layerSizes.length)}
      nodes={networkNodes(view)}
      edges={networkEdges(view, weights)}
      label={`The network: ${view.parameterCount} fixed parameters drawn as lines, and each neuron’s activation for the input (${fixed2(view.input[0])}, ${fixed2(view.input[1])}).`}
      pinned={pinned}
      onSelect={onPin && ((id) => onPin(id === pinned ? 'none' : id))}
    />
  );
}
