// First paint of the article template against its floor, measured in one run. The template: a plain article
// (issue 13's: prose, headings, a list, a table, code) on this site and on a bare Astro + MDX site, the same
// text on both. A real article: this site's superposition article as built (equations as MathML), the same
// site with KaTeX's HTML output (stylesheet + web fonts), and a bare Astro + MDX page of the same article text
// (which leaves out what the site adds to it: references, notes, the figure). Each is served gzipped by the
// quality report's server and measured by Lighthouse (mobile, performance only), all alternating, run after run.
//
//   npm run bench:paint [-- --runs 3] [--article superposition] [--docs README.md] [--keep]
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { plainArticle } from './bench/articles.mjs';
import { writeBareSite } from './bench/bare-site.mjs';
import { updateMarked } from './bench/docs.mjs';
import { alternate, machineLoad, median } from './bench/measure.mjs';
import { build, copyProject } from './bench/workspace.mjs';
import { serve } from './quality/server.mjs';
import { runLighthouse } from './quality/lighthouse.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @typedef {'site-plain' | 'bare-plain' | 'site' | 'site-katex-html' | 'bare'} Variant  the pages compared */
/** @type {Variant[]} */
const variants = ['site-plain', 'bare-plain', 'site', 'site-katex-html', 'bare'];
/** @type {Record<Variant, { label: string, dist: 'site' | 'site-katex-html' | 'bare', plain: boolean, floor: Variant }>} */
const pages = {
  'site-plain': { label: 'this site, plain article', dist: 'site', plain: true, floor: 'bare-plain' },
  'bare-plain': { label: 'bare Astro + MDX, same plain article', dist: 'bare', plain: true, floor: 'bare-plain' },
  site: { label: 'this site (equations as MathML)', dist: 'site', plain: false, floor: 'bare' },
  'site-katex-html': { label: 'this site, equations as KaTeX HTML (stylesheet + fonts)', dist: 'site-katex-html', plain: false, floor: 'bare' },
  bare: { label: 'bare Astro + MDX, same article text', dist: 'bare', plain: false, floor: 'bare' },
};
/** @typedef {NonNullable<import('./quality/lighthouse.mjs').LighthouseRun['metrics']>} Metrics */
/** @typedef {{ name: Variant, lcp: number, lcpRuns: number[], fcp: number, bytes: number, stylesheets: number }} PaintRow */
/** @typedef {{ article: string, plain: string, runs: number, rows: PaintRow[], load: string[] }} PaintResult */

/**
 * Stylesheets the browser must fetch before it paints: <link rel="stylesheet"> without a media query that excludes the screen.
 * @param {string} html
 */
export function renderBlockingStylesheets(html) {
  return [...html.matchAll(/<link\b[^>]*\brel=["']?stylesheet\b[^>]*>/gi)].filter((m) => !/\bmedia=["']?print/i.test(m[0])).length;
}

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      article: { type: 'string', default: 'superposition' },
      docs: { type: 'string' },
      json: { type: 'string', default: 'reports/bench-paint.json' },
      keep: { type: 'boolean', default: false },
    },
  });
  const result = await run({ runs: Math.max(1, Number(values.runs)), article: values.article, keep: values.keep });
  const table = paintTable(result, new Date().toISOString().slice(0, 10));
  console.log(`\n${table}`);
  mkdirSync(dirname(values.json), { recursive: true });
  writeFileSync(values.json, `${JSON.stringify({ generatedAt: new Date().toISOString(), ...result }, null, 1)}\n`);
  if (values.docs) updateMarked(values.docs, 'paint-table', table);
}

/**
 * @param {{ runs: number, article: string, keep: boolean }} options
 * @returns {Promise<PaintResult>}
 */
