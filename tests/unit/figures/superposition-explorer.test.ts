/** What the superposition explorer must show and mean, checked on its server render, its views and its URL state. */
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, test } from 'vitest';
import { featureGeometry, trainSuperposition, validateSuperpositionParams } from '../../../src/lab/superposition.ts';
import { problemSentence } from '../../../src/figures/shared/FigureStatus.tsx';
import { describeResults } from '../../../src/figures/superposition-explorer/describe.ts';
import figure from '../../../src/figures/superposition-explorer/figure.ts';
import { FeatureBars } from '../../../src/figures/superposition-explorer/FeatureBars.tsx';
import { FeaturePlane } from '../../../src/figures/superposition-explorer/FeaturePlane.tsx';
import { GramHeatmap } from '../../../src/figures/superposition-explorer/ModelPanel.tsx';
import { sameRun } from '../../../src/figures/shared/use-lab-run.ts';
import { TextAlternative } from '../../../src/figures/shared/TextAlternative.tsx';
import { constrain, defaultSettings, labParams, presetMatches, presets, withChange } from '../../../src/figures/superposition-explorer/settings.ts';
import { liveView, resultView } from '../../../src/figures/superposition-explorer/view-model.ts';
import { defaultValues, queryString, readParams, writeParams } from '../../../src/lib/url-state.ts';
import { decode, renderFigure } from './render.ts';

