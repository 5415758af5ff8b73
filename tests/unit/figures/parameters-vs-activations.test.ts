/** What the overview's figure must show, checked on its server render and its view model. */
import { describe, expect, test } from 'vitest';
import figure from '../../../src/figures/parameters-vs-activations/figure.ts';
import { pvaView } from '../../../src/figures/parameters-vs-activations/view-model.ts';
import { forwardModel0 } from '../../../src/lab/mlp.ts';
import { defaultValues } from '../../../src/lib/url-state.ts';
import { decode, renderFigure } from './render.ts';

const { data, params } = figure;
const sizes = data.weights.layerSizes;
const neuronCount = sizes.reduce((a, b) => a + b, 0);
const weightCount = sizes.slice(1).reduce((sum, size, l) => sum + size * sizes[l]!, 0);

describe('server render at the defaults', () => {
  const html = renderFigure(figure.id);

  test('draws one circle group per neuron and one line per weight', () => {
    expect(html.match(/class="fig-node /g)).toHaveLength(neuronCount);
    expect(html.match(/class="fig-edge /g)).toHaveLength(weightCount);
    expect(neuronCount).toBe(12);
    expect(weightCount).toBe(29);
  });

  test('writes every activation as a number, with its sign', () => {
    const forward = forwardModel0(data.weights, params.input.default);
    const values = [...html.matchAll(/class="fig-node__value"[^>]*>([^<]+)</g)].map((m) => decode(m[1]!));
    expect(values).toHaveLength(neuronCount);
    expect(Number(values[2]!.replace('−', '-'))).toBeCloseTo(forward.layers[1]!.activations[0]!, 2);
  });

  test('marks the pinned neuron and breaks down what drives it', () => {
    expect(html.match(/is-pinned/g)).toHaveLength(1);
    expect(html).toContain(`data-node="${params.pin.default}"`);
    expect(html.match(/class="fig-edge [^"]*is-incoming/g)).toHaveLength(sizes[0]!);
    expect(decode(html)).toContain('What drives h1.2 now');
  });

  test('the text alternative lists every neuron', () => {
    const rows = figure.describe(defaultValues(params), data).table.rows;
    expect(rows).toHaveLength(neuronCount);
    expect(rows.map((r) => r[0])).toEqual(['x₁', 'x₂', 'h1.1', 'h1.2', 'h1.3', 'h1.4', 'h2.1', 'h2.2', 'h2.3', 'output “disc”', 'output “left”', 'output “right”']);
  });
});

describe('view model', () => {
  test('the parameters are the same for every input; only activations change', () => {
    const a = pvaView({ input: [0.3, 0.7], pin: 'h2.1' }, data);
    const b = pvaView({ input: [-0.6, -0.2], pin: 'h2.1' }, data);
    expect(a.pinned!.terms.map((t) => t.weight)).toEqual(b.pinned!.terms.map((t) => t.weight));
    expect(a.pinned!.bias).toBe(b.pinned!.bias);
    expect(a.neurons[1]!.map((n) => n.a)).not.toEqual(b.neurons[1]!.map((n) => n.a));
  });

  test('the trained model answers each region correctly at clear points', () => {
    expect(pvaView({ input: [0, 0], pin: 'none' }, data).predicted).toBe(0);
    expect(pvaView({ input: [-0.8, 0.6], pin: 'none' }, data).predicted).toBe(1);
    expect(pvaView({ input: [0.8, -0.6], pin: 'none' }, data).predicted).toBe(2);
  });

  test('the pinned sum adds up to the pre-activation', () => {
    const view = pvaView({ input: [0.3, 0.7], pin: 'out.right' }, data);
    const p = view.pinned!;
    expect(p.terms.reduce((s, t) => s + t.contribution, p.bias)).toBeCloseTo(p.preActivation, 4);
    expect(p.squash).toBe('softmax');
  });

  test('every pin option names a neuron; "none" pins nothing', () => {
    for (const option of params.pin.options) {
      const view = pvaView({ input: [0.1, 0.1], pin: option.value }, data);
      expect(view.pinned === undefined).toBe(option.value === 'none');
    }
  });
});