async function run({ runs, article, keep }) {
  const work = mkdtempSync(join(tmpdir(), 'bench-paint-'));
  const load = [machineLoad()];
  try {
    const site = join(work, 'site');
    const bare = join(work, 'bare');
    console.log(`Building this site twice (MathML, KaTeX HTML) in ${site} and a bare Astro + MDX site in ${bare} …`);
    copyProject(root, site);
    const plain = plainArticle(1);
    writeFileSync(join(site, 'content/articles', plain.file), plain.text);
    /** @type {Record<'site' | 'site-katex-html' | 'bare', string>} */
    const dists = { site: join(work, 'dist-site'), 'site-katex-html': join(work, 'dist-site-katex-html'), bare: join(bare, 'dist') };
    for (const [name, math] of /** @type {const} */ ([['site', 'mathml'], ['site-katex-html', 'html']])) {
      build(site, { env: { SITE_MATH: math } });
      cpSync(join(site, 'dist'), dists[name], { recursive: true });
    }
    writeBareSite(root, bare, { siteArticles: true });
    const source = readFileSync(join(root, 'content/articles', `${article}.mdx`), 'utf8');
    writeFileSync(join(bare, 'content/articles', `${article}.mdx`), source);
    writeFileSync(join(bare, 'content/articles', plain.file), plain.text);
    build(bare);

    /** @param {string} text */
    const pathOf = (text) => `/articles/${/^slug:\s*(\S+)/m.exec(text)?.[1] ?? article}/`;
    const path = pathOf(source);
    const plainPath = pathOf(plain.text);
    /** @param {Variant} name */
    const pageOf = (name) => ({ dist: dists[pages[name].dist], path: pages[name].plain ? plainPath : path });
    /** @type {Map<string, string>} */
    const origins = new Map();
    const servers = [];
    for (const dist of Object.values(dists)) {
      const server = await serve(dist, { base: '/' });
      servers.push(server);
      origins.set(dist, server.origin);
    }
    /** @type {Record<Variant, Metrics[]>} */
    const measured = { 'site-plain': [], 'bare-plain': [], site: [], 'site-katex-html': [], bare: [] };
    try {
      for (const name of alternate(variants, runs)) {
        const { dist, path: pagePath } = pageOf(name);
        const url = `${origins.get(dist)}${pagePath}`;
        const results = await runLighthouse([{ path: name, url, runs: 1, categories: ['performance'] }], { origin: '', log: (s) => console.log(s) });
        const metrics = results[name]?.[0]?.metrics;
        if (!metrics) throw new Error(`Lighthouse measured no performance for ${url}`);
        measured[name].push(metrics);
      }
    } finally {
      for (const s of servers) await s.close();
    }
    load.push(machineLoad());
    const rows = variants.map((name) => {
      const { dist, path: pagePath } = pageOf(name);
      const html = readFileSync(join(dist, pagePath, 'index.html'), 'utf8');
      const m = measured[name];
      return {
        name,
        lcp: median(m.map((x) => x.lcp ?? Number.NaN)),
        lcpRuns: m.map((x) => x.lcp ?? Number.NaN),
        fcp: median(m.map((x) => x.fcp ?? Number.NaN)),
        bytes: median(m.map((x) => x.bytes ?? Number.NaN)),
        stylesheets: renderBlockingStylesheets(html),
      };
    });
    return { article: path, plain: plainPath, runs, rows, load };
  } finally {
    if (keep) console.log(`Kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

/**
 * @param {PaintResult} result
 * @param {string} date
 */
export function paintTable({ article, plain, runs, rows, load }, date) {
  /** @param {number} ms */
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  /** @param {PaintRow} r */
  const versus = (r) => {
    const floor = rows.find((f) => f.name === pages[r.name].floor);
    if (!floor) throw new Error(`${pages[r.name].floor} was not measured`);
    if (floor === r) return '–';
    const change = ((r.lcp - floor.lcp) / floor.lcp) * 100;
    return `${change >= 0 ? '+' : ''}${change.toFixed(0)} %`;
  };
  /** @param {PaintRow} r */
  const row = (r) => `| ${pages[r.name].label} | ${s(r.lcp)} | ${r.lcpRuns.map(s).join(', ')} | ${versus(r)} | ${s(r.fcp)} | ${(r.bytes / 1024).toFixed(1)} KB | ${r.stylesheets} |`;
  const header = ['| Page | LCP (median) | LCP runs | vs bare | FCP (median) | Transferred | Render-blocking stylesheets |', '|---|---:|---:|---:|---:|---:|---:|'];
  return [
    `Measured ${date} with \`npm run bench:paint\`: Lighthouse mobile (simulated throttling), performance only, ${runs} runs of each page, all alternating; served gzipped by the quality report's server (2-core machine, ${load.join(' → ')}).`,
    '',
    `The article template: a plain article (${plain}, about 1,500 words with headings, a list, a table and code) on this site and on a bare Astro + MDX site.`,
    '',
    ...header,
    ...rows.filter((r) => pages[r.name].plain).map(row),
    '',
    'Target: the article template within 10 % of the bare page.',
    '',
    `A real article, ${article}: the bare page has its text but not what the site adds to it (references, notes, the figure).`,
    '',
    ...header,
    ...rows.filter((r) => !pages[r.name].plain).map(row),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
