/** What the attribution-graph figure must show and mean: an exact graph, pruning that keeps the drawing whole, the swap against its control. */
import { describe, expect, test } from 'vitest';
import { describeAttribution, swapText } from '../../../src/figures/attribution-graph/describe.ts';
import figure from '../../../src/figures/attribution-graph/figure.ts';
import { graphDrawing, outputCheck, pruneGraph, selectGraph, swapBars, swapReadout } from '../../../src/figures/attribution-graph/view-model.ts';
import { fixed2 } from '../../../src/figures/shared/format.ts';
import { defaultValues } from '../../../src/lib/url-state.ts';
import { decode, renderFigure } from './render.ts';

const { data, params } = figure;
const defaults = defaultValues(params);
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('the build-time graphs', () => {
  test('every graph is exact: edges into the output plus its constant equal the logit (to rounding)', () => {
    for (const graph of data.graphs) {
      const check = outputCheck(graph);
      expect(Math.abs(check.sum + check.bias - check.logit)).toBeLessThan(0.01 * Math.max(1, Math.abs(check.logit)));
    }
  });

  test('the default prompt is a held-out city answered correctly, through a marked "state = A" feature', () => {
    const graph = selectGraph(data, defaults);
    expect(graph.heldOut).toBe(true);
    expect(graph.modelAnswer).toBe(graph.answer);
    expect(graph.nodes.some((node) => node.kind === 'feature' && node.layer === 1 && node.state === defaults.state)).toBe(true);
  });
});

describe('pruning', () => {
  const graph = selectGraph(data, defaults);

  test('threshold 0 keeps every edge; a higher threshold keeps only edges at least that share of the largest', () => {
    expect(pruneGraph(graph, 0).edges).toHaveLength(graph.edges.length);
    const largest = Math.max(...graph.edges.map(([, , w]) => Math.abs(w)));
    const pruned = pruneGraph(graph, 0.3);
    expect(pruned.edges.every(([, , w]) => Math.abs(w) >= 0.3 * largest)).toBe(true);
    expect(pruned.hiddenEdges).toBe(graph.edges.length - pruned.edges.length);
  });

  test('tokens and the output always stay; every other node kept has an edge, and every edge joins kept nodes', () => {
    for (const threshold of [0, 0.1, 0.25, 0.5]) {
      const pruned = pruneGraph(graph, threshold);
      const ids = new Set(pruned.nodes.map((node) => node.id));
      expect(ids.has('output') && ids.has('token:relation') && ids.has('token:subject')).toBe(true);
      expect(pruned.edges.every(([from, to]) => ids.has(from) && ids.has(to))).toBe(true);
      for (const node of pruned.nodes.filter((n) => n.kind === 'feature' || n.kind === 'error')) {
        expect(pruned.edges.some(([from, to]) => from === node.id || to === node.id)).toBe(true);
      }
    }
  });

  test('the drawing puts each layer in its own column with consecutive rows, error nodes last', () => {
    const { nodes } = graphDrawing(pruneGraph(graph, 0), defaults.state);
    for (const layer of [0, 1, 2, 3]) {
      const column = nodes.filter((node) => node.layer === layer);
      expect(column.map((node) => node.index)).toEqual(column.map((_, i) => i));
      const errorAt = column.findIndex((node) => node.id.startsWith('error'));
      if (errorAt >= 0) expect(errorAt).toBe(column.length - 1);
    }
    const marked = nodes.filter((node) => node.marked);
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((node) => node.layer === 1 && node.description?.endsWith('the intervention suppresses it'))).toBe(true);
  });
});

describe('the swap readout', () => {
  test('B = A has nothing to swap; a pair sharing a region drops the region bars', () => {
    expect(swapReadout(data, { state: 2, swapTo: 2 }).rates).toBeNull();
    expect(swapBars(swapReadout(data, { state: 2, swapTo: 2 }))).toEqual([]);
    expect(swapText(swapReadout(data, { state: 2, swapTo: 2 }))).toMatch(/needs a state B other than/);
    const sharing = data.regionOfState.flatMap((region, a) => data.regionOfState.map((other, b) => [a, b, region === other && a !== b] as const)).find(([, , same]) => same)!;
    const readout = swapReadout(data, { state: sharing[0], swapTo: sharing[1] });
    expect(readout.rates?.sameRegion).toBe(true);
    expect(swapBars(readout).map((bar) => bar.key)).toEqual(['capital-swap', 'capital-random']);
  });

  test('bar lengths are proportional to the shares, controls marked', () => {
    const bars = swapBars(swapReadout(data, defaults), 200);
    const rates = data.swaps[defaults.state]![defaults.swapTo]!;
    expect(bars.find((bar) => bar.key === 'capital-swap')!.length).toBeCloseTo(200 * rates.swap.capital);
    expect(bars.filter((bar) => bar.control).map((bar) => bar.key)).toEqual(bars.filter((bar) => bar.key.endsWith('random')).map((bar) => bar.key));
  });
});

describe('server render at the defaults', () => {
  const html = renderFigure(figure.id);
  const graph = selectGraph(data, defaults);
  const pruned = pruneGraph(graph, defaults.threshold);

  test('draws one node per kept node and one line per kept edge, every node a tab stop', () => {
    expect(count(html, /class="fig-node fig-node--/g)).toBe(pruned.nodes.length);
    expect(count(html, /class="fig-edge fig-edge--/g)).toBe(pruned.edges.length);
    expect(count(html, /<g class="fig-node[^"]*"[^>]*tabindex="0"/g)).toBe(pruned.nodes.length);
  });

  test("the text alternative lists the kept edges with the lab's numbers and is rendered", () => {
    const alt = describeAttribution(defaults, data);
    expect(alt.table.rows).toHaveLength(pruned.edges.length);
    alt.table.rows.forEach((row, k) => expect(row[2]).toBe(fixed2(pruned.edges[k]![2])));
    expect(decode(html)).toContain(alt.summary);
  });
});
