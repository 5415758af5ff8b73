// The dictionary figure means what it says: its defaults are the lab's experiment, its presets are the lab's
// controls, and every number it draws or writes is the lab's result.
import { describe, expect, test } from 'vitest';
import { validateSaeParams } from '../../../src/lab/sae.ts';
import { experimentControls, experimentParams } from '../../../src/lab/sae-experiment.ts';
import { describeResult } from '../../../src/figures/sae-dictionary/describe.ts';
import figure from '../../../src/figures/sae-dictionary/figure.ts';
import { labParams, presets, sameRun } from '../../../src/figures/sae-dictionary/settings.ts';
import { dictionaryView, fixed2, fixed3, foundCosine } from '../../../src/figures/sae-dictionary/view-model.ts';
import { defaultValues } from '../../../src/lib/url-state.ts';
import { decode, renderFigure } from './render.ts';

const result = figure.data.result;
const defaults = defaultValues(figure.params);

test('the build-time result is the lab experiment at the figure defaults, with no correction', () => {
  const wanted = labParams(defaults);
  expect(validateSaeParams(wanted).corrections).toEqual([]);
  expect(result.params).toEqual(experimentParams());
  expect(sameRun(result.params, wanted)).toBe(true);
  // λ is ignored by TopK and k by L1.
  expect(sameRun({ ...result.params, k: 7 }, wanted)).toBe(true);
  expect(sameRun({ ...result.params, l1Coefficient: 1 }, wanted)).toBe(false);
});

test('the presets are the defaults and the lab’s two controls', () => {
  const [recovers, dense, tooSmall] = presets;
  expect(Object.entries(recovers!.values).every(([k, v]) => defaults[k as keyof typeof defaults] === v)).toBe(true);
  expect(dense!.values).toMatchObject(experimentControls.dense);
  expect(tooSmall!.values).toMatchObject(experimentControls.tooSmall);
  for (const preset of presets) expect(validateSaeParams(labParams({ ...defaults, ...preset.values })).corrections).toEqual([]);
});

describe('at the defaults', () => {
  const html = decode(renderFigure('sae-dictionary'));
  const view = dictionaryView(result);

  test('the SAE recovers the planted directions (the claim the article makes beside it)', () => {
    expect(result.mmcs).toBeGreaterThanOrEqual(0.9);
    expect(view.found).toBe(32);
  });

  test('the metrics on screen are the lab’s', () => {
    for (const text of [fixed3(result.mmcs), fixed2(result.l0), fixed2(result.trueL0), fixed3(result.fractionOfVarianceUnexplained), `${view.found} of 32 found`]) expect(html).toContain(text);
  });

  test('the matrix draws every positive cosine once, with a ✓ for each diagonal cell at or above the line', () => {
    const cells = [...html.matchAll(/class="sd-cell"[^>]*d="([^"]*)"/g)].reduce((sum, m) => sum + (m[1]!.match(/M/g)?.length ?? 0), 0);
    expect(cells).toBe(view.ordered.cosines.flat().filter((c) => c > 0).length);
    const ticks = (html.match(/sd-found/g) ?? []).length;
    expect(ticks).toBe(view.ordered.cosines.filter((row, r) => r < view.ordered.matched && row[r]! >= foundCosine).length);
  });

  test('every number of the text alternative is the lab’s', () => {
    const alternative = describeResult(result);
    expect(alternative.table.rows).toHaveLength(32);
    alternative.table.rows.forEach((row, i) => {
      expect(row[1]).toBe(`${result.matches[i]!.latent + 1}`);
      expect(row[2]).toBe(fixed3(result.matches[i]!.cosine));
    });
    for (const text of [`MMCS ${fixed3(result.mmcs)}`, `L0 ${fixed2(result.l0)}`, `${result.deadLatents} dead`]) expect(alternative.summary).toContain(text);
    for (const f of result.example.features) expect(alternative.summary).toContain(`${f.feature + 1} (${fixed2(f.coefficient)})`);
    for (const l of result.example.latents) expect(alternative.summary).toContain(`latent ${l.latent + 1} (${fixed2(l.activation)}`);
  });

  test('the example readout lists the planted features and the active latents', () => {
    expect(html.match(/sd-bar--planted/g)).toHaveLength(result.example.features.length);
    expect(html.match(/sd-bar--latent/g)).toHaveLength(Math.min(6, result.example.latents.length));
  });
});
