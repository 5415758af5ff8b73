/**
 * The atlas network: a question is two tokens, a relation and an entity; the first layer is their embeddings,
 * summed; two ReLU hidden layers; a softmax over every entity.
 *
 *   x = R[relation] + E[entity]    h₁ = ReLU(W₁ x + b₁)  (site 'hidden1')    h₂ = ReLU(W₂ h₁ + b₂)  (site 'hidden2')
 *   p = softmax(W₃ h₂ + b₃)
 */

import { defineLayout } from '../core/layout.ts';
import { noSites, type Sites } from '../core/interventions.ts';
import type { Objective } from '../core/objective.ts';
import { createActivation } from '../layers/activation.ts';
import { createEmbedding } from '../layers/embedding.ts';
import { createLinear } from '../layers/linear.ts';
import { createSoftmaxCrossEntropy } from '../layers/softmax-cross-entropy.ts';
import { fillNormal } from '../matrix.ts';
import { relations, type Atlas, type Question } from './world.ts';

export interface AtlasNetworkShape {
  embedding: number;
  hidden: number;
}

export const atlasSites = ['embed', 'hidden1', 'hidden2'] as const;

export function atlasLayout(atlas: Atlas, { embedding, hidden }: AtlasNetworkShape) {
  return defineLayout({
    R: [relations.length, embedding],
    E: [atlas.entityCount, embedding],
    W1: [hidden, embedding],
    b1: [hidden],
    W2: [hidden, hidden],
    b2: [hidden],
    W3: [atlas.entityCount, hidden],
    b3: [atlas.entityCount],
  });
}

export interface QuestionBatch {
  rows: number;
  relation: Int32Array;
  subject: Int32Array;
  answer: Int32Array;
}

export function toBatch(questions: readonly Question[]): QuestionBatch {
  return {
    rows: questions.length,
    relation: Int32Array.from(questions, (question) => relations.indexOf(question.relation)),
    subject: Int32Array.from(questions, (question) => question.subject),
    answer: Int32Array.from(questions, (question) => question.answer),
  };
}

export function createAtlasNetwork(atlas: Atlas, shape: AtlasNetworkShape, maxRows: number) {
  const layout = atlasLayout(atlas, shape);
  const { embedding: width, hidden } = shape;
  const relationEmbedding = createEmbedding(relations.length, width, maxRows);
  const entityEmbedding = createEmbedding(atlas.entityCount, width, maxRows);
  const first = createLinear(width, hidden, maxRows);
  const relu1 = createActivation('relu', maxRows * hidden);
  const second = createLinear(hidden, hidden, maxRows);
  const relu2 = createActivation('relu', maxRows * hidden);
  const readout = createLinear(hidden, atlas.entityCount, maxRows);
  const loss = createSoftmaxCrossEntropy(atlas.entityCount, maxRows);
  const x = new Float64Array(maxRows * width);
  const slice = (theta: Float64Array, name: Parameters<typeof layout.slice>[1]) => layout.slice(theta, name);

  /** Logits (rows × entities); each named site is visited with its live values. */
  function logits(theta: Float64Array, batch: QuestionBatch, sites: Sites = noSites): Float64Array {
    const { rows } = batch;
    const r = relationEmbedding.forward(slice(theta, 'R'), batch.relation, rows);
    const e = entityEmbedding.forward(slice(theta, 'E'), batch.subject, rows);
    for (let k = 0; k < rows * width; k++) x[k] = r[k]! + e[k]!;
    sites.visit('embed', x.subarray(0, rows * width));
    const h1 = relu1.forward(first.forward(slice(theta, 'W1'), slice(theta, 'b1'), x, rows), rows * hidden);
    sites.visit('hidden1', h1.subarray(0, rows * hidden));
    const h2 = relu2.forward(second.forward(slice(theta, 'W2'), slice(theta, 'b2'), h1, rows), rows * hidden);
    sites.visit('hidden2', h2.subarray(0, rows * hidden));
    return readout.forward(slice(theta, 'W3'), slice(theta, 'b3'), h2, rows);
  }

  return {
    atlas,
    shape,
    layout,
    logits,
    lossAndGradient(theta: Float64Array, batch: QuestionBatch, grad: Float64Array): number {
      const value = loss.forward(logits(theta, batch), batch.answer, batch.rows);
      const dLogits = loss.backward();
      const dH2 = readout.backward(slice(theta, 'W3'), dLogits, slice(grad, 'W3'), slice(grad, 'b3'));
      const dH1 = second.backward(slice(theta, 'W2'), relu2.backward(dH2), slice(grad, 'W2'), slice(grad, 'b2'));
      const dX = first.backward(slice(theta, 'W1'), relu1.backward(dH1), slice(grad, 'W1'), slice(grad, 'b1'));
      relationEmbedding.backward(dX, slice(grad, 'R'));
      entityEmbedding.backward(dX, slice(grad, 'E'));
      return value;
    },
  };
}

export type AtlasNetwork = ReturnType<typeof createAtlasNetwork>;

/** Full-batch objective over the training questions. */
export function atlasObjective(network: AtlasNetwork, questions: readonly Question[]): Objective<QuestionBatch> {
  const { layout, shape } = network;
  const batch = toBatch(questions);
  return {
    layout,
    init(theta, random) {
      fillNormal(layout.slice(theta, 'R'), random, 1);
      fillNormal(layout.slice(theta, 'E'), random, 1);
      fillNormal(layout.slice(theta, 'W1'), random, Math.sqrt(2 / shape.embedding));
      fillNormal(layout.slice(theta, 'W2'), random, Math.sqrt(2 / shape.hidden));
      fillNormal(layout.slice(theta, 'W3'), random, Math.sqrt(1 / shape.hidden));
    },
    createBatch: () => batch,
    sample() {},
    lossAndGradient: (theta, data, grad) => network.lossAndGradient(theta, data, grad),
  };
}
