// Finds every built page in dist/ (no hand list) and names its template.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Folders in dist/ that hold assets, never pages. */
const skipDirs = new Set(['_astro', 'pagefind', '.prerender', 'node_modules']);

/**
 * Templates, by page URL (without the base). The first pattern that matches names the page's template;
 * the representative of a template for the performance runs is chosen by `pickRepresentatives`.
 */
export const templates = [
  { name: 'home', pattern: /^\/$/ },
  { name: 'article', pattern: /^\/articles\/[^/]+\/$/ },
  { name: 'glossary', pattern: /^\/glossary\/$/ },
  { name: 'embed', pattern: /^\/embed\/[^/]+\/$/ },
];

/** @param {string} path  page path without base */
export function templateOf(path) {
  return templates.find((t) => t.pattern.test(path))?.name ?? 'other';
}

/**
 * dist-relative file → page path without base ("articles/x/index.html" → "/articles/x/").
 * @param {string} file
 */
export function pathOfFile(file) {
  const unix = file.split(sep).join('/');
  if (unix === 'index.html') return '/';
  if (unix.endsWith('/index.html')) return `/${unix.slice(0, -'index.html'.length)}`;
  return `/${unix}`;
}

/**
 * @param {string} dist
 * @returns {string[]} dist-relative paths of every HTML file, sorted
 */
export function listHtmlFiles(dist) {
  /** @type {string[]} */
  const out = [];
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!skipDirs.has(entry.name) && !entry.name.startsWith('.')) walk(join(dir, entry.name));
      } else if (entry.name.endsWith('.html')) {
        out.push(relative(dist, join(dir, entry.name)).split(sep).join('/'));
      }
    }
  };
  walk(dist);
  return out.sort();
}

/** @typedef {{ file: string, path: string, url: string, template: string, html: string }} CrawledPage */

/**
 * Every page: { file, path, url (with base), template, html }.
 * @param {string} dist
 * @returns {CrawledPage[]}
 */
export function crawl(dist, base = '/') {
  return listHtmlFiles(dist).map((file) => {
    const path = pathOfFile(file);
    return { file, path, url: `${base}${path.slice(1)}`, template: templateOf(path), html: readFileSync(join(dist, file), 'utf8') };
  });
}

/**
 * One page per template for the performance runs: the page of that template that loads the most
 * JavaScript (the worst case), ties broken by path so the choice is stable.
 * @template {{ path: string, template: string }} P
 * @param {P[]} pages
 * @param {(page: P) => number} weightOf
 * @returns {P[]}
 */
export function pickRepresentatives(pages, weightOf) {
  /** @type {Map<string, P>} */
  const chosen = new Map();
  for (const page of [...pages].sort((a, b) => a.path.localeCompare(b.path))) {
    if (page.template === 'other') continue;
    const current = chosen.get(page.template);
    if (!current || weightOf(page) > weightOf(current)) chosen.set(page.template, page);
  }
  return templates.flatMap((t) => chosen.get(t.name) ?? []);
}

/**
 * A reader of dist-relative files with a cache; undefined when the file is missing.
 * @param {string} dist
 * @returns {import('./modules.mjs').DistReader}
 */
export function distReader(dist) {
  /** @type {Map<string, string | undefined>} */
  const cache = new Map();
  return (path) => {
    if (!cache.has(path)) {
      try {
        const full = join(dist, path);
        cache.set(path, statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined);
      } catch {
        cache.set(path, undefined);
      }
    }
    return cache.get(path);
  };
}

/**
 * The base path a build was made for, read from its pages: the prefix most asset URLs put before
 * `_astro/` (Astro's asset folder). Undefined when no page references an asset.
 * @param {string[]} htmlTexts
 * @returns {string | undefined}
 */
export function detectBase(htmlTexts) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const html of htmlTexts) {
    for (const [, prefix = ''] of html.matchAll(/(?:src|href|component-url|renderer-url)=["'](\/[^"']*?)_astro\//g)) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}
