/** Each figure's committed build-time data (data.json) is exactly what its data.ts computes with the lab today. */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { figureDataFolders, serialiseFigureData } from '../../../src/figures/precompute.ts';

const figuresDir = fileURLToPath(new URL('../../../src/figures/', import.meta.url));

test.each(figureDataFolders(figuresDir))('%s/data.json is up to date (regenerate: npx node src/figures/precompute.ts)', async (id) => {
  const module = (await import(/* @vite-ignore */ pathToFileURL(`${figuresDir}${id}/data.ts`).href)) as { computeData(): Promise<unknown> };
  const committed = readFileSync(`${figuresDir}${id}/data.json`, 'utf8');
  expect(serialiseFigureData(await module.computeData())).toBe(committed);
});
