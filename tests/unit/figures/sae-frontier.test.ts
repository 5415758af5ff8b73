// The frontier figure draws the lab's sweep (data.json, checked against the lab by data.test.ts) and says in
// words exactly what it draws.
import { expect, test } from 'vitest';
import { experimentDefaults } from '../../../src/lab/sae-experiment.ts';
import { frontierGrid } from '../../../src/lab/sae-sweep.ts';
import { describeFrontier } from '../../../src/figures/sae-frontier/describe.ts';
import figure from '../../../src/figures/sae-frontier/figure.ts';
import { defaultRun, fixed2, fixed3, pointName } from '../../../src/figures/sae-frontier/view-model.ts';
import { defaultValues } from '../../../src/lib/url-state.ts';
import { decode, renderFigure } from './render.ts';

const data = figure.data;

test('the sweep covers the lab’s grid; along λ, L0 falls; TopK never exceeds k', () => {
  expect(data.l1.map((p) => p.value)).toEqual([...frontierGrid.l1]);
  expect(data.topk.map((p) => p.value)).toEqual([...frontierGrid.topk]);
  for (let i = 1; i < data.l1.length; i++) expect(data.l1[i]!.l0).toBeLessThan(data.l1[i - 1]!.l0);
  for (const point of data.topk) expect(point.l0).toBeLessThanOrEqual(point.value);
});

test('the default run is the sweep point at the dictionary figure’s defaults', () => {
  const run = defaultRun(data, experimentDefaults.l1Coefficient, experimentDefaults.featureProbability);
  expect(run.value).toBe(experimentDefaults.l1Coefficient);
  expect(run.trainedInBrowser).toBe(false);
  expect(run.mmcs).toBeGreaterThanOrEqual(0.9);
});

test('the server render draws each sweep point in all three panels, and the run once per panel', () => {
  const html = renderFigure('sae-frontier');
  expect(html.match(/sf-mark--l1/g)).toHaveLength(3 * data.l1.length + 1); // + the legend's key
  expect(html.match(/sf-mark--topk/g)).toHaveLength(3 * data.topk.length + 1);
  expect(html.match(/sf-mark--reader/g)).toHaveLength(3 + 1);
});

test('every number of the text alternative is the lab’s; the curves setting filters the rows', () => {
  const values = defaultValues(figure.params);
  const run = defaultRun(data, experimentDefaults.l1Coefficient, experimentDefaults.featureProbability);
  const alternative = describeFrontier(values, data, run);
  const points = [...data.l1, ...data.topk];
  expect(alternative.table.rows).toEqual(points.map((p) => [pointName(p), fixed2(p.l0), fixed3(p.fractionOfVarianceUnexplained), `${p.deadLatents}`, fixed3(p.mmcs)]));
  expect(alternative.summary).toContain(`L0 ${fixed2(run.l0)}`);
  expect(describeFrontier({ ...values, curves: 'topk' }, data, run).table.rows).toHaveLength(data.topk.length);
  expect(decode(renderFigure('sae-frontier'))).toContain(alternative.summary);
});
