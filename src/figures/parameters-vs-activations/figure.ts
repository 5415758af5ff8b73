/**
 * "Parameters vs activations" — the overview's figure. Model 0 (src/lab/mlp.ts) with its trained parameters
 * fixed: the reader moves the input point and watches every neuron's activation change while the weights
 * stay exactly the same, and pins a neuron to see which weights × activations drive it.
 */
import { model0LayerSizes } from '../../lab/mlp.ts';
import { threeRegionsClasses } from '../../lab/three-regions.ts';
import { choiceParam, vectorParam } from '../../lib/url-state.ts';
import { defineFigure } from '../contract.ts';
import data from './data.json' with { type: 'json' };
import type { PvaData } from './data.ts';
import { fixed2, signed2 } from '../shared/format.ts';
import { neuronId, neuronName, pvaView, sumInWords } from './view-model.ts';

const layerCount = model0LayerSizes.length;
const pinOptions = model0LayerSizes.slice(1).flatMap((size, l) =>
  Array.from({ length: size }, (_, i) => ({
    value: neuronId(l + 1, i, layerCount, threeRegionsClasses),
    label: neuronName(l + 1, i, layerCount, threeRegionsClasses),
  })),
);

const params = {
  input: vectorParam({
    label: 'Input',
    description: 'The point (x₁, x₂) fed to the network; each coordinate from −1 to 1.',
    default: [0.3, 0.7],
    min: -1,
    max: 1,
    step: 0.01,
    components: ['x₁', 'x₂'],
  }),
  pin: choiceParam({
    label: 'Pinned neuron',
    description: 'The neuron whose incoming weights × activations are broken down, or none.',
    default: 'h1.2',
    options: [{ value: 'none', label: 'None' }, ...pinOptions],
  }),
};

const layerName = (layer: number) => (layer === 0 ? 'input' : layer === layerCount - 1 ? 'output (softmax)' : `hidden ${layer} (tanh)`);

export default defineFigure({
  id: 'parameters-vs-activations',
  title: 'Parameters vs activations',
  description:
    'A tiny trained network: move the input and watch the activations change while the parameters stay fixed; pin a neuron to see what drives it.',
  params,
  data: data as PvaData,
  embedHeight: 860,
  credit: {
    credit: 'Figure and Model 0 by Grown, not built (src/lab/mlp.ts, trained with the default settings).',
    licence: 'CC BY 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
  },
  describe(values, d) {
    const view = pvaView(values, d);
    const [x1, x2] = view.input.map(fixed2);
    const sizes = view.layerSizes;
    const pinned = view.pinned
      ? ` The pinned neuron ${view.pinned.name} adds up its inputs times their weights, plus its bias: ${sumInWords(view.pinned)}; ${view.pinned.squash === 'tanh' ? `tanh of that is ${fixed2(view.pinned.a)}` : `softmax turns that into the probability ${fixed2(view.pinned.a)}`}.`
      : '';
    return {
      summary:
        `A network with ${sizes[0]} inputs, hidden layers of ${sizes.slice(1, -1).join(' and ')} tanh neurons and ${sizes.at(-1)} outputs, one per region (${view.classes.join(', ')}). ` +
        `Its ${view.parameterCount} parameters, drawn as lines between the neurons, stay fixed; only the activations, drawn as shaded circles with their values, change with the input. ` +
        `The input (${x1}, ${x2}) lies in the ${view.classes[view.truth]} region, and the network answers “${view.classes[view.predicted]}” with probability ${fixed2(view.probability)}.` +
        pinned,
      table: {
        caption: `Every neuron’s weighted sum z and activation for the input (${x1}, ${x2})`,
        columns: ['Neuron', 'Layer', 'Weighted sum z', 'Activation'],
        rows: view.neurons.flat().map((n) => [n.name, layerName(n.layer), n.layer === 0 ? '—' : signed2(n.z), signed2(n.a)]),
      },
    };
  },
});
