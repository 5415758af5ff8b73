/** The figure kit's shared pieces on their own: formats, the run hook's pure helpers, the heat map, the layered graph and the steady button. */
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, test } from 'vitest';
import { fixed2, integer, lossFormat, signed2 } from '../../../src/figures/shared/format.ts';
import { HeatMap, heatExtent, heatShade } from '../../../src/figures/shared/HeatMap.tsx';
import { LayeredGraph } from '../../../src/figures/shared/LayeredGraph.tsx';
import { layerSizesOf, nodePosition, pathThrough, type GraphEdge, type GraphNode } from '../../../src/figures/shared/layered-graph.ts';
import { LossCurve } from '../../../src/figures/shared/LossCurve.tsx';
import { durationText, observeRun } from '../../../src/figures/shared/run-estimate.ts';
import { SteadyButton } from '../../../src/figures/shared/SteadyButton.tsx';
import { lossSeries, runFraction, sameRun } from '../../../src/figures/shared/use-lab-run.ts';
import { decode } from './render.ts';

describe('format', () => {
  test('writes numbers the same way everywhere', () => {
    expect([fixed2(0.3), signed2(0.3), signed2(-1.25), lossFormat(0.012345), integer(10000)]).toEqual(['0.30', '+0.30', '−1.25', '0.0123', '10,000']);
  });
});

describe('run hook helpers', () => {
  test('sameRun compares only the parameters asked for', () => {
    const trained = { n: 5, m: 2, steps: 100 };
    expect(sameRun(trained, { n: 5, m: 2 })).toBe(true);
    expect(sameRun(trained, { n: 5, m: 3 })).toBe(false);
  });

  test('runFraction counts restarts and is 1 when nothing runs', () => {
    const progress = { step: 50, steps: 100, loss: 0.1, metrics: { restart: 1 } };
    expect(runFraction({ status: 'running', result: {}, progress }, 4)).toBeCloseTo(1.5 / 4);
    expect(runFraction({ status: 'running', result: {}, progress: undefined }, 4)).toBe(0);
    expect(runFraction({ status: 'idle', result: {} })).toBe(1);
  });

  test('lossSeries shows the live losses while running, else the shown result’s curve', () => {
    const result = { params: { steps: 300 }, lossCurve: { step: [1, 300], loss: [1, 0.1] } };
    const live = { restart: 0, step: [10, 20], loss: [0.9, 0.8] };
    const running = lossSeries({ lab: { state: { status: 'running', result, progress: { step: 20, steps: 400, loss: 0.8, metrics: {} } } }, live }, 'A');
    expect(running).toEqual({ name: 'A', steps: 400, step: [10, 20], loss: [0.9, 0.8] });
    expect(lossSeries({ lab: { state: { status: 'idle', result } }, live }, 'A')).toEqual({ name: 'A', steps: 300, step: [1, 300], loss: [1, 0.1] });
  });
});

describe('run estimate', () => {
  test('a finished run sets the rate per unit of work; a cancelled one leaves it as it was', () => {
    const reference = { rate: 1e-6 };
    const started = observeRun(reference, true, false, 2000, 100);
    expect(started).toEqual({ rate: 1e-6, started: { at: 100, work: 2000 } });
    expect(observeRun(started, true, false, 9999, 400)).toBe(started);
    expect(observeRun(started, false, true, 2000, 1100)).toEqual({ rate: 0.0005 });
    expect(observeRun(started, false, false, 2000, 1100)).toEqual({ rate: 1e-6 });
    expect(observeRun(reference, false, true, 2000, 1100)).toBe(reference);
  });

  test('says a duration the way a reader would', () => {
    expect([0.3, 2.6, 40, 150].map(durationText)).toEqual(['under a second', 'about 3 s', 'about 40 s', 'about 3 min']);
  });
});

