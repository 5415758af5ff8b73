/**
 * Pure functions from (settings, build-time data) to what the figure draws: the prompt's graph pruned at the
 * threshold and laid out for LayeredGraph, the output check (edges + bias = logit), and the swap readout.
 */
import { fixed2 } from '../shared/format.ts';
import type { GraphEdge, GraphLayer, GraphNode } from '../shared/layered-graph.ts';
import type { AttributionFigureData, FigureNode, PromptGraph, SwapRates } from './data.ts';
import type { Settings } from './settings.ts';

/** Titles only: a subtitle would run into the name of a full column's top node. */
export const graphLayers: GraphLayer[] = [{ title: 'Input' }, { title: 'Layer 1' }, { title: 'Layer 2' }, { title: 'Output' }];

export function selectGraph(data: AttributionFigureData, settings: Pick<Settings, 'state' | 'city' | 'relation'>): PromptGraph {
  const relation = settings.relation === 'capital' ? 'capital-of-city' : 'region-of-city';
  const graph = data.graphs.find((g) => g.state === settings.state && g.heldOut === (settings.city === 'held-out') && g.relation === relation);
  if (!graph) throw new Error(`attribution-graph: no graph for state ${settings.state}, ${settings.city} city, ${relation}`);
  return graph;
}

export interface PrunedGraph {
  nodes: FigureNode[];
  edges: [string, string, number][];
  /** Edges hidden by the threshold. */
  hiddenEdges: number;
}

/**
 * Keeps edges at least `threshold` × the largest |edge|; drops features and error nodes left with no kept edge
 * (tokens and the output always stay, so the drawing keeps its frame).
 */
export function pruneGraph(graph: PromptGraph, threshold: number): PrunedGraph {
  const largest = Math.max(...graph.edges.map(([, , w]) => Math.abs(w)));
  let edges = graph.edges.filter(([, , w]) => Math.abs(w) >= threshold * largest);
  // Dropping a node can strand another, so repeat until nothing changes.
  for (;;) {
    const connected = (id: string) => edges.some(([from, to]) => from === id || to === id);
    const nodes = graph.nodes.filter((node) => node.kind === 'token' || node.kind === 'output' || connected(node.id));
    const kept = new Set(nodes.map((node) => node.id));
    const next = edges.filter(([from, to]) => kept.has(from) && kept.has(to));
    if (next.length === edges.length) return { nodes, edges, hiddenEdges: graph.edges.length - edges.length };
    edges = next;
  }
}

const formatValue = (node: FigureNode) => (node.kind === 'token' ? '' : fixed2(node.value));

/** The accessible name: the visible "name: value" first (see GraphNode.description), then what the node is. */
function nodeDescription(node: FigureNode, marked: boolean): string {
  const name = node.label;
  const visible = `${name}: ${formatValue(node)}`;
  if (node.kind === 'token') return `${name}: input token`;
  if (node.kind === 'output') return `${visible}. The output: the network's score (logit) for ${node.label}`;
  if (node.kind === 'error') return `${visible}. Error node of layer ${node.layer}: what the transcoder misses on this prompt, as its total direct contribution`;
  return `${visible}. Layer-${node.layer} feature, activation ${formatValue(node)}${marked ? '; marked with a diamond (◆): the intervention suppresses it' : ''}`;
}

/** LayeredGraph's nodes and edges for a pruned graph: columns by layer, error nodes last in their column. */
export function graphDrawing(pruned: PrunedGraph, stateA: number): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const features = pruned.nodes.filter((node) => node.kind === 'feature');
  const largestActivation = Math.max(1e-9, ...features.map((node) => node.value));
  const largestEdge = Math.max(1e-9, ...pruned.edges.map(([, , w]) => Math.abs(w)));
  const rowInColumn = new Map<number, number>();
  const ordered = [...pruned.nodes].sort((a, b) => a.layer - b.layer || Number(a.kind === 'error') - Number(b.kind === 'error'));
  const nodes = ordered.map((node): GraphNode => {
    const index = rowInColumn.get(node.layer) ?? 0;
    rowInColumn.set(node.layer, index + 1);
    const strength = node.kind === 'feature' ? node.value / largestActivation : node.kind === 'error' ? node.value / largestEdge : node.kind === 'output' ? 1 : 0.25;
    const marked = node.kind === 'feature' && node.layer === 1 && node.state === stateA;
    return { id: node.id, layer: node.layer, index, name: node.label, value: formatValue(node), strength, marked, description: nodeDescription(node, marked) };
  });
  return { nodes, edges: pruned.edges.map(([from, to, weight]) => ({ from, to, weight })) };
}

/** Edges into the output, the bias and the logit: the identity the graph is exact by. */
export function outputCheck(graph: PromptGraph) {
  const into = graph.edges.filter(([, to]) => to === 'output');
  const sum = into.reduce((total, [, , w]) => total + w, 0);
  const error = into.filter(([from]) => from.startsWith('error')).reduce((total, [, , w]) => total + Math.abs(w), 0);
  const logit = graph.nodes.find((node) => node.kind === 'output')!.value;
  return { sum, bias: graph.outputBias, logit, errorShare: error / into.reduce((total, [, , w]) => total + Math.abs(w), 0) };
}

export interface SwapReadout {
  stateA: number;
  stateB: number;
  /** Null when B = A: nothing to swap. */
  rates: { swap: SwapRates; random: SwapRates; sameRegion: boolean } | null;
  /** Cities of state A the rates are over. */
  cities: number;
}

export function swapReadout(data: AttributionFigureData, settings: Pick<Settings, 'state' | 'swapTo'>): SwapReadout {
  return { stateA: settings.state, stateB: settings.swapTo, rates: data.swaps[settings.state]?.[settings.swapTo] ?? null, cities: data.citiesPerState };
}

export interface SwapBar {
  key: string;
  label: string;
  share: number;
  /** Bar length in the drawing's units. */
  length: number;
  y: number;
  control: boolean;
}

/** Four bars: capital and region answers moved by the swap and by the random push (region omitted when it cannot tell). */
export function swapBars(readout: SwapReadout, width = 200, rowHeight = 22): SwapBar[] {
  if (!readout.rates) return [];
  const { swap, random, sameRegion } = readout.rates;
  const rows: [string, string, number, boolean][] = [
    ['capital-swap', 'capital, swap', swap.capital, false],
    ['capital-random', 'capital, random push', random.capital, true],
    ...(sameRegion ? [] : ([['region-swap', 'region, swap', swap.region, false], ['region-random', 'region, random push', random.region, true]] as [string, string, number, boolean][])),
  ];
  return rows.map(([key, label, share, control], i) => ({ key, label, share, length: share * width, y: i * rowHeight, control }));
}
