/**
 * The measuring functions on fixture HTML: the real output of an Astro build (astro-site) and pages that
 * break budgets on purpose (bad-site, plus over-budget assets generated here).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { crawl, distReader, pathOfFile, pickRepresentatives, templateOf } from '../../../scripts/quality/crawl.mjs';
import { cspProblems, effectiveSources, parseCsp } from '../../../scripts/quality/csp.mjs';
import { readPage, scanTags } from '../../../scripts/quality/html.mjs';
import { median, summarise as summariseLighthouse, performanceMedian } from '../../../scripts/quality/lighthouse.mjs';
import { importGraph, isExternalUrl, resolveUrl, staticImports } from '../../../scripts/quality/modules.mjs';
import { classifyMessages } from '../../../scripts/quality/nu.mjs';
import { headersFor, parseHeadersFile } from '../../../scripts/quality/server.mjs';
import { frameworkFiles, measurePage } from '../../../scripts/quality/weight.mjs';
import { pageChecks } from '../../../scripts/quality/budgets.mjs';

const fixtures = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const astroSite = `${fixtures}astro-site`;
const badSite = `${fixtures}bad-site`;

/** Deterministic text that gzip cannot shrink much (xorshift → base64-ish). */
function noise(bytes: number, seed = 1): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let x = seed;
  let out = '';
  while (out.length < bytes) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += alphabet[(x >>> 0) % 64];
  }
  return out;
}

/** A fake dist: dist-relative path → content. */
const fakeReader = (files: Record<string, string>) => (path: string) => files[path];

describe('crawl', () => {
  test('finds every page of a built site and names its template', () => {
    const pages = crawl(astroSite);
    expect(pages.map((p) => [p.path, p.template])).toEqual([
      ['/articles/one/', 'article'],
      ['/embed/counter/', 'embed'],
      ['/', 'home'],
    ]);
    expect(pages.find((p) => p.path === '/')?.url).toBe('/');
    expect(crawl(astroSite, '/explainer/').find((p) => p.path === '/articles/one/')?.url).toBe('/explainer/articles/one/');
  });
  test('maps files to paths and paths to templates', () => {
    expect(pathOfFile('index.html')).toBe('/');
    expect(pathOfFile('glossary/index.html')).toBe('/glossary/');
    expect(pathOfFile('404.html')).toBe('/404.html');
    expect(templateOf('/articles/overview/')).toBe('article');
    expect(templateOf('/glossary/')).toBe('glossary');
    expect(templateOf('/embed/x/')).toBe('embed');
    expect(templateOf('/references/')).toBe('other');
  });
  test('picks the heaviest page of each template for the performance runs', () => {
    const pages = [
      { path: '/articles/a/', template: 'article', w: 1 },
      { path: '/articles/b/', template: 'article', w: 5 },
      { path: '/', template: 'home', w: 0 },
      { path: '/kit/', template: 'other', w: 9 },
    ];
    expect(pickRepresentatives(pages, (p: { w: number }) => p.w).map((p: { path: string }) => p.path)).toEqual(['/', '/articles/b/']);
  });
});

describe('HTML scanning', () => {
  test('reads scripts, islands, policies and robots from real Astro output', () => {
    const page = readPage(readFileSync(`${astroSite}/embed/counter/index.html`, 'utf8'));
    expect(page.islands).toHaveLength(1);
    expect(page.islands[0]).toMatchObject({ name: 'Counter', client: 'load', componentUrl: expect.stringMatching(/^\/_astro\/Counter\..*\.js$/) });
    expect(page.cspMeta).toHaveLength(1);
    expect(page.robots).toEqual(['noindex']);
    expect(page.scripts.every((s: { inline?: string }) => s.inline !== undefined)).toBe(true);
  });
  test('does not mistake text inside scripts for tags', () => {
    const tags = scanTags('<script>if (a<b) document.write("<img src=x>")</script><p class=x>hi</p>');
    expect(tags.map((t) => t.name)).toEqual(['script', 'p']);
    expect(tags[1]?.attrs).toEqual({ class: 'x' });
  });
  test('spots equations (KaTeX or MathML)', () => {
    expect(readPage('<span class="katex"><math></math></span>').hasEquations).toBe(true);
    expect(readPage('<p>none</p>').hasEquations).toBe(false);
  });
});