describe('LossCurve', () => {
  test('draws one named line per series, the second dashed', () => {
    const html = renderToString(
      h(LossCurve, { caption: 'two curves', series: [{ name: 'first', steps: 10, step: [0, 5, 10], loss: [1, 0.5, 0.2] }, { name: 'second', steps: 10, step: [0, 10], loss: [1, 0.4] }] }),
    );
    expect(html).toContain('aria-label="two curves"');
    expect(html).toMatch(/class="fig-curve fig-curve--solid" data-series="first"><path d="M[^"]+L[^"]+L/);
    expect(html).toContain('class="fig-curve fig-curve--dashed" data-series="second"');
  });
});

describe('HeatMap', () => {
  const values = [
    [1, -0.5],
    [-0.5, 0.25],
  ];
  const render = (v: number[][], maxValueCells?: number) =>
    renderToString(h(HeatMap, { values: v, title: 'T', subtitle: 'S', label: 'L', box: { width: 240, height: 260 }, grid: { x: 42, y: 50, size: 170 }, ...(maxValueCells ? { maxValueCells } : {}) }));

  test('the scale is symmetric around zero and shades come in eighths', () => {
    expect(heatExtent(values)).toBe(1);
    expect(heatShade(-0.5, 1)).toBe(0.5);
    expect(heatShade(0.01, 1)).toBe(0.125);
  });

  test('writes signed values with a true minus when they fit, else slashes negative cells', () => {
    const html = decode(render(values));
    expect(html.match(/class="fig-cell__value/g)).toHaveLength(4);
    expect(html).toContain('−0.50');
    const small = render(values, 1);
    expect(small).not.toContain('fig-cell__value');
    expect(small).toMatch(/class="fig-cell__slashes"[^>]*d="M[^"]+l[^"]+M/);
  });

  test('names rows and columns, outlines one cell, and puts the legend under a map wider than tall', () => {
    const html = decode(renderToString(h(HeatMap, {
      values: [[0.5, 1, -1]], title: 'T', subtitle: 'S', label: 'L', box: { width: 240, height: 160 }, grid: { x: 60, y: 40, size: 150 },
      rowLabels: ['layer'], columnLabels: ['a', 'b', 'c'], highlight: { row: 0, column: 2 },
    })));
    expect(html).toContain('>layer</text>');
    expect(html).toContain('>c</text>');
    expect(html).not.toMatch(/>1<\/text>/);
    expect(html).toMatch(/class="fig-heatmap__highlight" x="161.50" y="41.50" width="47.00" height="47.00"/);
    expect(html).toMatch(/<rect class="fig-cell fig-cell--neg" x="60.00" y="106"/); // 40 + one 50-px row + 16
  });
});

describe('LayeredGraph', () => {
  const nodes: GraphNode[] = [
    { id: 'a', layer: 0, index: 0, name: 'a', value: '1', strength: 1 },
    { id: 'b', layer: 0, index: 1, name: 'b', value: '0', strength: 0 },
    { id: 'c', layer: 1, index: 0, name: 'c', value: '−1', strength: -1, selectable: true },
    { id: 'd', layer: 2, index: 0, name: 'd', value: '1', strength: 1 },
  ];
  const edges: GraphEdge[] = [
    { from: 'a', to: 'c', weight: 2 },
    { from: 'b', to: 'c', weight: -1 },
    { from: 'c', to: 'd', weight: 0.5 },
    { from: 'b', to: 'd', weight: 0.1 },
  ];
  const layers = [{ title: 'in' }, { title: 'mid' }, { title: 'out' }];

  test('lays layers out left to right and centres each column', () => {
    const sizes = layerSizesOf(nodes, 3);
    expect(sizes).toEqual([2, 1, 1]);
    const [ax, ay] = nodePosition(sizes, 0, 0);
    const [bx, by] = nodePosition(sizes, 0, 1);
    const [cx, cy] = nodePosition(sizes, 1, 0);
    expect(ax).toBe(bx);
    expect(cx).toBeGreaterThan(ax);
    expect(cy).toBeCloseTo((ay + by) / 2);
  });

  test('a box may leave more room left of the first layer, for names written above its nodes', () => {
    const box = { width: 440, height: 320, radius: 22 };
    const sizes = [2, 1];
    expect(nodePosition(sizes, 0, 0, box)[0]).toBe(30);
    expect(nodePosition(sizes, 0, 0, { ...box, left: 60 })[0]).toBe(60);
    expect(nodePosition(sizes, 1, 0, { ...box, left: 60 })[0]).toBe(nodePosition(sizes, 1, 0, box)[0]);
  });

  test('the path through a node is its ancestors, its descendants and the edges between', () => {
    const path = pathThrough(edges, 'c');
    expect([...path.nodes].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(path.edges.has(edges[3]!)).toBe(false);
    expect(path.edges.size).toBe(3);
    expect([...pathThrough(edges, 'a').nodes].sort()).toEqual(['a', 'c', 'd']);
  });

  test('a pinned node’s incoming edges stand out with their weights; the rest fade', () => {
    const html = decode(renderToString(h(LayeredGraph, { layers, nodes, edges, label: 'g', pinned: 'c' })));
    expect(html.match(/class="fig-edge [^"]*is-incoming/g)).toHaveLength(2);
    expect(html.match(/class="fig-edge [^"]*is-faded/g)).toHaveLength(2);
    expect([...html.matchAll(/class="fig-edge-weight"[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual(['+2.00', '−1.00']);
    expect(html).toContain('role="img"');
    expect(html).not.toContain('tabindex');
  });

  test('explorable nodes are labelled tab stops in a group', () => {
    const html = renderToString(h(LayeredGraph, { layers, nodes, edges, label: 'g', explorable: true, onSelect: () => undefined }));
    expect(html).toContain('role="group"');
    expect(html.match(/tabindex="0"/g)).toHaveLength(4);
    expect(html).toContain('aria-label="c: −1"');
    expect(html.match(/aria-pressed/g)).toHaveLength(1);
  });
});

describe('SteadyButton', () => {
  const labels = ['Cancel training', 'Train again'];
  test('holds every label in one place, shows the current one and names the button by it alone', () => {
    const html = renderToString(h(SteadyButton, { label: 'Train again', labels, onClick: () => undefined }));
    const spans = [...html.matchAll(/<span([^>]*)>([^<]*)<\/span>/g)].map(([, attributes, text]) => ({ text, hidden: /aria-hidden="true"/.test(attributes!) && /fig-steady-button__spare/.test(attributes!) }));
    expect(spans).toEqual([{ text: 'Cancel training', hidden: true }, { text: 'Train again', hidden: false }]);
    expect(html).toMatch(/^<button type="button" class="fig-steady-button">/);
  });

  test('a label missing from the list is shown too, and disabled passes through', () => {
    const html = renderToString(h(SteadyButton, { label: 'Stop', labels, disabled: true, onClick: () => undefined }));
    expect(html).toContain(' disabled');
    expect([...html.matchAll(/<span[^>]*>([^<]*)<\/span>/g)].map((m) => m[1])).toEqual(['Stop', 'Cancel training', 'Train again']);
  });
});
