/**
 * Attribution graphs for the atlas network, on a replacement made of one transcoder per layer (transcoder.ts).
 * For one prompt the graph is exact for the local replacement: each layer's output is written as the transcoder's
 * reconstruction plus an error node (what the transcoder misses on this prompt), every transcoder's set of active
 * latents is frozen, and then every edge is linear:
 *
 *   token t → layer-1 feature i:      enc₁ᵢ · v_t                 (v_t the token's embedding)
 *   layer-1 feature i → layer-2 j:    a₁ᵢ (enc₂ⱼ · dec₁ᵢ)          error₁ → j:  enc₂ⱼ · e₁
 *   layer-2 feature j → output:       a₂ⱼ (W₃[answer] · dec₂ⱼ)     error₂ → output:  W₃[answer] · e₂
 *
 * so the edges into any node plus its bias term sum exactly to its value (tested). The simplification against
 * Ameisen et al. (2025): per-layer transcoders instead of a cross-layer one, and no attention to freeze.
 */

import { trainObjective } from '../core/train.ts';
import { dot } from '../matrix.ts';
import { deriveSeed } from '../random.ts';
import { runQuestions } from './experiments.ts';
import type { AtlasNetwork } from './network.ts';
import { swapOutcome, type SwapOutcome } from './state-swap.ts';
import { createTranscoder, transcoderObjective, type Transcoder, type TranscoderCode } from './transcoder.ts';
import { relations, type Question } from './world.ts';

export interface TrainedTranscoder {
  transcoder: Transcoder;
  theta: Float64Array;
}

/** Every question the atlas can ask (all relations, all subjects), the transcoders' training set. */
export function everyQuestion(network: AtlasNetwork): Question[] {
  const { atlas } = network;
  const cities = Array.from({ length: atlas.cityCount }, (_, city) => city);
  const states = Array.from({ length: atlas.shape.states }, (_, state) => state);
  return relations.flatMap((relation) => (relation.endsWith('-of-state') ? states : cities).map((subject) => atlas.ask(relation, subject)));
}

export async function trainTranscoders(network: AtlasNetwork, theta: Float64Array, settings: { width: number; k: number; steps: number; seed: number }) {
  const questions = everyQuestion(network);
  const { cache } = runQuestions(network, theta, questions);
  const { embedding, hidden } = network.shape;
  const layers: [Float64Array, Float64Array, number][] = [
    [cache.get('embed')!, cache.get('hidden1')!, embedding],
    [cache.get('hidden1')!, cache.get('hidden2')!, hidden],
  ];
  const trained: TrainedTranscoder[] = [];
  for (const [index, [X, Y, inputs]] of layers.entries()) {
    const transcoder = createTranscoder({ inputs, outputs: hidden, width: settings.width, k: settings.k });
    const run = await trainObjective({
      name: `transcoder ${index + 1}`,
      objective: transcoderObjective(transcoder, X, Y, questions.length),
      steps: settings.steps,
      seed: deriveSeed(settings.seed, 90 + index),
      optimiser: { kind: 'adam', learningRate: 0.01 },
      metrics: () => ({}),
    });
    trained.push({ transcoder, theta: run.theta });
  }
  return trained as [TrainedTranscoder, TrainedTranscoder];
}

export type GraphNode =
  | { kind: 'token'; id: string; label: string }
  | { kind: 'feature'; id: string; layer: 1 | 2; latent: number; activation: number }
  | { kind: 'error'; id: string; layer: 1 | 2 }
  | { kind: 'output'; id: string; answer: number; logit: number };

export interface GraphEdge {
  from: string;
  to: string;
  weight: number;
}

export interface AttributionGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The constant (bias) part of each node's value, so that edges in + bias = value. */
  bias: Record<string, number>;
}

function decoderRow(trained: TrainedTranscoder, latent: number): Float64Array {
  const { outputs } = trained.transcoder.shape;
  return trained.transcoder.layout.slice(trained.theta, 'W_dec').subarray(latent * outputs, (latent + 1) * outputs);
}

function encoderRow(trained: TrainedTranscoder, latent: number): Float64Array {
  const { inputs } = trained.transcoder.shape;
  return trained.transcoder.layout.slice(trained.theta, 'W_enc').subarray(latent * inputs, (latent + 1) * inputs);
}

const dotAll = (a: Float64Array, b: Float64Array) => dot(a, 0, b, 0, a.length);

