/**
 * Build-time lab output for the attribution-graph figure: the atlas network (src/lab/atlas/) trained at the
 * default settings with one TopK transcoder per layer, then, for every two-step question (each city × capital or
 * region), its attribution graph on the local replacement, and for every pair of states the feature swap
 * "state = A" → "state = B" against a random push of the same norm. The browser only filters and draws. What the
 * lab measures over seeds (probes, patching, fidelity, swaps) is in the activation-patching figure's data
 * (summariseAtlasSeed); this figure adds the one control the article needs beyond it: held-out accuracy without
 * weight decay. `npm run precompute -- attribution-graph` writes data.json; tests/unit/figures/data.test.ts checks it.
 */
import {
  attributionGraph, entityLabel, everyQuestion, replacementFidelity, stateFeatures, swapStateFeature, trainTranscoders, type TrainedTranscoder,
} from '../../lab/atlas/attribution.ts';
import { accuracy, defaultAtlasSettings, runQuestions, trainAtlas } from '../../lab/atlas/experiments.ts';
import type { Question, Relation } from '../../lab/atlas/world.ts';
import { round } from '../../lab/json.ts';
import { createRandom } from '../../lab/random.ts';

/** Seeds of the no-weight-decay control (those of the lab's seed summary); the first is the figure's model. */
export const summarySeeds = [0, 1, 2, 3, 4] as const;
/** Held-out accuracy for both attributes at which a seed counts as composing. */
export const composingThreshold = 0.75;
export const transcoderSettings = { width: 32, k: 4, steps: 1000 } as const;
export const twoStepRelations = ['capital-of-city', 'region-of-city'] as const satisfies readonly Relation[];
export type TwoStepRelation = (typeof twoStepRelations)[number];

export type NodeKind = 'token' | 'feature' | 'error' | 'output';

export interface FigureNode {
  id: string;
  kind: NodeKind;
  /** Column: 0 input tokens, 1 layer-1 features, 2 layer-2 features, 3 the output. */
  layer: 0 | 1 | 2 | 3;
  /** What the node stands for, in words: "city 4", "state = 0", "capital question", "error 1", the answer. */
  label: string;
  /** A feature's activation, the output's logit, an error node's total direct contribution; tokens: 1. */
  value: number;
  /** For "state = s" features: s. */
  state?: number;
}

export interface PromptGraph {
  city: number;
  relation: TwoStepRelation;
  /** Whether this city's two-step questions were held out of training (only "which state?" was trained). */
  heldOut: boolean;
  state: number;
  /** The correct answer, the network's answer, and whether the replacement alone (no error nodes) agrees. */
  answer: string;
  modelAnswer: string;
  replacementAgrees: boolean;
  nodes: FigureNode[];
  /** [from, to, weight]: the direct contribution with every gate frozen for this prompt. */
  edges: [string, string, number][];
  /** The output's constant part (readout bias plus decoder bias), so edges into the output + bias = logit. */
  outputBias: number;
}

export interface SwapRates {
  capital: number;
  region: number;
}

export interface Range {
  min: number;
  max: number;
}

export interface AttributionFigureData {
  seed: number;
  states: number;
  citiesPerState: number;
  /** Each state's region (index). */
  regionOfState: number[];
  /** The network and its training, for the article. */
  network: { entities: number; embedding: number; hidden: number; parameters: number; steps: number; weightDecay: number; trainingQuestions: number; heldOutQuestions: number; heldOutCities: number };
  transcoder: { width: number; k: number };
  /** Share of all questions on which the replacement alone gives the network's top answer. */
  fidelity: number;
  /** Per state, its first city (two-step questions trained) and its held-out city, each with both relations. */
  graphs: PromptGraph[];
  /**
   * swaps[A][B]: shares of A's cities whose answers moved to B's, by the swap and by a random push (A = B: null).
   * When A and B share a region, the region answer is B's before any push, so its rate says nothing: `sameRegion`.
   */
  swaps: ({ swap: SwapRates; random: SwapRates; sameRegion: boolean } | null)[][];
  /** The control the article quotes: held-out two-step accuracy without weight decay, over the summary seeds. */
  withoutWeightDecay: {
    seeds: number;
    heldOutCapital: Range;
    heldOutRegion: Range;
    /** Held-out accuracy a seed must reach for both attributes to count as composing, and how many did. */
    composingThreshold: number;
    composingSeeds: number;
  };
  /** Chance for a region (for a capital it is one over the states). */
  regionChance: number;
}

const r3 = (value: number) => round(value, 4);
const range = (values: number[]): Range => ({ min: r3(Math.min(...values)), max: r3(Math.max(...values)) });

