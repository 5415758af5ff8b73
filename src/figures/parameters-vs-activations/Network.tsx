/**
 * The network drawn from the view: fixed parameters as lines (width ∝ |w|, solid positive, dashed
 * negative) and activations as circles (shade ∝ |a|, colour by sign, value written inside).
 * Pure: the same props give the same SVG on the server and in the browser.
 */
import { scaleLinear, scalePoint } from 'd3-scale';
import { max } from 'd3-array';
import type { Model0Weights } from '../../lab/mlp.ts';
import { fixed2, signed, type Neuron, type PvaView } from './view-model.ts';

export const networkViewBox = { width: 440, height: 320 };
const radius = 22;
const top = 70;
const bottom = networkViewBox.height - 26;

function columnX(layerCount: number) {
  return scalePoint<number>().domain(Array.from({ length: layerCount }, (_, l) => l)).range([30, 336]);
}

function rowY(size: number) {
  const spacing = Math.min(72, (bottom - top) / Math.max(1, size - 1));
  const middle = (top + bottom) / 2;
  return (index: number) => middle + (index - (size - 1) / 2) * spacing;
}

export function neuronPosition(view: Pick<PvaView, 'layerSizes'>, layer: number, index: number): [number, number] {
  const x = columnX(view.layerSizes.length)(layer) ?? 0;
  return [x, rowY(view.layerSizes[layer] ?? 1)(index)];
}

const layerTitles = (count: number) => Array.from({ length: count }, (_, l) => (l === 0 ? ['input', ''] : l === count - 1 ? ['output', 'softmax'] : [`hidden ${l}`, 'tanh']));

function NeuronMark({ neuron, view, pinned, onPin }: { neuron: Neuron; view: PvaView; pinned: boolean; onPin?: (id: string) => void }) {
  const [x, y] = neuronPosition(view, neuron.layer, neuron.index);
  const isOutput = neuron.layer === view.layerSizes.length - 1;
  const strength = Math.min(1, Math.abs(neuron.a));
  const sign = neuron.a >= 0 ? 'pos' : 'neg';
  const label = isOutput ? fixed2(neuron.a) : signed(neuron.a);
  return (
    <g
      class={`pva-neuron pva-neuron--${sign}${pinned ? ' is-pinned' : ''}${strength > 0.55 ? ' is-strong' : ''}`}
      data-neuron={neuron.id}
      onClick={onPin && neuron.layer > 0 ? () => onPin(pinned ? 'none' : neuron.id) : undefined}
    >
      <circle class="pva-neuron__halo" cx={x} cy={y} r={radius + 4} />
      <circle class="pva-neuron__body" cx={x} cy={y} r={radius} />
      <circle class="pva-neuron__fill" cx={x} cy={y} r={radius} fill-opacity={(0.9 * strength).toFixed(3)} data-animate />
      <text class="pva-neuron__value" x={x} y={y} dy="0.35em" text-anchor="middle">
        {label}
      </text>
      <text class="pva-neuron__name" x={isOutput ? x + radius + 6 : x} y={isOutput ? y : y - radius - 6} dy={isOutput ? '0.35em' : undefined} text-anchor={isOutput ? 'start' : 'middle'}>
        {isOutput ? view.classes[neuron.index] : neuron.name}
      </text>
    </g>
  );
}

export function Network({ view, weights, onPin }: { view: PvaView; weights: Model0Weights; onPin?: (id: string) => void }) {
  const largest = max(weights.layers.flatMap(({ W }) => W.flat().map(Math.abs))) ?? 1;
  const width = scaleLinear().domain([0, largest]).range([0.6, 5]);
  const pinned = view.pinned;
  const titles = layerTitles(view.layerSizes.length);
  return (
    <svg
      class="pva-network"
      viewBox={`0 0 ${networkViewBox.width} ${networkViewBox.height}`}
      role="img"
      aria-label={`The network: ${view.parameterCount} fixed parameters drawn as lines, and each neuron’s activation for the input (${fixed2(view.input[0])}, ${fixed2(view.input[1])}).`}
    >
      <g class="pva-titles" aria-hidden="true">
        {titles.map(([title, squash], l) => {
          const x = neuronPosition(view, l, 0)[0];
          return (
            <text key={l} x={x} y={14} text-anchor="middle">
              <tspan class="pva-title">{title}</tspan>
              {squash ? (
                <tspan x={x} dy="1.2em" class="pva-subtitle">
                  {squash}
                </tspan>
              ) : null}
            </text>
          );
        })}
      </g>
      <g class="pva-edges">
        {weights.layers.map(({ W }, index) =>
          W.map((row, j) =>
            row.map((w, i) => {
              const [x1, y1] = neuronPosition(view, index, i);
              const [x2, y2] = neuronPosition(view, index + 1, j);
              const incoming = pinned !== undefined && pinned.layer === index + 1 && pinned.neuron === j;
              const faded = pinned !== undefined && !incoming;
              return (
                <line
                  key={`${index}-${j}-${i}`}
                  class={`pva-edge pva-edge--${w >= 0 ? 'pos' : 'neg'}${incoming ? ' is-incoming' : ''}${faded ? ' is-faded' : ''}`}
                  x1={x1 + radius}
                  y1={y1}
                  x2={x2 - radius}
                  y2={y2}
                  stroke-width={width(Math.abs(w)).toFixed(2)}
                />
              );
            }),
          ),
        )}
      </g>
      {pinned ? (
        <g class="pva-weights" aria-hidden="true">
          {pinned.terms.map((term) => {
            const [x1, y1] = neuronPosition(view, pinned.layer - 1, term.from);
            const [x2, y2] = neuronPosition(view, pinned.layer, pinned.neuron);
            // Near the source end, where the incoming lines are still apart; starting just clear of the
            // source circle so the weight never covers that neuron's own value.
            const t = 0.2;
            return (
              <text key={term.from} class="pva-weight" x={x1 + radius + 3 + t * (x2 - x1 - 2 * radius)} y={y1 + t * (y2 - y1)} dy="0.35em" text-anchor="start">
                {signed(term.weight)}
              </text>
            );
          })}
        </g>
      ) : null}
      <g class="pva-neurons">
        {view.neurons.map((layer) =>
          layer.map((neuron) => (
            <NeuronMark
              key={neuron.id}
              neuron={neuron}
              view={view}
              pinned={pinned !== undefined && pinned.layer === neuron.layer && pinned.neuron === neuron.index}
              {...(onPin ? { onPin } : {})}
            />
          )),
        )}
      </g>
    </svg>
  );
}
