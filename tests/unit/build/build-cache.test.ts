/**
 * The build cache: a result is made once per key and read back after; a key names every source its result
 * depends on, so editing one of them (or one they import) gives a new key.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { cachedBytes, computedByKey, localSources } from '../../../src/lib/build-cache.ts';

const space = `test-build-cache-${process.pid}`;
const sources = mkdtempSync(join(tmpdir(), 'build-cache-'));
afterAll(() => {
  rmSync(resolve('node_modules/.cache', space), { recursive: true, force: true });
  rmSync(sources, { recursive: true, force: true });
});

test('bytes are made once per key and read back from the cache after', async () => {
  let made = 0;
  const make = () => {
    made += 1;
    return new Uint8Array([1, 2, made]);
  };
  expect([...(await cachedBytes(space, 'a', '.bin', make))]).toEqual([1, 2, 1]);
  expect([...(await cachedBytes(space, 'a', '.bin', make))]).toEqual([1, 2, 1]);
  expect([...(await cachedBytes(space, 'b', '.bin', make))]).toEqual([1, 2, 2]);
  expect([...(await cachedBytes(space, 'c', '.bin', async () => make()))]).toEqual([1, 2, 3]);
  expect([...(await cachedBytes(space, 'c', '.bin', async () => make()))]).toEqual([1, 2, 3]);
  expect(made).toBe(3);
});

test('a key follows the entry files and what they import, and nothing else', () => {
  const write = (name: string, text: string) => writeFileSync(join(sources, name), text);
  write('entry.ts', "import { helper } from './helper.ts';\nexport const value = helper();\n");
  write('helper.ts', 'export const helper = () => 1;\n');
  write('unrelated.ts', 'export const other = 2;\n');
  const entry = relative(resolve('.'), join(sources, 'entry.ts'));
  expect(localSources([join(sources, 'entry.ts')]).map((file) => relative(sources, file))).toEqual(['entry.ts', 'helper.ts']);

  const key = computedByKey([entry]);
  expect(key).toContain(process.version);
  write('unrelated.ts', 'export const other = 3;\n');
  expect(computedByKey([entry])).toBe(key);
  write('helper.ts', 'export const helper = () => 2;\n');
  expect(computedByKey([entry])).not.toBe(key);
});