type Trained = Awaited<ReturnType<typeof trainAtlas>> & { transcoders: [TrainedTranscoder, TrainedTranscoder] };

/** Relation groups a non-state feature may be selective for, and how the figure names them. */
const questionKinds = ['capital question', 'region question', '“which state?” question'] as const;
const kindOf = (relation: Relation) => (relation.startsWith('capital') ? 0 : relation.startsWith('region') ? 1 : 2);

/**
 * Per latent of one layer's transcoder: the group of questions it is selective for, if any. A latent belongs to
 * the group where its mean activation is largest when that mean exceeds every other group's by at least half
 * of itself (a "state = 0" or "capital question" feature, not a shared one).
 */
function selectiveGroups(run: Trained, layer: 1 | 2, questions: readonly Question[], groupOf: (question: Question) => number, groups: number): Map<number, number> {
  const { network, theta, transcoders } = run;
  const input = runQuestions(network, theta, questions).cache.get(layer === 1 ? 'embed' : 'hidden1')!;
  const inputs = layer === 1 ? network.shape.embedding : network.shape.hidden;
  const trained = layer === 1 ? transcoders[0] : transcoders[1];
  const width = trained.transcoder.shape.width;
  const sums = Array.from({ length: groups }, () => new Float64Array(width));
  const counts = new Float64Array(groups);
  questions.forEach((question, row) => {
    const group = groupOf(question);
    counts[group]!++;
    const code = trained.transcoder.encode(trained.theta, input, row * inputs);
    code.latents.forEach((latent, a) => (sums[group]![latent]! += code.activations[a]!));
  });
  const owner = new Map<number, number>();
  for (let latent = 0; latent < width; latent++) {
    const means = sums.map((sum, group) => ({ group, value: sum[latent]! / counts[group]! })).sort((a, b) => b.value - a.value);
    if (means[0]!.value > 0 && means[0]!.value - means[1]!.value >= 0.5 * means[0]!.value) owner.set(latent, means[0]!.group);
  }
  return owner;
}

/**
 * Layer 1's "state = s" features are the lab's (stateFeatures: the ones the swap suppresses and injects), kept
 * when selective by at least half of their mean activation; the figure marks state A's with ◆.
 */
function layerOneStates(run: Trained): Map<number, number> {
  const owner = new Map<number, number>();
  for (let state = 0; state < run.atlas.shape.states; state++) {
    for (const feature of stateFeatures(run.network, run.theta, run.transcoders[0], 1, state)) {
      if (feature.selectivity >= 0.5 * feature.meanActivation) owner.set(feature.latent, state);
    }
  }
  return owner;
}

/** Per layer, the state and the kind of question each feature is selective for: the figure's names. */
export interface LatentNames {
  state: [Map<number, number>, Map<number, number>];
  question: [Map<number, number>, Map<number, number>];
}

function latentNames(run: Trained): LatentNames {
  const { atlas, network } = run;
  const all = everyQuestion(network);
  const twoStep = Array.from({ length: atlas.cityCount }, (_, city) => twoStepRelations.map((relation) => atlas.ask(relation, city))).flat();
  const byKind = (layer: 1 | 2) => selectiveGroups(run, layer, all, (q) => kindOf(q.relation), questionKinds.length);
  return {
    state: [layerOneStates(run), selectiveGroups(run, 2, twoStep, (q) => atlas.stateOfCity(q.subject), atlas.shape.states)],
    question: [byKind(1), byKind(2)],
  };
}

/** A feature is named by where it fires: the state it is selective for, else the kind of question, else its index. */
function featureLabel(names: LatentNames, layer: 1 | 2, latent: number): { label: string; state?: number } {
  const at = layer === 1 ? 0 : 1;
  const state = names.state[at].get(latent);
  if (state !== undefined) return { label: `state = ${state}`, state };
  const kind = names.question[at].get(latent);
  return { label: kind === undefined ? `feature ${latent}` : questionKinds[kind]! };
}

