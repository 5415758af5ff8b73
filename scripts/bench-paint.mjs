// First paint of the article template against its floor, measured in one run: this site's superposition
// article as built (equations as MathML), the same site with KaTeX's HTML output (stylesheet + web fonts),
// and a bare Astro + MDX page of the same article text. Each is served gzipped by the quality report's
// server and measured by Lighthouse (mobile, performance only), the three alternating, run after run.
//
//   npm run bench:paint [-- --runs 3] [--article superposition] [--docs README.md] [--keep]
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeBareSite } from './bench/bare-site.mjs';
import { updateMarked } from './bench/docs.mjs';
import { alternate, machineLoad, median } from './bench/measure.mjs';
import { build, copyProject } from './bench/workspace.mjs';
import { serve } from './quality/server.mjs';
import { runLighthouse } from './quality/lighthouse.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @typedef {'site' | 'site-katex-html' | 'bare'} Variant  the pages compared */
/** @type {Variant[]} */
const variants = ['site', 'site-katex-html', 'bare'];
/** @typedef {NonNullable<import('./quality/lighthouse.mjs').LighthouseRun['metrics']>} Metrics */
/** @typedef {{ name: Variant, lcp: number, lcpRuns: number[], fcp: number, bytes: number, stylesheets: number }} PaintRow */
/** @typedef {{ article: string, runs: number, rows: PaintRow[], load: string[] }} PaintResult */

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
    /** @type {Record<Variant, string>} */
    const dists = { site: join(work, 'dist-site'), 'site-katex-html': join(work, 'dist-site-katex-html'), bare: join(bare, 'dist') };
    for (const [name, math] of /** @type {const} */ ([['site', 'mathml'], ['site-katex-html', 'html']])) {
      build(site, { env: { SITE_MATH: math } });
      cpSync(join(site, 'dist'), dists[name], { recursive: true });
    }
    writeBareSite(root, bare, { siteArticles: true });
    const source = readFileSync(join(root, 'content/articles', `${article}.mdx`), 'utf8');
    writeFileSync(join(bare, 'content/articles', `${article}.mdx`), source);
    build(bare);

    const slug = /^slug:\s*(\S+)/m.exec(source)?.[1] ?? article;
    const path = `/articles/${slug}/`;
    /** @type {Map<Variant, string>} */
    const origins = new Map();
    const servers = [];
    for (const name of variants) {
      const server = await serve(dists[name], { base: '/' });
      servers.push(server);
      origins.set(name, server.origin);
    }
    /** @type {Record<Variant, Metrics[]>} */
    const measured = { site: [], 'site-katex-html': [], bare: [] };
    try {
      for (const name of alternate(variants, runs)) {
        const url = `${origins.get(name)}${path}`;
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
      const html = readFileSync(join(dists[name], path, 'index.html'), 'utf8');
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
    return { article: path, runs, rows, load };
  } finally {
    if (keep) console.log(`Kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

/** @type {Record<Variant, string>} */
const labels = {
  site: 'this site (equations as MathML)',
  'site-katex-html': 'this site, equations as KaTeX HTML (stylesheet + fonts)',
  bare: 'bare Astro + MDX, same article text',
};

/**
 * @param {PaintResult} result
 * @param {string} date
 */
export function paintTable({ article, runs, rows, load }, date) {
  const bare = rows.find((r) => r.name === 'bare');
  if (!bare) throw new Error('the bare page was not measured');
  /** @param {number} ms */
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  return [
    `Measured ${date} with \`npm run bench:paint\`: ${article}, Lighthouse mobile (simulated throttling), performance only, ${runs} runs of each page, the three alternating; served gzipped by the quality report's server (2-core machine, ${load.join(' → ')}).`,
    '',
    '| Page | LCP (median) | LCP runs | vs bare | FCP (median) | Transferred | Render-blocking stylesheets |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${labels[r.name]} | ${s(r.lcp)} | ${r.lcpRuns.map(s).join(', ')} | ${r.name === 'bare' ? '–' : `${r.lcp >= bare.lcp ? '+' : ''}${(((r.lcp - bare.lcp) / bare.lcp) * 100).toFixed(0)} %`} | ${s(r.fcp)} | ${(r.bytes / 1024).toFixed(1)} KB | ${r.stylesheets} |`),
    '',
    'Target: the article template within 10 % of the bare page.',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