/** The attribution graph of one question towards the logit of `answer` (by default the model's own top answer). */
export function attributionGraph(network: AtlasNetwork, theta: Float64Array, transcoders: readonly [TrainedTranscoder, TrainedTranscoder], question: Question, answer?: number): AttributionGraph {
  const { atlas, layout } = network;
  const { logits, cache } = runQuestions(network, theta, [question]);
  const target = answer ?? logits.indexOf(Math.max(...logits));
  const x = cache.get('embed')!;
  const h1 = cache.get('hidden1')!;
  const h2 = cache.get('hidden2')!;
  const [first, second] = transcoders;
  const code1 = first.transcoder.encode(first.theta, x, 0);
  const code2 = second.transcoder.encode(second.theta, h1, 0);
  const error1 = h1.map((value, j) => value - first.transcoder.decodeInto(first.theta, code1, new Float64Array(h1.length))[j]!);
  const error2 = h2.map((value, j) => value - second.transcoder.decodeInto(second.theta, code2, new Float64Array(h2.length))[j]!);
  const width = network.shape.embedding;
  const tokenVectors: [string, string, Float64Array][] = [
    ['token:relation', question.relation, layout.slice(theta, 'R').subarray(relations.indexOf(question.relation) * width, (relations.indexOf(question.relation) + 1) * width)],
    ['token:subject', entityLabel(atlas, question.subject), layout.slice(theta, 'E').subarray(question.subject * width, (question.subject + 1) * width)],
  ];
  const readoutRow = layout.slice(theta, 'W3').subarray(target * network.shape.hidden, (target + 1) * network.shape.hidden);
  const featureId = (layer: 1 | 2, latent: number) => `L${layer}:${latent}`;
  const nodes: GraphNode[] = [
    ...tokenVectors.map(([id, label]) => ({ kind: 'token' as const, id, label })),
    ...code1.latents.map((latent, a) => ({ kind: 'feature' as const, id: featureId(1, latent), layer: 1 as const, latent, activation: code1.activations[a]! })),
    { kind: 'error', id: 'error:1', layer: 1 },
    ...code2.latents.map((latent, a) => ({ kind: 'feature' as const, id: featureId(2, latent), layer: 2 as const, latent, activation: code2.activations[a]! })),
    { kind: 'error', id: 'error:2', layer: 2 },
    { kind: 'output', id: 'output', answer: target, logit: logits[target]! },
  ];
  const edges: GraphEdge[] = [];
  const bias: Record<string, number> = {};
  const bEnc1 = first.transcoder.layout.slice(first.theta, 'b_enc');
  const bEnc2 = second.transcoder.layout.slice(second.theta, 'b_enc');
  const bDec1 = first.transcoder.layout.slice(first.theta, 'b_dec');
  const bDec2 = second.transcoder.layout.slice(second.theta, 'b_dec');
  code1.latents.forEach((latent) => {
    const encoder = encoderRow(first, latent);
    for (const [id, , vector] of tokenVectors) edges.push({ from: id, to: featureId(1, latent), weight: dotAll(encoder, vector) });
    bias[featureId(1, latent)] = bEnc1[latent]!;
  });
  code2.latents.forEach((latent) => {
    const encoder = encoderRow(second, latent);
    code1.latents.forEach((source, a) => edges.push({ from: featureId(1, source), to: featureId(2, latent), weight: code1.activations[a]! * dotAll(encoder, decoderRow(first, source)) }));
    edges.push({ from: 'error:1', to: featureId(2, latent), weight: dotAll(encoder, error1) });
    bias[featureId(2, latent)] = bEnc2[latent]! + dotAll(encoder, bDec1);
  });
  code2.latents.forEach((latent, a) => edges.push({ from: featureId(2, latent), to: 'output', weight: code2.activations[a]! * dotAll(readoutRow, decoderRow(second, latent)) }));
  edges.push({ from: 'error:2', to: 'output', weight: dotAll(readoutRow, error2) });
  bias.output = layout.slice(theta, 'b3')[target]! + dotAll(readoutRow, bDec2);
  return { nodes, edges, bias };
}

export function entityLabel(atlas: AtlasNetwork['atlas'], entity: number): string {
  if (entity < atlas.cityCount) return `city ${entity}`;
  if (entity < atlas.stateToken(atlas.shape.states)) return `state ${entity - atlas.cityCount}`;
  if (entity < atlas.capitalToken(atlas.shape.states)) return `capital ${entity - atlas.stateToken(atlas.shape.states)}`;
  return `region ${entity - atlas.capitalToken(atlas.shape.states)}`;
}

