// Every layer's backward pass against central finite differences, for its parameters and its input.
import { describe, expect, test } from 'vitest';
import { createActivation } from '../../../src/lab/layers/activation.ts';
import { createEmbedding } from '../../../src/lab/layers/embedding.ts';
import { createLinear } from '../../../src/lab/layers/linear.ts';
import { createSoftmaxCrossEntropy } from '../../../src/lab/layers/softmax-cross-entropy.ts';
import { fillNormal } from '../../../src/lab/matrix.ts';
import { createRandom } from '../../../src/lab/random.ts';
import { expectGradientMatchesFiniteDifferences, randomReadout, readout } from './support/finite-differences.ts';

const normal = (size: number, seed: number, scale = 1) => fillNormal(new Float64Array(size), createRandom(seed), scale);

describe('embedding', () => {
  const vocab = 5;
  const width = 3;
  const tokens = [4, 0, 4, 2];
  const embedding = createEmbedding(vocab, width, 6);
  const table = normal(vocab * width, 1);
  const c = randomReadout(tokens.length * width, createRandom(2));

  test('looks up rows', () => {
    const output = embedding.forward(table, tokens, tokens.length);
    expect(Array.from(output.subarray(3, 6))).toEqual(Array.from(table.subarray(0, 3)));
  });

  test('table gradient (a repeated token adds up)', () => {
    embedding.forward(table, tokens, tokens.length);
    const dTable = new Float64Array(table.length);
    embedding.backward(c, dTable);
    expectGradientMatchesFiniteDifferences(table, (t) => readout(embedding.forward(t, tokens, tokens.length), c), dTable);
  });

  test('rejects a token outside the vocabulary', () => {
    expect(() => embedding.forward(table, [5], 1)).toThrow(/token 5 outside 0 … 4/);
  });
});

describe('linear', () => {
  const [inputs, outputs, rows] = [4, 3, 5];
  const linear = createLinear(inputs, outputs, rows);
  const W = normal(outputs * inputs, 3);
  const b = normal(outputs, 4);
  const x = normal(rows * inputs, 5);
  const c = randomReadout(rows * outputs, createRandom(6));
  const run = () => {
    linear.forward(W, b, x, rows);
    const dW = new Float64Array(W.length);
    const db = new Float64Array(b.length);
    return { dW, db, dX: Float64Array.from(linear.backward(W, c, dW, db)) };
  };
  const loss = () => readout(linear.forward(W, b, x, rows), c);

  test('weights, bias and input gradients', () => {
    const { dW, db, dX } = run();
    expectGradientMatchesFiniteDifferences(W, loss, dW);
    expectGradientMatchesFiniteDifferences(b, loss, db);
    expectGradientMatchesFiniteDifferences(x, loss, dX);
  });

  test('y = W x + b per row', () => {
    const y = linear.forward(W, b, x, rows);
    let expected = b[1]!;
    for (let i = 0; i < inputs; i++) expected += W[inputs + i]! * x[2 * inputs + i]!;
    expect(y[2 * outputs + 1]).toBeCloseTo(expected, 12);
  });
});

describe.each(['relu', 'gelu'] as const)('%s', (kind) => {
  const size = 12;
  const activation = createActivation(kind, size);
  // Away from ReLU's kink at 0, where finite differences straddle two slopes.
  const x = normal(size, 7, 1.5).map((v) => (Math.abs(v) < 1e-3 ? 0.5 : v));
  const c = randomReadout(size, createRandom(8));

  test('input gradient', () => {
    activation.forward(x, size);
    const dX = Float64Array.from(activation.backward(c));
    expectGradientMatchesFiniteDifferences(x, (input) => readout(activation.forward(input, size), c), dX);
  });

  test('values', () => {
    const output = activation.forward(Float64Array.of(-2, 0, 1), 3);
    if (kind === 'relu') expect(Array.from(output.subarray(0, 3))).toEqual([0, 0, 1]);
    else {
      expect(output[1]).toBe(0);
      expect(output[2]).toBeCloseTo(0.841192, 5); // the tanh approximation of 1 · Φ(1) = 0.841345
      expect(output[0]).toBeCloseTo(-0.045402, 5);
    }
  });
});

describe('softmax cross-entropy', () => {
  const [vocab, rows] = [6, 4];
  const targets = [0, 5, 2, 2];
  const loss = createSoftmaxCrossEntropy(vocab, rows);
  const logits = normal(rows * vocab, 9, 2);

  test('logit gradient, scaled', () => {
    loss.forward(logits, targets, rows);
    const dLogits = Float64Array.from(loss.backward(3));
    expectGradientMatchesFiniteDifferences(logits, (z) => 3 * loss.forward(z, targets, rows), dLogits);
  });

  test('probabilities sum to 1 and the loss is −log p[target]', () => {
    const value = loss.forward(Float64Array.from({ length: rows * vocab }, (_, k) => (k % vocab === 1 ? 1000 : 0)), [1, 1, 1, 1], rows);
    expect(value).toBeCloseTo(0, 12);
    for (let t = 0; t < rows; t++) expect(loss.probabilities.subarray(t * vocab, (t + 1) * vocab).reduce((a, p) => a + p, 0)).toBeCloseTo(1, 12);
    expect(loss.forward(new Float64Array(vocab), [3], 1)).toBeCloseTo(Math.log(vocab), 12);
  });
});
