// Multi-head causal self-attention (src/lab/layers/attention.ts): shape of the patterns, edits, and the backward
// pass against central finite differences.
import { describe, expect, test } from 'vitest';
import { createSiteHooks, zeroAblate } from '../../../src/lab/core/interventions.ts';
import { defineLayout, type Layout } from '../../../src/lab/core/layout.ts';
import { attentionBlocks, createCausalAttention, type AttentionShape, type AttentionWeights } from '../../../src/lab/layers/attention.ts';
import { fillNormal } from '../../../src/lab/matrix.ts';
import { createRandom } from '../../../src/lab/random.ts';
import { expectGradientMatchesFiniteDifferences, randomReadout, readout as readOut } from './support/finite-differences.ts';

const shape: AttentionShape = { context: 5, width: 4, heads: 2, headSize: 3 };
const layout: Layout = defineLayout({ ...attentionBlocks('attention', shape), input: [shape.context, shape.width] });

function weights(theta: Float64Array): AttentionWeights {
  return {
    query: layout.slice(theta, 'attention.query'),
    key: layout.slice(theta, 'attention.key'),
    value: layout.slice(theta, 'attention.value'),
    output: layout.slice(theta, 'attention.output'),
  };
}

/** θ holds the weights and the input; the loss is a fixed random linear read-out of the layer's output. */
function setup(seed: number) {
  const random = createRandom(seed);
  const theta = fillNormal(new Float64Array(layout.size), random, 0.8);
  const readout = randomReadout(shape.context * shape.width, random);
  const attention = createCausalAttention(shape);
  const output = new Float64Array(readout.length);
  const loss = (t: Float64Array) => {
    attention.forward(layout.slice(t, 'input'), weights(t), output);
    return readOut(output, readout);
  };
  return { theta, readout, attention, output, loss };
}

describe('causal attention', () => {
  test('every pattern row is a distribution over the current and earlier positions', () => {
    const { theta, attention, loss } = setup(1);
    loss(theta);
    const T = shape.context;
    for (let h = 0; h < shape.heads; h++) {
      const pattern = attention.pattern(h);
      for (let i = 0; i < T; i++) {
        const row = pattern.subarray(i * T, (i + 1) * T);
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        for (let j = i + 1; j < T; j++) expect(row[j]).toBe(0);
      }
    }
  });

  test('the output is the sum of the head outputs, and a hook at a head site replaces it before the sum', () => {
    const { theta, attention, output, loss } = setup(2);
    loss(theta);
    const before = Float64Array.from(output);
    const head1 = Float64Array.from(attention.headOutput(1));
    attention.forward(layout.slice(theta, 'input'), weights(theta), output, createSiteHooks({ edits: { 'attention.head0': zeroAblate } }));
    for (let i = 0; i < output.length; i++) expect(output[i]).toBeCloseTo(head1[i]!, 12);
    expect(Array.from(attention.headOutput(0))).toStrictEqual(new Array(output.length).fill(0));
    expect(before.some((value, i) => Math.abs(value - output[i]!) > 1e-6)).toBe(true);
  });

  test('backward after a hooked forward pass is refused', () => {
    const { theta, attention, output } = setup(3);
    attention.forward(layout.slice(theta, 'input'), weights(theta), output, createSiteHooks());
    const grad = new Float64Array(layout.size);
    expect(() => attention.backward(output, weights(theta), weights(grad), layout.slice(grad, 'input'))).toThrow(/hooked/);
  });

  for (const seed of [4, 5]) {
    test(`weight and input gradients match finite differences (seed ${seed})`, () => {
      const { theta, readout, attention, loss } = setup(seed);
      loss(theta);
      const grad = new Float64Array(layout.size);
      attention.backward(readout, weights(theta), weights(grad), layout.slice(grad, 'input'));
      expectGradientMatchesFiniteDifferences(theta, loss, grad);
    });
  }
});
