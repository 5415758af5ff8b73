// Resolves asset URLs to files in dist/ and follows static JavaScript/CSS imports. Pure apart from the
// `read` function it is given (dist-relative path → string | undefined), so tests can pass a fake dist.
import { gzipSync } from 'node:zlib';
import { posix } from 'node:path';

/** Bytes and gzip bytes (zlib default level, as most static hosts serve) of a string or buffer. */
export function sizes(content) {
  const buf = typeof content === 'string' ? Buffer.from(content) : content;
  return { raw: buf.length, gzip: gzipSync(buf).length };
}

/**
 * The dist-relative path a URL points to, or null when it leaves the site (another origin, data:, …).
 * `from` is the dist-relative path of the file that contains the URL (a page or a module).
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

/** Whether a URL points outside the site's origin (http(s) or protocol-relative to another host). */
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

/** Static import specifiers of an ES module (import … from, import "…", export … from). */
export function staticImports(code) {
  return [...code.matchAll(staticImportPattern)].map((m) => m[1]).filter((s) => !s.startsWith('data:'));
}

/** Specifiers loaded later: import("…") and new Worker(new URL("…")). Reported, not counted as first load. */
export function lazyImports(code) {
  return {
    dynamic: [...code.matchAll(dynamicImportPattern)].map((m) => m[1]),
    workers: [...code.matchAll(workerPattern)].map((m) => m[1]),
  };
}

export function cssImports(code) {
  return [...code.matchAll(cssImportPattern)].map((m) => m[1]);
}

/**
 * The closure of `roots` (dist-relative paths) under static imports, restricted to files that exist.
 * Returns a Set of dist-relative paths, roots included when they exist.
 */
export function importGraph(roots, read, { base = '/', css = false } = {}) {
  const seen = new Set();
  const queue = [...roots].filter(Boolean);
  while (queue.length) {
    const path = queue.shift();
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

/** Sums sizes of files (dist-relative), each compressed on its own as a server would. */
export function sumFiles(files, read, cache = new Map()) {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    if (!cache.has(f)) {
      const content = read(f);
      cache.set(f, content === undefined ? { raw: 0, gzip: 0 } : sizes(content));
    }
    raw += cache.get(f).raw;
    gzip += cache.get(f).gzip;
  }
  return { raw, gzip };
}
