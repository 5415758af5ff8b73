// Page weight: HTML, CSS and JavaScript of one built page, with JavaScript split into what runs at first
// paint and what each island (figure) loads when it hydrates. Pure given `read` (dist-relative path →
// file content or undefined).
import { readPage, isNoindex } from './html.mjs';
import { importGraph, lazyImports, resolveUrl, sizes, staticImports, sumFiles } from './modules.mjs';

/** @typedef {import('./modules.mjs').DistReader} DistReader */
/** @typedef {ReturnType<typeof measurePage>} PageWeight */

/** Module file names that are UI framework runtimes (used with the site's renderer modules). */
export const frameworkFilePattern = /(?:^|\/)(?:preact|react|react-dom|vue|svelte|solid-js|hooks\.module|signals(?:-core)?\.module|jsx-runtime)[.\-_][^/]*\.m?js$/i;

/**
 * Every file reachable from any island's renderer across the site: the framework runtime. A page that
 * loads one of these at first paint loads the framework even if it has no island.
 * @param {{ html: string, file: string }[]} pages
 * @param {DistReader} read
 * @returns {Set<string>}
 */
export function frameworkFiles(pages, read, base = '/') {
  /** @type {Set<string>} */
  const files = new Set();
  for (const { html, file } of pages) {
    const page = readPage(html);
    const roots = page.islands.map((i) => resolveUrl(i.rendererUrl, { base, from: file })).filter(Boolean);
    for (const f of importGraph(roots, read, { base })) files.add(f);
  }
  return files;
}

/**
 * @param {{ html: string, file: string, read: (p: string) => string | undefined, base?: string,
 *           framework?: Set<string>, cache?: Map<string, {raw:number,gzip:number}> }} input
 */
export function measurePage({ html, file, read, base = '/', framework = new Set(), cache = new Map() }) {
  const page = readPage(html);
  /** @param {string | undefined} url */
  const resolve = (url) => resolveUrl(url, { base, from: file });
  /** The dist-relative paths of those URLs that stay on the site. */
  const resolveAll = (/** @type {(string | undefined)[]} */ urls) => urls.flatMap((url) => resolve(url) ?? []);
  /** Whether a URL of the page names a file the build does not have. */
  const isMissing = (/** @type {string | undefined} */ url) => {
    const path = resolve(url);
    return !path || read(path) === undefined;
  };

  // CSS: linked stylesheets with their @imports, plus inline <style> blocks.
  const cssRoots = resolveAll(page.stylesheets.map((s) => s.href));
  const cssFiles = importGraph(cssRoots, read, { base, css: true });
  const inlineCss = page.inlineStyles.map((s) => sizes(s.content));
  const cssTotals = sumFiles(cssFiles, read, cache);
  const css = {
    raw: cssTotals.raw + inlineCss.reduce((s, x) => s + x.raw, 0),
    gzip: cssTotals.gzip + inlineCss.reduce((s, x) => s + x.gzip, 0),
    files: [...cssFiles],
    inline: inlineCss.length,
    missing: page.stylesheets.filter((s) => isMissing(s.href)).map((s) => s.href),
  };

  // First paint: every script in the page (external with its static imports; inline as written).
  const externalScripts = page.scripts.flatMap((s) => (s.src ? [s.src] : []));
  const scriptRoots = resolveAll(externalScripts);
  const inlineScripts = page.scripts.flatMap(({ inline, module }) => (inline === undefined ? [] : [{ inline, module }]));
  const firstPaintFiles = importGraph(scriptRoots, read, { base });
  for (const s of inlineScripts) {
    // Inline module scripts may import files too (resolved against the page's URL).
    if (!s.module) continue;
    const roots = resolveAll(staticImports(s.inline).filter((spec) => /^(\.{0,2}\/|https?:)/.test(spec)));
    for (const f of importGraph(roots, read, { base })) firstPaintFiles.add(f);
  }
  const inlineJs = inlineScripts.map((s) => sizes(s.inline));
  const fpFiles = sumFiles(firstPaintFiles, read, cache);
  const firstPaint = {
    raw: fpFiles.raw + inlineJs.reduce((s, x) => s + x.raw, 0),
    gzip: fpFiles.gzip + inlineJs.reduce((s, x) => s + x.gzip, 0),
    files: [...firstPaintFiles],
    inline: inlineJs.length,
    inlineGzip: inlineJs.reduce((s, x) => s + x.gzip, 0),
  };

  // Islands: component + renderer (+ before-hydration) and their static imports, minus first paint.
  const islands = page.islands.map((island) => {
    const roots = resolveAll([island.componentUrl, island.rendererUrl, island.beforeHydrationUrl].filter(Boolean));
    const closure = importGraph(roots, read, { base });
    const extra = [...closure].filter((f) => !firstPaintFiles.has(f));
    const total = sumFiles(extra, read, cache);
    /** @type {{ dynamic: Set<string>, workers: Set<string> }} */
    const lazy = { dynamic: new Set(), workers: new Set() };
    for (const f of closure) {
      const found = lazyImports(read(f) ?? '');
      for (const d of found.dynamic) lazy.dynamic.add(d);
      for (const w of found.workers) lazy.workers.add(w);
    }
    const workerFiles = importGraph([...lazy.workers].map((w) => resolveUrl(w, { base, from: roots[0] ?? file })).filter(Boolean), read, { base });
    return {
      name: island.name || island.componentUrl.split('/').pop() || '(island)',
      client: island.client,
      ...total,
      files: extra,
      missing: roots.filter((r) => read(r) === undefined),
      worker: { ...sumFiles(workerFiles, read, cache), files: [...workerFiles] },
    };
  });
  // Several copies of one island share their modules: what the page loads for all of them at most.
  const allIslandFiles = new Set(islands.flatMap((i) => i.files));
  const islandsTotal = sumFiles(allIslandFiles, read, cache);

  const islandLoaderInline = inlineScripts.some((s) => /customElements\.define\(\s*["']astro-island["']/.test(s.inline));
  const frameworkAtFirstPaint = [...firstPaintFiles].filter((f) => framework.has(f) || frameworkFilePattern.test(f));
  const htmlSizes = sizes(html);

  return {
    html: htmlSizes,
    css,
    js: { raw: firstPaint.raw + islandsTotal.raw, gzip: firstPaint.gzip + islandsTotal.gzip },
    firstPaint,
    islands,
    hasIslands: page.islands.length > 0,
    hasEquations: page.hasEquations,
    noindex: isNoindex(page),
    framework: {
      loaded: page.islands.length > 0 || islandLoaderInline || frameworkAtFirstPaint.length > 0,
      reasons: [
        ...(page.islands.length ? [`${page.islands.length} <astro-island> element(s)`] : []),
        ...(islandLoaderInline ? ['inline astro-island loader'] : []),
        ...frameworkAtFirstPaint.map((f) => `first-paint module ${f}`),
      ],
    },
    missingScripts: externalScripts.filter(isMissing),
  };
}