function promptGraph(run: Trained, city: number, relation: TwoStepRelation, names: LatentNames): PromptGraph {
  const { atlas, network, theta, transcoders } = run;
  const question = atlas.ask(relation, city);
  const graph = attributionGraph(network, theta, transcoders, question);
  const outgoing = (id: string) => graph.edges.filter((edge) => edge.from === id).reduce((sum, edge) => sum + edge.weight, 0);
  const output = graph.nodes.find((node) => node.kind === 'output')!;
  const nodes: FigureNode[] = graph.nodes.map((node): FigureNode => {
    if (node.kind === 'token') return { id: node.id, kind: 'token', layer: 0, label: node.id === 'token:relation' ? (relation === 'capital-of-city' ? 'asks capital' : 'asks region') : node.label, value: 1 };
    if (node.kind === 'error') return { id: node.id, kind: 'error', layer: node.layer, label: `error ${node.layer}`, value: r3(outgoing(node.id)) };
    if (node.kind === 'output') return { id: node.id, kind: 'output', layer: 3, label: entityLabel(atlas, node.answer), value: r3(node.logit) };
    return { id: node.id, kind: 'feature', layer: node.layer, ...featureLabel(names, node.layer, node.latent), value: r3(node.activation) };
  });
  return {
    city,
    relation,
    heldOut: atlas.isHeldOut(city),
    state: atlas.stateOfCity(city),
    answer: entityLabel(atlas, question.answer),
    modelAnswer: entityLabel(atlas, output.answer),
    replacementAgrees: replacementFidelity(network, theta, transcoders, [question]) === 1,
    nodes,
    edges: graph.edges.map((edge) => [edge.from, edge.to, r3(edge.weight)]),
    outputBias: r3(graph.bias.output!),
  };
}

/** The swap and its control for every ordered pair of states (the random direction seeded by the pair). */
function swapTable(run: Trained, seed: number) {
  const { atlas, network, theta, transcoders } = run;
  const states = atlas.shape.states;
  return Array.from({ length: states }, (_, a) => Array.from({ length: states }, (_, b) => {
    if (a === b) return null;
    const random = createRandom(seed * 1000 + a * states + b + 7);
    const direction = Float64Array.from({ length: network.shape.hidden }, () => random.normal());
    const swap = swapStateFeature(network, theta, transcoders[0], 1, a, b);
    const control = swapStateFeature(network, theta, transcoders[0], 1, a, b, direction);
    return {
      swap: { capital: r3(swap.capitalMoved), region: r3(swap.regionMoved) },
      random: { capital: r3(control.capitalMoved), region: r3(control.regionMoved) },
      sameRegion: atlas.regionOfState[a] === atlas.regionOfState[b],
    };
  }));
}

async function train(seed: number): Promise<Trained> {
  const run = await trainAtlas({ ...defaultAtlasSettings, seed });
  return { ...run, transcoders: await trainTranscoders(run.network, run.theta, { ...transcoderSettings, seed }) };
}

export async function computeData(): Promise<AttributionFigureData> {
  const run = await train(summarySeeds[0]);
  const { atlas } = run;
  // Per state: its first city (two-step questions trained) and its held-out city.
  const cities = Array.from({ length: atlas.shape.states }, (_, state) => [state * atlas.shape.citiesPerState, (state + 1) * atlas.shape.citiesPerState - 1]).flat();
  const names = latentNames(run);
  const withoutDecay: { capital: number; region: number }[] = [];
  for (const seed of summarySeeds) {
    const { network, theta, atlas: world } = await trainAtlas({ ...defaultAtlasSettings, seed, weightDecay: 0 });
    const heldOut = (relation: TwoStepRelation) => accuracy(network, theta, world.heldOut.filter((q) => q.relation === relation));
    withoutDecay.push({ capital: heldOut('capital-of-city'), region: heldOut('region-of-city') });
  }
  return {
    seed: summarySeeds[0],
    states: atlas.shape.states,
    citiesPerState: atlas.shape.citiesPerState,
    regionOfState: [...atlas.regionOfState],
    network: {
      entities: atlas.entityCount,
      embedding: run.network.shape.embedding,
      hidden: run.network.shape.hidden,
      parameters: run.network.layout.size,
      steps: defaultAtlasSettings.steps,
      weightDecay: defaultAtlasSettings.weightDecay,
      trainingQuestions: atlas.training.length,
      heldOutQuestions: atlas.heldOut.length,
      heldOutCities: atlas.heldOut.length / 2,
    },
    transcoder: { width: transcoderSettings.width, k: transcoderSettings.k },
    fidelity: r3(replacementFidelity(run.network, run.theta, run.transcoders, everyQuestion(run.network))),
    graphs: cities.flatMap((city) => twoStepRelations.map((relation) => promptGraph(run, city, relation, names))),
    swaps: swapTable(run, summarySeeds[0]),
    withoutWeightDecay: {
      seeds: summarySeeds.length,
      heldOutCapital: range(withoutDecay.map((s) => s.capital)),
      heldOutRegion: range(withoutDecay.map((s) => s.region)),
      composingThreshold,
      composingSeeds: withoutDecay.filter((s) => s.capital >= composingThreshold && s.region >= composingThreshold).length,
    },
    regionChance: r3(1 / atlas.shape.regions),
  };
}