describe('module graph', () => {
  test('follows static imports, not dynamic ones', () => {
    const code = 'import{a as b}from"./x.js";import"./y.js";export{c}from"../_astro/z.js";const l=()=>import("./lazy.js");';
    expect(staticImports(code)).toEqual(['./x.js', './y.js', '../_astro/z.js']);
    const read = fakeReader({ '_astro/a.js': code, '_astro/x.js': 'import"./y.js"', '_astro/y.js': '', '_astro/z.js': '', '_astro/lazy.js': '' });
    expect([...importGraph(['_astro/a.js'], read)].sort()).toEqual(['_astro/a.js', '_astro/x.js', '_astro/y.js', '_astro/z.js']);
  });
  test('resolves URLs under a base path and recognises other origins', () => {
    expect(resolveUrl('/explainer/_astro/a.js', { base: '/explainer/', from: 'articles/x/index.html' })).toBe('_astro/a.js');
    expect(resolveUrl('./b.js', { base: '/explainer/', from: '_astro/a.js' })).toBe('_astro/b.js');
    expect(resolveUrl('https://cdn.example.com/a.js')).toBeNull();
    expect(isExternalUrl('https://cdn.example.com/a.js', 'http://127.0.0.1:4321')).toBe(true);
    expect(isExternalUrl('//cdn.example.com/a.js', 'http://127.0.0.1:4321')).toBe(true);
    expect(isExternalUrl('/a.js', 'http://127.0.0.1:4321')).toBe(false);
    expect(isExternalUrl('data:image/png;base64,xx', 'http://127.0.0.1:4321')).toBe(false);
  });
});

describe('page weight on real Astro output', () => {
  const pages = crawl(astroSite);
  const read = distReader(astroSite);
  const framework = frameworkFiles(pages, read);
  const measure = (path: string) => {
    const p = pages.find((x) => x.path === path)!;
    return measurePage({ html: p.html, file: p.file, read, framework });
  };

  test('the framework runtime is what the island renderers import', () => {
    expect([...framework].some((f) => /preact\.module/.test(f))).toBe(true);
  });
  test('a page without islands loads no framework and almost no JavaScript', () => {
    const w = measure('/');
    expect(w.hasIslands).toBe(false);
    expect(w.framework.loaded).toBe(false);
    // The trial layout's one-line inline module script is all it runs.
    expect(w.firstPaint.files).toEqual([]);
    expect(w.firstPaint.gzip).toBeLessThan(100);
  });
  test("a page with an island: Astro's inline loader at first paint, Preact and the component when visible", () => {
    const w = measure('/articles/one/');
    expect(w.hasIslands).toBe(true);
    expect(w.firstPaint.files).toEqual([]);
    expect(w.firstPaint.inline).toBe(3); // Astro's visible-directive and island loaders, and the layout's script
    expect(w.firstPaint.gzip).toBeGreaterThan(1000);
    expect(w.firstPaint.gzip).toBeLessThan(6 * 1024);
    expect(w.islands).toHaveLength(1);
    expect(w.islands[0]!.files.some((f: string) => /preact\.module/.test(f))).toBe(true);
    expect(w.islands[0]!.files.some((f: string) => /Counter/.test(f))).toBe(true);
    expect(w.islands[0]!.gzip).toBeGreaterThan(5000);
    expect(w.noindex).toBe(false);
    expect(measure('/embed/counter/').noindex).toBe(true);
    expect(pageChecks({ path: '/articles/one/', weight: w }).filter((c: { pass: boolean }) => !c.pass)).toEqual([]);
  });
  test('CSS counts linked stylesheets with their @imports and inline styles', () => {
    const read2 = fakeReader({ 'a.css': '@import "./b.css";p{color:red}', 'b.css': 'h1{color:blue}' });
    const w = measurePage({ html: '<link rel="stylesheet" href="/a.css"><style>q{x:y}</style>', file: 'index.html', read: read2 });
    expect(w.css.files.sort()).toEqual(['a.css', 'b.css']);
    expect(w.css.inline).toBe(1);
  });
});

