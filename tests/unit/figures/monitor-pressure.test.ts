/** What "Train against the monitor" must show and mean, checked on its server render, its views and its preset links. */
import { describe, expect, test } from 'vitest';
import { cotMonitorEpisodeBudget, trainCotMonitor, validateCotMonitorParams } from '../../../src/lab/cot-monitor.ts';
import type { TrainingProgress } from '../../../src/lab/runner.ts';
import { describeResult } from '../../../src/figures/monitor-pressure/describe.ts';
import figure from '../../../src/figures/monitor-pressure/figure.ts';
import { defaultSettings, episodesToPlay, labParams, presetSettings, pressurePresets, referenceSecondsPerEpisode, regimes } from '../../../src/figures/monitor-pressure/settings.ts';
import { durationText } from '../../../src/figures/shared/run-estimate.ts';
import { liveCurves, percent, runProgress } from '../../../src/figures/monitor-pressure/view-model.ts';
import { sameRun } from '../../../src/figures/shared/use-lab-run.ts';
import { defaultValues, readParams } from '../../../src/lib/url-state.ts';
import { decode, renderFigure } from './render.ts';

const { params } = figure;
const data = figure.data.run;
const anchor = 'fig-monitor-pressure';
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('server render at the defaults', () => {
  const html = renderFigure(figure.id);
  const text = decode(html);

  test('is strong pressure after the unpressured run, written plan not needed, trained by the lab at build time', () => {
    expect(defaultValues(params)).toEqual(defaultSettings);
    expect(sameRun(data.params, labParams(defaultSettings))).toBe(true);
    expect(data.params).toMatchObject({ pressure: 2, pressureFrom: 'unpressured', necessity: 'off', synonyms: 'off' });
    expect(text).toContain('Trained when this page was built');
  });

  test('draws the four measures over both runs, the ROC with its marks, and four sample episodes of each agent', () => {
    for (const measure of ['hackRate', 'cotRecall', 'actionRecall', 'undetectedRate']) {
      // The curve in the wide and the narrow drawing, and its legend sample.
      expect(count(html, new RegExp(`<path class="mp-line mp-line--${measure}" d="M`, 'g'))).toBe(3);
    }
    expect(count(html, /class="mp-roc__line mp-roc__line--(?:before|after)" d="M/g)).toBe(4);
    expect(count(html, /class="mp-mark mp-mark--(?:before|after|action)"/g)).toBe(6);
    expect(count(html, /<li class="mp-pad"/g)).toBe(8);
    expect(text).toContain('not a language model');
  });

  test('the words match the drawing: captions quote the rates of the result drawn', () => {
    const after = data.pressured.final;
    expect(text).toContain(`chain-of-thought monitor recall ${percent(after.cotRecall!)}`);
    expect(text).toContain(`undetected hacks ${percent(after.undetectedRate)}`);
    expect(text).toContain(describeResult(data).summary);
    expect(figure.describe(defaultSettings, figure.data)).toEqual(describeResult(data));
  });

  test('offers every preset as a link whose address restores its settings', () => {
    const links = [...html.matchAll(/<a href="([^"]*)" data-preset="([^"]+)"/g)];
    expect(links).toHaveLength(pressurePresets.length * regimes.length);
    for (const [, href, id] of links) {
      const [presetId, regimeId] = id!.split(/-(.*)/s) as [string, string];
      const preset = pressurePresets.find((p) => p.id === presetId)!;
      const regime = regimes.find((r) => r.id === regimeId)!;
      const search = decode(href!).split('#')[0]!;
      const read = readParams(search, anchor, params);
      expect(read.problems).toEqual([]);
      expect(read.values).toEqual(presetSettings(preset, regime));
    }
    expect(count(html, /aria-current="true"/g)).toBe(1);
  });
});

describe('run length', () => {
  test('the longest run the figure offers is within the lab’s budget, so the lab trains exactly what was asked', () => {
    const longest = labParams({ ...defaultSettings, steps: params.steps.max, episodes: params.episodes.max });
    expect(longest.steps * longest.episodes).toBe(cotMonitorEpisodeBudget);
    expect(validateCotMonitorParams(longest).corrections).toEqual([]);
  });

  test('the estimate before a run is stated with the controls, for the settings chosen', () => {
    const text = decode(renderFigure(figure.id));
    const seconds = episodesToPlay(defaultSettings) * referenceSecondsPerEpisode;
    expect(text).toContain(`two runs of ${defaultSettings.steps} steps × ${defaultSettings.episodes} episodes; estimated time: ${durationText(seconds)}.`);
  });
});

describe('views of a run', () => {
  test('the curves a run reports as progress are read back, and progress only moves forward', async () => {
    const reports: TrainingProgress[] = [];
    const { params: labSettings } = validateCotMonitorParams({ steps: 40, episodes: 16, seed: 2 });
    const { result } = await trainCotMonitor(labSettings, { progressIntervalMs: 0, onProgress: (p) => reports.push(p) });
    const last = liveCurves(reports.at(-1));
    expect(last.unpressured).toEqual(result.unpressured.curve);
    expect(last.pressured).toEqual(result.pressured.curve);
    const fractions = reports.map(runProgress);
    expect(fractions.at(-1)).toBe(1);
    for (let k = 1; k < fractions.length; k++) expect(fractions[k]).toBeGreaterThanOrEqual(fractions[k - 1]!);
    expect(liveCurves(undefined)).toEqual({ unpressured: [], pressured: [] });
  });

  test('the text alternative has one row per measure, with the rates before and after', () => {
    const { table } = describeResult(data);
    expect(table.columns).toEqual(['Measure', 'Before pressure', 'After the pressured run']);
    const row = table.rows.find((r) => r[0]!.startsWith('Hacks caught by the chain-of-thought'))!;
    expect(row.slice(1)).toEqual([percent(data.unpressured.final.cotRecall!), percent(data.pressured.final.cotRecall!)]);
  });
});