const { data, params } = figure;
const anchor = 'fig-superposition-explorer';
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;
/** Cells of the heat map: square subpaths of its shade groups (the legend's swatches are outside this group). */
const cells = (html: string) => {
  const group = /<g class="fig-cells">([\s\S]*?)<\/g>/.exec(html)?.[1] ?? '';
  const squares = count(group, /M[\d.]+,[\d.]+h[\d.]+v[\d.]+h-[\d.]+z/g);
  const declared = [...group.matchAll(/data-cells="(\d+)"/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  expect(declared).toBe(squares);
  return squares;
};

describe('server render at the defaults', () => {
  const html = renderFigure(figure.id);
  const n = data.relu.params.n;

  test('is the sparse, equal-importance preset, trained by the lab at build time', () => {
    expect(defaultValues(params)).toEqual(defaultSettings);
    expect(presetMatches(presets[0]!, defaultSettings)).toBe(true);
    expect(presets[0]!.label).toBe('Sparse, equal importance');
    expect(sameRun(data.relu.params, labParams(defaultSettings, 'relu'))).toBe(true);
    expect(sameRun(data.linear.params, labParams(defaultSettings, 'linear'))).toBe(true);
    expect(decode(html)).toContain('trained when this page was built');
  });

  test('draws one numbered arrow per feature (m = 2), n² heat-map cells and n bars of each kind', () => {
    expect(n).toBe(5);
    expect(count(html, /class="sx-arrow"/g)).toBe(n);
    const labels = [...html.matchAll(/class="sx-arrow__label"[^>]*>(\d+)</g)].map((m) => Number(m[1]));
    expect(labels).toEqual([1, 2, 3, 4, 5]);
    expect(cells(html)).toBe(n * n);
    expect(count(html, /class="sx-bar sx-bar--norm"/g)).toBe(n);
    expect(count(html, /class="sx-bar sx-bar--sharing"/g)).toBe(n);
  });

  test('the heat map has a legend and writes every value, so the sign is not colour alone', () => {
    expect(count(html, /class="fig-cell__value(?: is-strong)?"/g)).toBe(n * n);
    expect(html).toContain('class="fig-legend"');
  });

  test('labels the toy as a toy, and shows only the ReLU model until the linear one is asked for', () => {
    expect(decode(html)).toContain('A toy model');
    expect(count(html, /data-model="relu"/g)).toBe(1);
    expect(count(html, /data-model="linear"/g)).toBe(0);
  });

  test('the text alternative says it shows the defaults and has one row per feature', () => {
    const alternative = figure.describe(defaultValues(params), data);
    expect(alternative.table.rows).toHaveLength(n);
    expect(alternative.table.rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(alternative.summary).toContain('stores 5 of 5 features');
    expect(decode(html)).toContain('This describes the figure at its default settings.');
    expect(figure.describe({ ...defaultValues(params), linear: true }, data).table.columns).toContain('Linear model: length ‖Wᵢ‖');
  });
});

describe('the build-time result holds what the article says about it', () => {
  test('pentagon: each feature overlaps its two neighbours a little and the other two negatively; the bias is slightly negative', () => {
    const { W, gram, b } = data.relu;
    const order = [0, 1, 2, 3, 4].sort((i, j) => Math.atan2(W[1]![i]!, W[0]![i]!) - Math.atan2(W[1]![j]!, W[0]![j]!));
    order.forEach((feature, k) => {
      const neighbours = [order[(k + 1) % 5]!, order[(k + 4) % 5]!];
      for (let other = 0; other < 5; other++) {
        if (other === feature) continue;
        const overlap = gram[feature]![other]!;
        if (neighbours.includes(other)) expect(overlap).toBeGreaterThan(0.1);
        else expect(overlap).toBeLessThan(-0.5);
      }
    });
    for (const bias of b) expect(bias).toBeLessThan(0);
  });
});

describe('views of other results', () => {
  test('m ≠ 2: no arrows, a note to read the heat map; n = 20: 400 cells and 20 bars', async () => {
    const { params: p } = validateSuperpositionParams({ n: 20, m: 5, sparsity: 0.9, steps: 20, restarts: 1 });
    const view = resultView((await trainSuperposition(p)).result);
    const plane = renderToString(h(FeaturePlane, { view }));
    expect(count(plane, /class="sx-arrow"/g)).toBe(0);
    expect(decode(plane)).toContain('read the heat map');
    expect(cells(renderToString(h(GramHeatmap, { view })))).toBe(400);
    expect(count(renderToString(h(FeatureBars, { view })), /class="sx-bar sx-bar--norm"/g)).toBe(20);
  });

  test('a progress report is drawn with the lab’s own geometry of its W', () => {
    const W = data.relu.W;
    const live = liveView({ step: 10, steps: 100, loss: 0.1, metrics: { W, restart: 0 } }, { n: 5, m: 2, importanceDecay: 1, nonlinearity: 'relu' })!;
    expect(live.live).toBe(true);
    expect(live).toMatchObject(featureGeometry(Float64Array.from(W.flat()), 2, 5));
    live.featureNorms.forEach((norm, i) => expect(norm).toBeCloseTo(data.relu.featureNorms[i]!, 4));
    expect(liveView({ step: 1, steps: 1, loss: 1, metrics: { W: [[1]], restart: 0 } }, { n: 5, m: 2, importanceDecay: 1, nonlinearity: 'relu' })).toBeUndefined();
  });

  test('dropped features are listed as not stored instead of drawn', async () => {
    const { params: p } = validateSuperpositionParams({ n: 5, m: 2, sparsity: 0, importanceDecay: 0.7, steps: 1500, restarts: 3 });
    const { result } = await trainSuperposition(p);
    const view = resultView(result);
    const plane = decode(renderToString(h(FeaturePlane, { view })));
    expect(count(plane, /class="sx-arrow"/g)).toBe(2);
    expect(plane).toContain('Not stored (length < 0.1): 3, 4, 5');
    expect(describeResults(result).summary).toContain('stores 2 of 5 features');
  });

  test('the text alternative describes the result on screen, also one trained live', async () => {
    const { params: p } = validateSuperpositionParams({ n: 6, m: 2, sparsity: 0.9, seed: 3, steps: 50, restarts: 1 });
    const { result: trained } = await trainSuperposition(p);
    const values = { ...defaultSettings, n: 6, seed: 3 };
    const html = decode(renderToString(h(TextAlternative, { figure, values, shown: { relu: trained, linear: data.linear }, atDefaults: false })));
    expect(html).toContain('at the settings now shown');
    expect(html).toContain('n = 6 features');
    expect(html).toContain('seed 3');
    expect(html.match(/<tr>/g)).toHaveLength(1 + 6);
    const atBuild = decode(renderToString(h(TextAlternative, { figure, values: defaultSettings, atDefaults: true })));
    expect(atBuild).toContain('at its default settings');
    expect(atBuild).toContain(`n = ${data.relu.params.n} features`);
  });
});

describe('settings and URL state', () => {
  const changed = { n: 12, m: 7, sparsity: 0.37, importanceDecay: 0.81, linear: true, seed: 42 };

  test.each(Object.entries(changed))('%s survives a trip through the URL', (name, value) => {
    const values = { ...defaultValues(params), [name]: value };
    const query = queryString(writeParams('', anchor, params, values));
    expect(query).toContain(`${anchor}.${name}=`);
    const read = readParams(query, anchor, params);
    expect(read.problems).toEqual([]);
    expect(read.values).toEqual(values);
  });

  test('each preset is a shareable URL that restores it', () => {
    for (const preset of presets) {
      const query = queryString(writeParams('', anchor, params, { ...defaultValues(params), ...preset.values }));
      expect(presetMatches(preset, readParams(query, anchor, params).values)).toBe(true);
    }
    expect(queryString(writeParams('', anchor, params, { ...defaultValues(params), ...presets[1]!.values }))).toBe(
      `?${anchor}.sparsity=0&${anchor}.importanceDecay=0.7`,
    );
  });

  test.each([
    ['n', '21'],
    ['m', '0'],
    ['sparsity', '1'],
    ['importanceDecay', '0.4'],
    ['linear', 'yes'],
    ['seed', '-1'],
    ['n', '<script>alert(1)</script>'],
    ['sparsity', 'NaN'],
  ])('hostile %s=%s falls back to the default with the reset note', (name, raw) => {
    const read = readParams(new URLSearchParams([[`${anchor}.${name}`, raw]]), anchor, params);
    expect(read.values).toEqual(defaultValues(params));
    expect(read.problems).toHaveLength(1);
    expect(problemSentence(read.problems)).toMatch(/^Reset to defaults: this link’s /);
  });

  test('m stays below n: links are shown as n − 1, and changing n lowers m', () => {
    expect(constrain({ ...defaultSettings, n: 4, m: 9 }).m).toBe(3);
    expect(withChange(defaultSettings, 'n', 2).m).toBe(1);
    expect(withChange({ ...defaultSettings, n: 6 }, 'm', 8).m).toBe(5);
    expect(labParams({ ...defaultSettings, n: 3, m: 3 }, 'relu')).toMatchObject({ n: 3, m: 2 });
    expect(validateSuperpositionParams(labParams({ ...defaultSettings, n: 20, m: 10 }, 'relu')).corrections.every((c) => c.startsWith('steps:'))).toBe(true);
  });
});