describe('pages that break weight budgets on purpose', () => {
  test('a page without figures that imports Preact at first paint loads a framework runtime', () => {
    const pages = crawl(badSite);
    const read = distReader(badSite);
    const p = pages.find((x) => x.path === '/framework/')!;
    const w = measurePage({ html: p.html, file: p.file, read, framework: frameworkFiles(pages, read) });
    expect(w.framework.loaded).toBe(true);
    expect(w.framework.reasons.join()).toMatch(/preact\.module/);
    expect(pageChecks({ path: p.path, weight: w }).filter((c: { pass: boolean }) => !c.pass).map((c: { id: string }) => c.id)).toContain('no-framework-runtime');
  });

  test('over-budget first-paint JavaScript (through a static import), figure JavaScript and CSS fail', () => {
    const files: Record<string, string> = {
      '_astro/page.js': 'import"./shared.js";console.log(1)',
      '_astro/shared.js': `export const s="${noise(9000, 3)}"`,
      '_astro/Fig.js': `import{s}from"./shared.js";import{big}from"./big.js";export default()=>big+s`,
      '_astro/big.js': `export const big="${noise(50_000, 5)}"`,
      '_astro/client.js': 'export default()=>{}',
      '_astro/site.css': `.${noise(20_000, 7).replace(/[+/0-9]/g, 'x').match(/.{1,12}/g)!.join('{color:red}.')}{color:red}`,
    };
    const html = `<!DOCTYPE html><html><head><link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/page.js"></script></head><body>
      <astro-island uid="1" component-url="/_astro/Fig.js" renderer-url="/_astro/client.js" client="visible" opts="{&quot;name&quot;:&quot;Fig&quot;}"></astro-island></body></html>`;
    const w = measurePage({ html, file: 'articles/x/index.html', read: fakeReader(files) });
    expect(w.firstPaint.files.sort()).toEqual(['_astro/page.js', '_astro/shared.js']);
    // shared.js is already loaded at first paint, so the figure adds Fig.js, big.js and the renderer only.
    expect(w.islands[0]!.files.sort()).toEqual(['_astro/Fig.js', '_astro/big.js', '_astro/client.js']);
    const failed = pageChecks({ path: '/articles/x/', weight: w }).filter((c: { pass: boolean }) => !c.pass).map((c: { id: string }) => c.id);
    expect(failed).toEqual(['first-paint-js', 'figure-js:Fig', 'css']);
  });
});

describe('CSP', () => {
  test('parses a policy and finds the sources that govern scripts', () => {
    const policy = parseCsp("default-src 'self'; script-src-elem 'self' 'sha256-x'; object-src 'none'");
    expect(effectiveSources(policy, 'script-src')).toEqual(["'self'"]);
    expect(effectiveSources(policy, 'script-src-elem')).toEqual(["'self'", "'sha256-x'"]);
  });
  test("the real Astro policy is strict; the fixture's broken ones are not", () => {
    expect(cspProblems(readFileSync(`${astroSite}/articles/one/index.html`, 'utf8'))).toEqual([]);
    expect(cspProblems(readFileSync(`${badSite}/unsafe-inline/index.html`, 'utf8'))).toEqual(["script-src allows 'unsafe-inline'"]);
    expect(cspProblems(readFileSync(`${badSite}/no-csp/index.html`, 'utf8'))[0]).toMatch(/no Content-Security-Policy/);
  });
  test('a script before the meta policy escapes it; a header policy counts', () => {
    const html = `<html><head><script>alert(1)</script><meta http-equiv="content-security-policy" content="script-src 'self'"></head><body></body></html>`;
    expect(cspProblems(html).join()).toMatch(/before the CSP <meta>/);
    expect(cspProblems('<html><head></head><body></body></html>', ["default-src 'self'"])).toEqual([]);
    expect(cspProblems('<html><head></head><body></body></html>', ["default-src *"]).join()).toMatch(/any host/);
    expect(cspProblems('<html><head></head><body></body></html>', ["script-src 'self' 'unsafe-eval'"]).join()).toMatch(/unsafe-eval/);
  });
});

