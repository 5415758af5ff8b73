/**
 * Files a build makes that cost seconds and change only with their inputs (link-preview images, figures' trained
 * models), kept in node_modules/.cache/<space>/ under a hash of everything that decides their bytes: a rebuild,
 * the other base path's build in `npm test`, or a restarted dev server reuses them. A clean clone has no cache and
 * makes everything.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const cacheRoot = resolve('node_modules/.cache');

/** The cached file for `key` in `space` (a folder under node_modules/.cache). */
function cacheFile(space: string, key: string, extension: string): string {
  return join(cacheRoot, space, `${createHash('sha256').update(key).digest('hex')}${extension}`);
}

/** Writes `bytes` whole or not at all, even with two builds writing at once; returns them as a Buffer. */
function store(file: string, bytes: Uint8Array<ArrayBuffer>): Buffer<ArrayBuffer> {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.${process.pid}`, bytes);
  renameSync(`${file}.${process.pid}`, file);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** `make()`'s bytes, from the cache when `key` was made before. */
export async function cachedBytes(space: string, key: string, extension: string, make: () => Uint8Array<ArrayBuffer> | Promise<Uint8Array<ArrayBuffer>>): Promise<Buffer<ArrayBuffer>> {
  const file = cacheFile(space, key, extension);
  if (existsSync(file)) return readFileSync(file);
  return store(file, await make());
}

// Relative specifiers of static imports, re-exports and dynamic imports (type-only imports included: harmless).
const importSpecifier = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The given files and every local source file they reach through relative imports, sorted. */
export function localSources(entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(importSpecifier)) {
      const target = resolve(dirname(file), specifier!);
      if (/\.(ts|tsx|js|mjs)$/.test(target) && existsSync(target)) visit(target);
    }
  };
  for (const entry of entries) visit(entry);
  return [...seen].sort();
}

/** SHA-256 of `files` (their paths relative to `root`, then their contents). */
export function sourcesHash(files: string[], root: string): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${relative(root, file).split('\\').join('/')}\n`).update(readFileSync(file)).update('\n');
  return hash.digest('hex');
}

/**
 * The key of a result computed by `entries` (project-relative paths) and the sources they import: it changes
 * when any of them does, or Node's version (whose Math functions the lab's numbers depend on).
 */
export function computedByKey(entries: string[]): string {
  const root = resolve('.');
  return `${process.version}\n${sourcesHash(localSources(entries.map((entry) => resolve(root, entry))), root)}`;
}
