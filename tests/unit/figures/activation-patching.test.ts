// The activation-patching figure's pure pieces: the model asset's codec, the settings → prompts mapping, the
// grid and bars the figure draws, and its text alternative, all read from the build-time data.
import { describe, expect, test } from 'vitest';
import { patchParts, patchSites } from '../../../src/lab/atlas/patching.ts';
import { defaultValues } from '../../../src/lib/url-state.ts';
import { decodeModel, encodeModel, storedModelLayout } from '../../../src/figures/activation-patching/checkpoint.ts';
import { describePatching } from '../../../src/figures/activation-patching/describe.ts';
import figure from '../../../src/figures/activation-patching/figure.ts';
import { atlas, presets, promptsOf } from '../../../src/figures/activation-patching/settings.ts';
import { answerBars, cellFromPosition, gridPosition, gridValues, shownValue } from '../../../src/figures/activation-patching/view-model.ts';

const defaults = defaultValues(figure.params);
const { view } = figure.data;

test('the model checkpoint round-trips θ and the three bases as float32, and refuses another layout', () => {
  const shape = { embedding: 4, hidden: 6 };
  const { network, stored } = storedModelLayout(atlas, shape);
  const vectors = atlas.shape.states - 1;
  const basis = (width: number) => Array.from({ length: vectors }, (_, k) => Float64Array.from({ length: width }, (_, j) => k - j / 7));
  const model = { theta: Float64Array.from({ length: network.size }, (_, i) => i / 3), bases: { embed: basis(4), hidden1: basis(6), hidden2: basis(6) } };
  const decoded = decodeModel(atlas, shape, encodeModel(atlas, shape, model).buffer);
  expect(Array.from(decoded.theta)).toEqual(Array.from(Float32Array.from(model.theta)));
  expect(decoded.bases.hidden1).toHaveLength(vectors);
  expect(Array.from(decoded.bases.embed[1]!)).toEqual(Array.from(Float32Array.from(model.bases.embed[1]!)));
  expect(stored.size).toBe(network.size + vectors * (4 + 6 + 6));
  expect(() => decodeModel(atlas, { embedding: 5, hidden: 6 }, encodeModel(atlas, shape, model).buffer)).toThrow(/layout/);
});

test('a corrupted prompt is another city\'s two-step question or the direct question about a state', () => {
  expect(promptsOf(defaults).corrupted).toEqual(atlas.ask('capital-of-city', 7));
  expect(promptsOf({ ...defaults, corrupted: 'state-1' }).corrupted).toEqual(atlas.ask('capital-of-state', 1));
  expect(promptsOf({ ...defaults, question: 'region', corrupted: 'state-3' }).corrupted).toEqual(atlas.ask('region-of-state', 3));
  const sameState = presets.find((preset) => preset.id === 'same-state')!.values;
  expect(atlas.stateOfCity(Number(sameState.corrupted!.slice(5)))).toBe(atlas.stateOfCity(Number(sameState.clean!.slice(5))));
});

describe('the grid at the defaults (build-time data)', () => {
  test('has one row per site and one column per part, and whole-layer patches restore everything', () => {
    const grid = gridValues(view);
    expect(grid).toHaveLength(patchSites.length);
    for (const row of grid) expect(row).toHaveLength(patchParts.length);
    for (const row of grid) expect(row[patchParts.indexOf('whole')]).toBe(1);
  });

  test('the state subspace restores more than the rest of the layer at every site', () => {
    const grid = gridValues(view);
    for (const row of grid) expect(row[patchParts.indexOf('state')]!).toBeGreaterThan(row[patchParts.indexOf('rest')]! + 0.3);
  });

  test('cell positions and names invert each other', () => {
    for (const site of patchSites) for (const part of patchParts) {
      const { row, column } = gridPosition(site, part);
      expect(cellFromPosition(row, column)).toBe(`${site}.${part}`);
    }
  });

  test('the text alternative names both prompts\' answers and has one row per site', () => {
    const { summary, table } = describePatching(defaults, view);
    expect(summary).toContain('capital 0');
    expect(summary).toContain('capital 1');
    expect(table.rows).toHaveLength(3);
    expect(table.columns).toHaveLength(1 + patchParts.length);
  });
});

test('values are shown with two decimals and never as −0.00', () => {
  expect(Object.is(shownValue(-0.001), 0)).toBe(true);
  expect(shownValue(0.876)).toBe(0.88);
});

test('answer bars are proportional to probability and stacked one row apart', () => {
  const bars = answerBars([{ entity: 48, probability: 0.5 }, { entity: 49, probability: 0.25 }], 200, 20, 10);
  expect(bars.map((bar) => bar.length)).toEqual([100, 50]);
  expect(bars.map((bar) => bar.y)).toEqual([10, 30]);
  expect(bars[0]!.label).toBe('capital 0');
});