/** Share of questions on which the replacement alone (transcoders chained, no error nodes) gives the model's top answer. */
export function replacementFidelity(network: AtlasNetwork, theta: Float64Array, transcoders: readonly [TrainedTranscoder, TrainedTranscoder], questions: readonly Question[]): number {
  const { layout, shape } = network;
  const { logits, cache } = runQuestions(network, theta, questions);
  const entities = network.atlas.entityCount;
  const [first, second] = transcoders;
  const W3 = layout.slice(theta, 'W3');
  const b3 = layout.slice(theta, 'b3');
  const x = cache.get('embed')!;
  let agree = 0;
  questions.forEach((_, row) => {
    const h1 = first.transcoder.decodeInto(first.theta, first.transcoder.encode(first.theta, x, row * shape.embedding), new Float64Array(shape.hidden));
    const h2 = second.transcoder.decodeInto(second.theta, second.transcoder.encode(second.theta, h1, 0), new Float64Array(shape.hidden));
    let model = 0;
    let replacement = 0;
    const replacementLogits = new Float64Array(entities);
    for (let e = 0; e < entities; e++) {
      replacementLogits[e] = b3[e]! + dot(W3, e * shape.hidden, h2, 0, shape.hidden);
      if (logits[row * entities + e]! > logits[row * entities + model]!) model = e;
      if (replacementLogits[e]! > replacementLogits[replacement]!) replacement = e;
    }
    if (model === replacement) agree++;
  });
  return agree / questions.length;
}

export type { TranscoderCode };

/** Mean activation of every latent of one layer's transcoder on the two-step capital question of each state's cities. */
function meanActivationsByState(network: AtlasNetwork, theta: Float64Array, trained: TrainedTranscoder, layer: 1 | 2): Float64Array[] {
  const { atlas, shape } = network;
  const cities = Array.from({ length: atlas.cityCount }, (_, city) => city);
  const { cache } = runQuestions(network, theta, cities.map((city) => atlas.ask('capital-of-city', city)));
  const input = cache.get(layer === 1 ? 'embed' : 'hidden1')!;
  const inputs = layer === 1 ? shape.embedding : shape.hidden;
  const means = Array.from({ length: atlas.shape.states }, () => new Float64Array(trained.transcoder.shape.width));
  cities.forEach((city) => {
    const code = trained.transcoder.encode(trained.theta, input, city * inputs);
    code.latents.forEach((latent, a) => (means[atlas.stateOfCity(city)]![latent]! += code.activations[a]! / atlas.shape.citiesPerState));
  });
  return means;
}

/**
 * The "state = s" features of one layer: latents whose mean activation on s's cities exceeds their largest mean on
 * any other state (most selective first), with those means. A state is often carried by one latent, sometimes
 * by two that split it.
 */
export function stateFeatures(network: AtlasNetwork, theta: Float64Array, trained: TrainedTranscoder, layer: 1 | 2, state: number) {
  const means = meanActivationsByState(network, theta, trained, layer);
  return Array.from({ length: trained.transcoder.shape.width }, (_, latent) => ({
    latent,
    selectivity: means[state]![latent]! - Math.max(...means.filter((_, s) => s !== state).map((mean) => mean[latent]!)),
    meanActivation: means[state]![latent]!,
  })).filter((feature) => feature.selectivity > 0).sort((a, b) => b.selectivity - a.selectivity);
}

/**
 * Suppress the "state = A" features and inject "state = B" at the output of `layer` (the site the transcoder
 * replaces), on the two-step questions of A's cities: h ← h − Σ a_A d_A + Σ ā_B d_B. The control adds a random
 * direction of the same norm instead.
 */
export function swapStateFeature(
  network: AtlasNetwork, theta: Float64Array, trained: TrainedTranscoder, layer: 1 | 2, stateA: number, stateB: number, randomDirection?: Float64Array,
): SwapOutcome {
  const { shape } = network;
  const site = layer === 1 ? 'hidden1' : 'hidden2';
  const featuresA = stateFeatures(network, theta, trained, layer, stateA);
  const featuresB = stateFeatures(network, theta, trained, layer, stateB);
  const inputSite = layer === 1 ? 'embed' : 'hidden1';
  return swapOutcome(network, theta, site, stateA, stateB, (_question, cache) => {
    const code = trained.transcoder.encode(trained.theta, cache.get(inputSite)!, 0);
    const delta = new Float64Array(shape.hidden);
    for (const { latent } of featuresA) {
      const index = code.latents.indexOf(latent);
      const row = decoderRow(trained, latent);
      if (index >= 0) for (let j = 0; j < shape.hidden; j++) delta[j]! -= code.activations[index]! * row[j]!;
    }
    for (const { latent, meanActivation } of featuresB) {
      const row = decoderRow(trained, latent);
      for (let j = 0; j < shape.hidden; j++) delta[j]! += meanActivation * row[j]!;
    }
    return randomDirection ? randomDirection.map((value) => (value * Math.hypot(...delta)) / Math.hypot(...randomDirection)) : delta;
  });
}
