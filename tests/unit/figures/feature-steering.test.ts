/** What the steering figure must show and mean: the lab's numbers in the text alternative, marked topics, the α grid, the presets. */
import { describe, expect, test } from 'vitest';
import { describeSteering } from '../../../src/figures/feature-steering/describe.ts';
import { summarise } from '../../../src/figures/feature-steering/data.ts';
import figure from '../../../src/figures/feature-steering/figure.ts';
import { alphaIndex, presets, snapAlpha } from '../../../src/figures/feature-steering/settings.ts';
import { fixed2 } from '../../../src/figures/shared/format.ts';
import { alphaGrid, comparisons } from '../../../src/lab/steering/pipeline.ts';
import { defaultValues, readParams, writeParams } from '../../../src/lib/url-state.ts';
import { decode, renderFigure } from './render.ts';

const { data, params } = figure;
const result = data.result;
const anchor = 'fig-feature-steering';
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('server render at the defaults', () => {
  const html = renderFigure(figure.id);
  const defaults = defaultValues(params);
  const i = alphaIndex(defaults.alpha);

  test('shows seed 0, trained when the page was built, with the steered and control samples at the default α', () => {
    expect(result.params.seed).toBe(0);
    expect(decode(html)).toContain('trained when this page was built');
    const sentences = [...result.samples[defaults.method][i]!, ...(defaults.comparison === 'prompt' ? result.promptSamples : result.samples[defaults.comparison][i]!)];
    const lists = [...html.matchAll(/<ol class="fs-samples__list">([\s\S]*?)<\/ol>/g)].map((m) => m[1]!).join('');
    expect(count(lists, /<li>/g)).toBe(sentences.length);
  });

  test('marks every topic word by its initial as well as its colour', () => {
    const topicWords = [...result.samples[defaults.method][i]!, ...result.samples.randomLatent[i]!].flat().filter((w) => w.topic).length;
    // Plus the five in the topic key.
    expect(count(html, /class="fs-word__mark"/g)).toBe(topicWords + 5);
  });

  test('draws a line with a marker per α for every comparison in both charts', () => {
    expect(count(html, /class="fs-series fs-series--/g)).toBe(2 * comparisons.length);
    expect(count(html, /class="fs-chart"/g)).toBe(2);
  });

  test("the text alternative's numbers are the lab's", () => {
    const alt = describeSteering(defaults, result);
    alt.table.rows.forEach((row, k) => {
      expect(row[1]).toBe(fixed2(result.sweep[defaults.method][k]!.bridgeShare));
      expect(row[2]).toBe(fixed2(result.sweep[defaults.method][k]!.legality));
      expect(row[3]).toBe(fixed2(result.sweep.randomLatent[k]!.bridgeShare));
    });
    expect(alt.summary).toContain(`token AUROC ${fixed2(result.chosen.does.tokenAuroc)}`);
    expect(alt.summary).toContain(`bridge share ${fixed2(result.sweep.does[i]!.bridgeShare)}`);
    expect(decode(html)).toContain(alt.summary);
  });
});

describe('settings', () => {
  test('α snaps to the nearest point of the lab grid', () => {
    expect(alphaGrid.map((a) => alphaIndex(a))).toEqual(alphaGrid.map((_, k) => k));
    expect(alphaGrid[alphaIndex(2.75)]).toBe(3);
    expect(alphaGrid[alphaIndex(1.25)]).toBe(1);
  });

  test('the slider moves to the next grid α in the direction of the move, so arrow keys reach every point', () => {
    expect(snapAlpha(1.25, 1)).toBe(1.5);
    expect(snapAlpha(1.75, 2)).toBe(1.5);
    expect(snapAlpha(2.25, 2)).toBe(3);
    expect(snapAlpha(2.75, 3)).toBe(2);
    expect(snapAlpha(0.75, 0.5)).toBe(0.75);
    expect(snapAlpha(1.25, 1.25)).toBe(1);
  });

  test('presets round-trip through a shared link', () => {
    for (const preset of presets) {
      const values = { ...defaultValues(params), ...preset.values };
      const read = readParams(writeParams('', anchor, params, values), anchor, params);
      expect(read.values).toEqual(values);
    }
  });

  test('the prompt comparison describes the prompt, not a sweep', () => {
    const alt = describeSteering({ alpha: 1, method: 'fires', comparison: 'prompt' }, result);
    expect(alt.table.columns).toHaveLength(3);
    expect(alt.summary).toContain(`bridge share ${fixed2(result.prompt.bridgeShare)}`);
  });
});

describe('seed summary', () => {
  test('ranges cover each seed and count the seeds', () => {
    const summary = summarise([result]);
    expect(summary.seeds).toBe(1);
    expect(summary.bridgeShare.does.alpha05).toEqual({ min: result.sweep.does[2]!.bridgeShare, max: result.sweep.does[2]!.bridgeShare });
    expect(data.summary.seeds).toBe(3);
    expect(data.summary.bridgeShare.does.alpha05!.min).toBeLessThanOrEqual(result.sweep.does[2]!.bridgeShare);
  });
});
