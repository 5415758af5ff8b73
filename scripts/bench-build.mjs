// Build scaling: copies the project to a temporary folder, adds 10, 100 and 500 synthetic articles (with
// citations, glossary terms, an equation and a registered figure), times the production build of each, and
// prints seconds per page so cost growth can be checked for linearity.
//
//   npm run bench:build [-- --sizes 10,100,500] [--json reports/bench-build.json] [--keep]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { figureFolders } from '../src/figures/contract.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10,100,500' },
    json: { type: 'string', default: 'reports/bench-build.json' },
    keep: { type: 'boolean', default: false },
    docs: { type: 'string' },
  },
});
const sizes = values.sizes.split(',').map(Number).filter((n) => n > 0);

/** Paths not copied: dependencies (linked instead), outputs, caches, history. */
const skip = new Set(['node_modules', '.git', 'dist', 'dist-subpath', 'reports', '.astro', 'test-results', 'playwright-report']);

export function glossaryIds(yamlText) {
  return [...yamlText.matchAll(/^- id:\s*([\w-]+)/gm)].map((m) => m[1]);
}

export function bibKeys(bibText) {
  return [...bibText.matchAll(/^@\w+\s*\{\s*([^,\s]+)\s*,/gm)].map((m) => m[1]);
}

/** One synthetic article: valid front matter, four sections, citations, terms, an equation and a figure. */
export function syntheticArticle(i, { terms, keys, figure }) {
  const pick = (list, k) => list[(i * 7 + k * 3) % list.length];
  const slug = `bench-${String(i).padStart(4, '0')}`;
  const paragraph = (k) =>
    `Researchers measured how the ${pick(terms, k)} behaves in a small model <Cite id="${pick(keys, k)}" />, ` +
    `and compared it with <Term id="${pick(terms, k + 1)}" /> across several runs <Cite id="${pick(keys, k + 1)}" />. ` +
    `The result held for some settings and not for others, which is why each claim here names its source and its limits. ` +
    `A second study repeated the measurement on a larger model and reported a similar pattern with wider error bars <Cite id="${pick(keys, k + 2)}" />.`;
  const sections = [1, 2, 3, 4]
    .map((s) => `## Section ${s} of synthetic article ${i}\n\n${paragraph(s)}\n\n${paragraph(s + 4)}\n\nThe quantity $a = \\mathrm{ReLU}(w \\cdot x + b)$ appears again here.`)
    .join('\n\n');
  const figureBlock = figure ? `\n\n<Figure id="${figure}">\nA synthetic caption for benchmark article ${i}: the same registered figure, rendered again.\n</Figure>\n` : '';
  return {
    file: `${slug}.mdx`,
    text: `---
title: "Synthetic benchmark article ${i}"
summary: "A generated article that exercises citations, glossary terms, an equation and a figure for the build benchmark."
slug: ${slug}
order: ${1000 + i}
authors: ["Benchmark generator"]
published: 2026-11-24
updated: 2026-11-24
evidenceChecked: 2026-11-24
status: published
objectives:
  - "Exercise the build with citations, glossary terms and a figure."
keyTerms: [${pick(terms, 0)}, ${pick(terms, 1)}]
---

This generated article exists only to time the build <Cite id="${pick(keys, 0)}" />.
${figureBlock}
${sections}
`,
  };
}

/** Least-squares line through [x, y] points, with its coefficient of determination. */
export function linearFit(points) {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = my - slope * mx;
  const ssTot = points.reduce((s, [, y]) => s + (y - my) ** 2, 0);
  const ssRes = points.reduce((s, [x, y]) => s + (y - (intercept + slope * x)) ** 2, 0);
  return { slope, intercept, r2: ssTot === 0 ? 1 : 1 - ssRes / ssTot };
}

function copyProject(to) {
  cpSync(root, to, {
    recursive: true,
    filter: (src) => {
      const rel = relative(root, src);
      return !rel || !skip.has(rel.split(/[\\/]/)[0]);
    },
  });
  // Link each package, not the folder: Astro and Vite keep caches in node_modules/.astro and .vite, and
  // those must stay private to the copy (a shared cache would mix with builds of the real project).
  const modules = join(to, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry.startsWith('.') && entry !== '.bin') continue;
    symlinkSync(join(root, 'node_modules', entry), join(modules, entry));
  }
}

function countPages(dir) {
  let n = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (e.name !== '_astro' && e.name !== 'pagefind' && !e.name.startsWith('.')) walk(join(d, e.name));
      } else if (e.name.endsWith('.html')) n += 1;
    }
  };
  if (existsSync(dir)) walk(dir);
  return n;
}

