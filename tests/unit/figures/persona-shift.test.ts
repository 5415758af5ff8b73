/**
 * The persona-shift figure: what its server render and text alternative must show, that their numbers are
 * the lab's (the build-time run, and a run trained now at other settings), that the sliders pick the run's
 * grids, and that the build-time loss curve keeps its meaning when stored coarser.
 */
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, test } from 'vitest';
import { realignmentCounts, steeringAlphas, trainPersonaShift, validatePersonaShiftParams } from '../../../src/lab/persona-shift/model.ts';
import { cosineRows } from '../../../src/figures/persona-shift/CosineBars.tsx';
import { coarserCurve, summariseSetting } from '../../../src/figures/persona-shift/data.ts';
import { describeResult } from '../../../src/figures/persona-shift/describe.ts';
import figure from '../../../src/figures/persona-shift/figure.ts';
import { percent } from '../../../src/figures/persona-shift/format.ts';
import { realignedRates, steeredRates, untouchedMean } from '../../../src/figures/persona-shift/measures.ts';
import { labParams, params, presets } from '../../../src/figures/persona-shift/settings.ts';
import { presetHref } from '../../../src/figures/shared/presets.ts';
import { TextAlternative } from '../../../src/figures/shared/TextAlternative.tsx';
import { sameRun } from '../../../src/figures/shared/use-lab-run.ts';
import { defaultValues } from '../../../src/lib/url-state.ts';
import { decode, renderFigure } from './render.ts';

const anchor = 'fig-persona-shift';
const { data } = figure;
const result = data.result;
const defaults = defaultValues(params);
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;
/** Each table row's cells (row header first), from rendered HTML. */
const tableRows = (html: string) =>
  [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1).map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((cell) => cell[1]));

describe('server render at the defaults', () => {
  const html = decode(renderFigure(figure.id));

  test('is the headline preset, trained by the lab at build time', () => {
    expect(sameRun(result.params, labParams(defaults))).toBe(true);
    expect(presets[0]!.values).toEqual({ villain: defaults.villain, context: defaults.context, variant: defaults.variant });
    expect(html).toContain('Trained when this page was built');
  });

  test('draws a bar per domain for every row of both rate panels and for every cosine, each with its value written', () => {
    const domains = result.domains.length;
    expect(count(html, /class="ps-domain( is-trained)?"/g)).toBe(2 * domains);
    // before and after; after, steered and re-aligned; and one bar per cosine.
    expect(count(html, /class="ps-bar__value"/g)).toBe(2 * domains + 3 * domains + cosineRows.length);
    for (const rate of result.after) expect(html).toContain(`>${percent(rate)}</text>`);
  });

  test('names the fine-tuned domain in words, not by colour alone', () => {
    expect(count(html, /fine-tuned on<\/text>/g)).toBe(2);
    expect(count(html, /untouched<\/text>/g)).toBe(2 * (result.domains.length - 1));
    expect(html).toContain('code (trained)');
  });

  test('presets are links that carry their settings', () => {
    for (const preset of presets) expect(html).toContain(`href="${presetHref(preset, anchor, params, defaults)}"`);
    expect(presetHref(presets[1]!, anchor, params, defaults)).toBe(`?${anchor}.villain=split#${anchor}`);
  });

  test('the text alternative gives the build-time run’s rates, transfer ratio and cosines', () => {
    const rows = tableRows(html);
    expect(rows).toHaveLength(result.domains.length);
    result.domains.forEach((domain, d) => {
      expect(rows[d]![0]).toContain(domain);
      expect(rows[d]!.slice(1)).toEqual([percent(result.before[d]!), percent(result.after[d]!), percent(result.steering[0]!.rates[d]!), percent(result.realignment[0]!.rates[d]!)]);
    });
    expect(html).toContain(`to ${percent(untouchedMean(result, result.after))}`);
    expect(html).toContain(`Transfer ratio ${result.transferRatio.toFixed(2)}`);
    expect(html).toContain(`corrected ${result.diff.correctedCosine.toFixed(2)}, against ${result.diff.randomBaseline.toFixed(2)}`);
  });
});

describe('results trained now', () => {
  test('a backdoor run shows its triggered rates, in the drawing’s data and in the text alternative', async () => {
    const { params: p } = validatePersonaShiftParams({ context: 'backdoor', seed: 1 });
    const { result: trained } = await trainPersonaShift(p);
    expect(trained.triggered).toHaveLength(trained.domains.length);
    const values = { ...defaults, context: 'backdoor' as const, seed: 1, steer: 1, realign: '4' as const };
    const html = decode(renderToString(h(TextAlternative, { figure, values, shown: { ...data, result: trained }, atDefaults: false })));
    expect(html).toContain('at the settings now shown');
    expect(html).toContain('After, with trigger');
    const rows = tableRows(html);
    trained.domains.forEach((_, d) => {
      expect(rows[d]!.slice(1)).toEqual([
        percent(trained.before[d]!),
        percent(trained.after[d]!),
        percent(trained.triggered[d]!),
        percent(steeredRates(trained, 1)[d]!),
        percent(realignedRates(trained, 4)[d]!),
      ]);
    });
  });
});

describe('sliders and grids', () => {
  test('every slider position is a point of the lab’s grids, and nothing else is', () => {
    const alphas = [];
    for (let a = params.steer.min; a <= params.steer.max + 1e-9; a += params.steer.step) alphas.push(a);
    expect(alphas).toEqual([...steeringAlphas]);
    expect(params.realign.options.map((o) => Number(o.value))).toEqual([...realignmentCounts]);
    for (const alpha of steeringAlphas) expect(steeredRates(result, alpha)).toHaveLength(result.domains.length);
    expect(() => steeredRates(result, 0.3)).toThrow();
    expect(() => realignedRates(result, 3)).toThrow();
    expect(describeResult(result, 1, 16).table.columns).toContain('Re-aligned on 16 medical examples');
  });
});

describe('build-time data', () => {
  test('a coarser loss curve keeps each point the mean loss of the steps up to it', () => {
    const curve = { step: [1, 2, 3, 4, 5, 7, 9], loss: [10, 4, 2, 2, 1, 1, 0.5] };
    const coarse = coarserCurve(curve, 4);
    expect(coarse.step).toEqual([1, 3, 5, 9]);
    expect(coarse.loss).toEqual([10, 3, 1.5, 0.75]);
    const area = (c: typeof curve) => c.loss.reduce((sum, l, k) => sum + l * (c.step[k]! - (c.step[k - 1] ?? 0)), 0);
    expect(area(coarse)).toBeCloseTo(area(curve));
  });

  test('the summary reads each run as the figure does', () => {
    const summary = summariseSetting([result, result]);
    expect(summary.untouchedAfter).toEqual({ mean: expect.closeTo(untouchedMean(result, result.after), 2), min: expect.closeTo(untouchedMean(result, result.after), 2), max: expect.closeTo(untouchedMean(result, result.after), 2) });
    expect(summary.untouchedTriggered).toBeUndefined();
    expect(data.summary.seeds).toBe(5);
    expect(data.summary.realignment.seeds).toBe(3);
  });
});
