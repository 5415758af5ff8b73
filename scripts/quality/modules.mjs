// Resolves asset URLs to files in dist/ and follows static JavaScript/CSS imports. Pure apart from the
// `read` function it is given (dist-relative path → string | undefined), so tests can pass a fake dist.
import { gzipSync } from 'node:zlib';
import { posix } from 'node:path';

/** @typedef {(path: string) => string | undefined} DistReader  dist-relative path → file content, undefined when missing */
/** @typedef {{ raw: number, gzip: number }} Sizes  bytes */

/**
 * Bytes and gzip bytes (zlib default level, as most static hosts serve) of a string or buffer.
 * @param {string | Buffer} content
 * @returns {Sizes}
 */
export function sizes(content) {
  const buf = typeof content === 'string' ? Buffer.from(content) : content;
  return { raw: buf.length, gzip: gzipSync(buf).length };
}

/**
 * The dist-relative path a URL points to, or null when it leaves the site (another origin, data:, …).
 * `from` is the dist-relative path of the file that contains the URL (a page or a module).
 * @param {string | undefined} url
 * @param {{ base?: string, from?: string, origin?: string }} [options]
 * @returns {string | null}
 */
export function resolveUrl(url, { base = '/', from = 'index.html', origin = 'http://site.invalid' } = {}) {
  if (!url || /^(data|blob|javascript|mailto|about):/i.test(url)) return null;
  let target;
  try {
    const fromUrl = new URL(`${base}${from}`.replace(/\/{2,}/g, '/'), origin);
    target = new URL(url, fromUrl);
  } catch {
    return null;
  }
  if (target.origin !== origin) return null;
  let path = decodeURIComponent(target.pathname);
  if (!path.startsWith(base)) return null;
  path = path.slice(base.length);
  if (path === '' || path.endsWith('/')) path += 'index.html';
  return posix.normalize(path).replace(/^\/+/, '');
}

/**
 * Whether a URL points outside the site's origin (http(s) or protocol-relative to another host).
 * @param {string} url
 * @param {string} origin
 */
export function isExternalUrl(url, origin) {
  if (/^(data|blob|about|javascript|mailto):/i.test(url)) return false;
  try {
    return new URL(url, origin).origin !== new URL(origin).origin;
  } catch {
    return false;
  }
}

const staticImportPattern = /(?:^|[;\s{}()])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"'\n]+)["']/g;
const dynamicImportPattern = /\bimport\s*\(\s*["'`]([^"'`\n]+)["'`]\s*\)/g;
const workerPattern = /new\s+(?:Shared)?Worker\s*\(\s*(?:""\s*\+\s*)?new\s+URL\s*\(\s*["'`]([^"'`\n]+)["'`]/g;
const cssImportPattern = /@import\s+(?:url\(\s*)?["']?([^"')\s;]+)["']?\s*\)?/g;

/**
 * The first capture group of every match.
 * @param {string} code
 * @param {RegExp} pattern  global, with one capture group
 * @returns {string[]}
 */
const captures = (code, pattern) => [...code.matchAll(pattern)].map((m) => m[1] ?? '');

/**
 * Static import specifiers of an ES module (import … from, import "…", export … from).
 * @param {string} code
 */
export function staticImports(code) {
  return captures(code, staticImportPattern).filter((s) => !s.startsWith('data:'));
}

/**
 * Specifiers loaded later: import("…") and new Worker(new URL("…")). Reported, not counted as first load.
 * @param {string} code
 */
export function lazyImports(code) {
  return { dynamic: captures(code, dynamicImportPattern), workers: captures(code, workerPattern) };
}

/** @param {string} code */
export function cssImports(code) {
  return captures(code, cssImportPattern);
}

/**
 * The closure of `roots` (dist-relative paths) under static imports, restricted to files that exist.
 * Returns a Set of dist-relative paths, roots included when they exist.
 * @param {Iterable<string | null | undefined>} roots
 * @param {DistReader} read
 * @param {{ base?: string, css?: boolean }} [options]
 * @returns {Set<string>}
 */
export function importGraph(roots, read, { base = '/', css = false } = {}) {
  /** @type {Set<string>} */
  const seen = new Set();
  const queue = [...roots].flatMap((r) => (r ? [r] : []));
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (seen.has(path)) continue;
    const code = read(path);
    if (code === undefined) continue;
    seen.add(path);
    const specifiers = css ? cssImports(code) : staticImports(code);
    for (const spec of specifiers) {
      // Bare specifiers ("preact") cannot load in a browser without an import map; nothing to follow.
      if (!/^(\.{0,2}\/|https?:)/.test(spec)) continue;
      const next = resolveUrl(spec, { base, from: path });
      if (next && !seen.has(next)) queue.push(next);
    }
  }
  return seen;
}

/**
 * Sums sizes of files (dist-relative), each compressed on its own as a server would.
 * @param {Iterable<string>} files
 * @param {DistReader} read
 * @param {Map<string, Sizes>} [cache]
 * @returns {Sizes}
 */
export function sumFiles(files, read, cache = new Map()) {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    let size = cache.get(f);
    if (!size) {
      const content = read(f);
      size = content === undefined ? { raw: 0, gzip: 0 } : sizes(content);
      cache.set(f, size);
    }
    raw += size.raw;
    gzip += size.gzip;
  }
  return { raw, gzip };
}
