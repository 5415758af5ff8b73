/**
 * The steering toy's language model: the embeddings of the last `window` tokens, concatenated, into one
 * ReLU hidden layer, then a softmax over the vocabulary (a neural n-gram model in the style of Bengio et al.,
 * 2003). The hidden layer is the site the SAE reads and the steering edits:
 *
 *   x = [E(t₋w) … E(t₋₁)]     h = ReLU(W₁ x + b₁)  (site 'hidden')     p = softmax(W₂ h + b₂)
 */

import { defineLayout } from '../core/layout.ts';
import { noSites, type Sites } from '../core/interventions.ts';
import type { Objective } from '../core/objective.ts';
import { createActivation } from '../layers/activation.ts';
import { createEmbedding } from '../layers/embedding.ts';
import { createLinear } from '../layers/linear.ts';
import { createSoftmaxCrossEntropy } from '../layers/softmax-cross-entropy.ts';
import { fillNormal } from '../matrix.ts';
import type { Random } from '../random.ts';
import { BOS_TOKEN, sampleSentence, vocabulary } from './grammar.ts';

export interface LanguageModelShape {
  window: number;
  embedding: number;
  hidden: number;
}

export const hiddenSite = 'hidden';

export function languageModelLayout({ window, embedding, hidden }: LanguageModelShape) {
  const vocab = vocabulary.length;
  return defineLayout({ E: [vocab, embedding], W1: [hidden, window * embedding], b1: [hidden], W2: [vocab, hidden], b2: [vocab] });
}

/** A batch of positions: the `window` previous tokens (BOS before the sentence start) and the next token. */
export interface TokenBatch {
  rows: number;
  contexts: Int32Array;
  targets: Int32Array;
}

export function createTokenBatch(rows: number, window: number): TokenBatch {
  return { rows, contexts: new Int32Array(rows * window), targets: new Int32Array(rows) };
}

/** Writes the `window` tokens before `position` of `tokens` into out[offset …], with BOS before the start. */
export function fillContext(tokens: ArrayLike<number>, position: number, window: number, out: Int32Array, offset: number): void {
  for (let k = 0; k < window; k++) {
    const source = position - window + k;
    out[offset + k] = source < 0 ? BOS_TOKEN : tokens[source]!;
  }
}

/** Fills the batch with consecutive positions of freshly sampled sentences. */
export function sampleTokenBatch(batch: TokenBatch, window: number, random: Random): void {
  let row = 0;
  while (row < batch.rows) {
    const { tokens } = sampleSentence(random);
    for (let position = 0; position < tokens.length && row < batch.rows; position++, row++) {
      fillContext(tokens, position, window, batch.contexts, row * window);
      batch.targets[row] = tokens[position]!;
    }
  }
}

export function createLanguageModel(shape: LanguageModelShape, maxRows: number) {
  const vocab = vocabulary.length;
  const layout = languageModelLayout(shape);
  const { window, embedding: width, hidden } = shape;
  const embed = createEmbedding(vocab, width, maxRows * window);
  const first = createLinear(window * width, hidden, maxRows);
  const relu = createActivation('relu', maxRows * hidden);
  const second = createLinear(hidden, vocab, maxRows);
  const loss = createSoftmaxCrossEntropy(vocab, maxRows);
  const slice = (theta: Float64Array, name: Parameters<typeof layout.slice>[1]) => layout.slice(theta, name);

  /** Logits (rows × vocab) for the contexts; the hidden site is visited with its live values. */
  function logits(theta: Float64Array, contexts: Int32Array, rows: number, sites: Sites = noSites): Float64Array {
    const x = embed.forward(slice(theta, 'E'), contexts, rows * window);
    const pre = first.forward(slice(theta, 'W1'), slice(theta, 'b1'), x, rows);
    const h = relu.forward(pre, rows * hidden);
    sites.visit(hiddenSite, h.subarray(0, rows * hidden));
    return second.forward(slice(theta, 'W2'), slice(theta, 'b2'), h, rows);
  }

  return {
    shape,
    layout,
    logits,
    /** Next-token probabilities (rows × vocab) from the last `logits` call's softmax. */
    probabilities(theta: Float64Array, contexts: Int32Array, rows: number, sites: Sites = noSites): Float64Array {
      const z = logits(theta, contexts, rows, sites);
      const p = new Float64Array(rows * vocab);
      for (let r = 0; r < rows; r++) {
        let max = -Infinity;
        for (let j = 0; j < vocab; j++) max = Math.max(max, z[r * vocab + j]!);
        let sum = 0;
        for (let j = 0; j < vocab; j++) sum += p[r * vocab + j] = Math.exp(z[r * vocab + j]! - max);
        for (let j = 0; j < vocab; j++) p[r * vocab + j]! /= sum;
      }
      return p;
    },
    meanLoss(theta: Float64Array, batch: TokenBatch): number {
      return loss.forward(logits(theta, batch.contexts, batch.rows), batch.targets, batch.rows);
    },
    lossAndGradient(theta: Float64Array, batch: TokenBatch, grad: Float64Array): number {
      const value = loss.forward(logits(theta, batch.contexts, batch.rows), batch.targets, batch.rows);
      const dLogits = loss.backward();
      const dHidden = second.backward(slice(theta, 'W2'), dLogits, slice(grad, 'W2'), slice(grad, 'b2'));
      const dPre = relu.backward(dHidden);
      const dX = first.backward(slice(theta, 'W1'), dPre, slice(grad, 'W1'), slice(grad, 'b1'));
      embed.backward(dX, slice(grad, 'E'));
      return value;
    },
  };
}

export type LanguageModel = ReturnType<typeof createLanguageModel>;

export function languageModelObjective(model: LanguageModel, batchRows: number): Objective<TokenBatch> {
  const { layout, shape } = model;
  return {
    layout,
    init(theta, random) {
      fillNormal(layout.slice(theta, 'E'), random, 1);
      fillNormal(layout.slice(theta, 'W1'), random, Math.sqrt(2 / (shape.window * shape.embedding)));
      fillNormal(layout.slice(theta, 'W2'), random, Math.sqrt(1 / shape.hidden));
    },
    createBatch: () => createTokenBatch(batchRows, shape.window),
    sample: (batch, random) => sampleTokenBatch(batch, shape.window, random),
    lossAndGradient: (theta, batch, grad) => model.lossAndGradient(theta, batch, grad),
  };
}