describe('Nu checker messages', () => {
  const html = readFileSync(`${astroSite}/articles/one/index.html`, 'utf8');
  const line = 2;
  const column = html.split('\n')[1]!.indexOf('<style>astro-island') + 1;
  const astroStyle = { type: 'error', url: 'file:/a.html', lastLine: line, firstColumn: column, message: 'A “style” element in “body” must be the first child of its parent.' };

  test("Astro's injected island style is filtered, with its reason", () => {
    const out = classifyMessages([astroStyle], () => html);
    expect(out.errors).toEqual([]);
    expect(out.filtered).toHaveLength(1);
    expect(out.filtered[0]!.filter).toBe('astro-island-style');
  });
  test('the same message about any other style element is an error', () => {
    const other = '<p>x</p><style>p{color:red}</style>';
    const out = classifyMessages([{ ...astroStyle, lastLine: 1, firstColumn: 9 }], () => other);
    expect(out.errors).toHaveLength(1);
  });
  test('rel="expect" with blocking="render" is filtered; blocking on another link is an error', () => {
    const message = 'A “link” element with a “blocking” attribute must have a “rel” attribute whose value is “stylesheet”.';
    const at = (source: string) => classifyMessages([{ type: 'error', url: 'file:/a.html', lastLine: 1, firstColumn: 1, message }], () => source);
    expect(at('<link rel="expect" href="#main" blocking="render"><title>x</title>').filtered[0]?.filter).toBe('link-expect-blocking');
    expect(at('<link rel="preload" href="/a.js" as="script" blocking="render">').errors).toHaveLength(1);
  });
  test('warnings are kept apart from errors; info messages are dropped', () => {
    const out = classifyMessages([
      { type: 'info', subType: 'warning', message: 'Consider adding a lang attribute' },
      { type: 'info', message: 'Trailing slash on void elements' },
      { type: 'error', message: 'Duplicate ID “x”.' },
    ]);
    expect([out.errors.length, out.warnings.length, out.filtered.length]).toEqual([1, 1, 0]);
  });
});

describe('Lighthouse summaries', () => {
  const lhr = {
    categories: {
      performance: { score: 0.97, auditRefs: [{ id: 'largest-contentful-paint', weight: 25 }] },
      accessibility: { score: 0.95, auditRefs: [{ id: 'color-contrast', weight: 7 }, { id: 'tabindex', weight: 0 }] },
      'best-practices': { score: 1, auditRefs: [{ id: 'errors-in-console', weight: 1 }] },
      seo: { score: 1, auditRefs: [] },
    },
    audits: {
      'largest-contentful-paint': { score: 0.9, numericValue: 1500, title: 'LCP' },
      'total-blocking-time': { score: 1, numericValue: 20, title: 'TBT' },
      'cumulative-layout-shift': { score: 1, numericValue: 0, title: 'CLS' },
      'color-contrast': { score: 0, title: 'Contrast', details: { items: [{ node: { snippet: '<p class="faint">' } }] } },
      tabindex: { score: 0, title: 'tabindex' },
      'errors-in-console': { score: 1, title: 'console' },
    },
  };
  test('keeps scores, metrics and the weighted audits that failed', () => {
    const s = summariseLighthouse(lhr);
    expect(s.scores).toEqual({ performance: 97, accessibility: 95, bestPractices: 100, seo: 100 });
    expect(s.metrics).toMatchObject({ lcp: 1500, tbt: 20, cls: 0 });
    expect(s.failing).toEqual([{ category: 'accessibility', id: 'color-contrast', title: 'Contrast', items: ['<p class="faint">'] }]);
  });
  test('performance is the median of the runs', () => {
    expect(median([91, 99, 85])).toBe(91);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    const run = (performance: number) => ({ ...summariseLighthouse(lhr), scores: { performance, accessibility: 100, bestPractices: 100, seo: 100 } });
    expect(performanceMedian([run(80), run(95), run(92)])).toMatchObject({ score: 92, runs: 3, scores: [80, 95, 92] });
  });
});

describe('static server headers', () => {
  test('applies _headers rules in order, with ! unsetting', () => {
    const rules = parseHeadersFile("/*\n  X-Frame-Options: SAMEORIGIN\n  Content-Security-Policy: frame-ancestors 'self'\n/embed/*\n  ! X-Frame-Options\n  Content-Security-Policy: frame-ancestors *\n");
    expect(headersFor(rules, '/a/')).toEqual({ 'x-frame-options': 'SAMEORIGIN', 'content-security-policy': "frame-ancestors 'self'" });
    expect(headersFor(rules, '/embed/x/')).toEqual({ 'content-security-policy': 'frame-ancestors *' });
  });
});
