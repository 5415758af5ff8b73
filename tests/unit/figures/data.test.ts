/**
 * Each figure's committed build-time data (data.json) was produced by the code it comes from today: its
 * data.hash.json records a hash of data.ts and every source it imports (the lab included) and of data.json
 * itself, and both must match. Nothing is retrained here; `npm run precompute` recomputes what is stale.
 */
import { expect, test } from 'vitest';
import { dataJsonHash, figureDataFolders, figureInputsHash, readFigureDataHash } from '../../../src/figures/precompute.ts';
import { localSources } from '../../../src/lib/build-cache.ts';
import { fileURLToPath } from 'node:url';

const figuresDir = fileURLToPath(new URL('../../../src/figures/', import.meta.url));

test.each(figureDataFolders(figuresDir))('%s/data.json is up to date (regenerate: npm run precompute)', (id) => {
  const recorded = readFigureDataHash(id, figuresDir);
  expect(recorded, `${id}/data.hash.json is missing`).toBeDefined();
  expect(recorded!.inputs, 'data.ts or a source it imports changed since data.json was computed').toBe(figureInputsHash(id, figuresDir));
  expect(recorded!.output, 'data.json was edited by hand').toBe(dataJsonHash(id, figuresDir));
});

test('the inputs of a figure include its lab sources, reached through imports', () => {
  const sources = localSources([`${figuresDir}superposition-explorer/data.ts`]).map((file) => file.slice(file.indexOf('/src/') + 1));
  expect(sources).toEqual(expect.arrayContaining([
    'src/figures/superposition-explorer/data.ts',
    'src/figures/superposition-explorer/settings.ts',
    'src/lab/superposition.ts',
    'src/lab/core/train.ts',
    'src/lab/adam.ts',
  ]));
});