function build(cwd) {
  rmSync(join(cwd, 'dist'), { recursive: true, force: true });
  const started = process.hrtime.bigint();
  const astro = spawnSync('npx', ['astro', 'build'], { cwd, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_BASE: '/' } });
  const astroSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (astro.status !== 0) throw new Error(`astro build failed:\n${(astro.stdout + astro.stderr).split('\n').filter((l) => !/^\s+at /.test(l)).slice(-25).join('\n')}`);
  const pf = spawnSync('npx', ['pagefind', '--site', 'dist'], { cwd, encoding: 'utf8' });
  const totalSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (pf.status !== 0) throw new Error(`pagefind failed:\n${pf.stdout}${pf.stderr}`);
  return { astroSeconds, totalSeconds, pages: countPages(join(cwd, 'dist')) };
}

function main() {
  const work = mkdtempSync(join(tmpdir(), 'bench-build-'));
  console.log(`Copying the project to ${work} …`);
  copyProject(work);
  const terms = glossaryIds(readFileSync(join(work, 'content/glossary.yaml'), 'utf8'));
  const keys = bibKeys(readFileSync(join(work, 'content/references.bib'), 'utf8'));
  const figure = figureFolders(join(work, 'src/figures'))[0];
  if (!terms.length || !keys.length) throw new Error('the glossary or the bibliography is empty: nothing to cite');
  const articles = join(work, 'content/articles');
  const results = [];
  try {
    console.log('Warm-up build (not counted: fills caches, generates types) …');
    build(work);
    console.log('Baseline build (the project as it is) …');
    const baseline = build(work);
    results.push({ synthetic: 0, ...baseline });
    console.log(`  ${baseline.pages} pages in ${baseline.totalSeconds.toFixed(1)} s`);
    for (const n of sizes) {
      for (const f of readdirSync(articles)) if (f.startsWith('bench-')) rmSync(join(articles, f));
      mkdirSync(articles, { recursive: true });
      for (let i = 1; i <= n; i += 1) {
        const a = syntheticArticle(i, { terms, keys, figure });
        writeFileSync(join(articles, a.file), a.text);
      }
      console.log(`Build with ${n} synthetic articles …`);
      const r = build(work);
      results.push({ synthetic: n, ...r });
      console.log(`  ${r.pages} pages in ${r.totalSeconds.toFixed(1)} s`);
    }
  } finally {
    if (!values.keep) rmSync(work, { recursive: true, force: true });
  }
  const base = results[0];
  const rows = results.map((r) => {
    const extraPages = r.pages - base.pages;
    const marginal = extraPages > 0 ? (r.totalSeconds - base.totalSeconds) / extraPages : null;
    return { ...r, secondsPerPage: r.totalSeconds / r.pages, marginalSecondsPerPage: marginal };
  });
  console.log('\nSynthetic articles  Pages  Build (astro)  Build + Pagefind  s/page  Marginal s per added page');
  for (const r of rows) {
    console.log(
      `${String(r.synthetic).padStart(18)}  ${String(r.pages).padStart(5)}  ${r.astroSeconds.toFixed(1).padStart(11)} s  ${r.totalSeconds.toFixed(1).padStart(14)} s  ${r.secondsPerPage.toFixed(3).padStart(6)}  ${r.marginalSecondsPerPage === null ? '–' : r.marginalSecondsPerPage.toFixed(3)}`,
    );
  }
  const fit = linearFit(rows.map((r) => [r.pages, r.totalSeconds]));
  console.log(`\nLeast-squares line: ${fit.intercept.toFixed(2)} s + ${(fit.slope * 1000).toFixed(1)} ms × pages (R² = ${fit.r2.toFixed(4)}; 1 means perfectly linear)`);
  mkdirSync(dirname(values.json), { recursive: true });
  writeFileSync(values.json, `${JSON.stringify({ generatedAt: new Date().toISOString(), figure, rows, fit }, null, 1)}\n`);
  console.log(`\nWritten to ${values.json}`);
  if (values.docs) updateDocs(values.docs, rows, fit);
}

/** Replaces the table between the bench-table markers of a Markdown file. */
export function updateDocs(path, rows, fit) {
  const start = '<!-- bench-table:start -->';
  const end = '<!-- bench-table:end -->';
  const text = readFileSync(path, 'utf8');
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i === -1 || j < i) throw new Error(`${path} has no ${start} … ${end} section`);
  const table = [
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:build\` (production build + Pagefind, 2-core machine).`,
    '',
    '| Synthetic articles | Pages | Build (astro) | Build + Pagefind | Seconds per page | Marginal seconds per added page |',
    '|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.synthetic} | ${r.pages} | ${r.astroSeconds.toFixed(1)} s | ${r.totalSeconds.toFixed(1)} s | ${r.secondsPerPage.toFixed(3)} | ${r.marginalSecondsPerPage === null ? '–' : r.marginalSecondsPerPage.toFixed(3)} |`),
    '',
    `Least-squares line: ${fit.intercept.toFixed(2)} s + ${(fit.slope * 1000).toFixed(1)} ms per page (R² = ${fit.r2.toFixed(4)}).`,
  ].join('\n');
  writeFileSync(path, `${text.slice(0, i + start.length)}\n${table}\n${text.slice(j)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
