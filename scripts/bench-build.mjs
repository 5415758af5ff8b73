// Build cost per page, two ways, each on a temporary copy of the project.
//
// rich (default): adds 10, 100 and 500 generated articles that use citations, glossary terms, an equation and
//   a figure, times the production build (+ Pagefind) of each, and fits seconds per page.
// plain: adds N plain articles (prose, headings, a list, a table, code) to this site AND to a bare Astro + MDX
//   site built from the same installed packages, alternating the two in each round so machine load hits both,
//   and reports this site's marginal cost per added page as a ratio to the bare floor.
//
//   npm run bench:build [-- --sizes 10,100,500] [--docs README.md] [--keep]
//   npm run bench:build -- --mode plain [--count 200] [--rounds 6] [--docs README.md] [--keep]
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bibKeys, glossaryIds, plainArticle, syntheticArticle } from './bench/articles.mjs';
import { figureFolders } from '../src/figures/contract.ts';
import { writeBareSite } from './bench/bare-site.mjs';
import { updateMarked } from './bench/docs.mjs';
import { machineLoad, median } from './bench/measure.mjs';
import { build, copyProject } from './bench/workspace.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @typedef {ReturnType<typeof build>} BuildTimes */
/** @typedef {'site' | 'bare'} Side  this site, or the bare Astro + MDX site */
/** @typedef {'astroSeconds' | 'astroCpuSeconds'} Metric */
/** @typedef {Record<Side, Record<number, BuildTimes>>} RoundTimes  per side, the build by number of generated articles */
/** @typedef {{ site: number, bare: number, ratio: number }} Marginal  seconds per added page, and site / bare */
/** @typedef {BuildTimes & { synthetic: number, secondsPerPage: number, marginalSecondsPerPage: number | null }} RichRow */
/** @typedef {{ figure: string | undefined, rows: RichRow[], fit: ReturnType<typeof linearFit>, load: string[] }} RichResult */
/** @typedef {{ round: number, times: RoundTimes, wall: Marginal, cpu: Marginal }} PlainRound */
/** @typedef {{ count: number, rounds: PlainRound[], summary: { wall: Marginal, cpu: Marginal }, load: string[] }} PlainResult */

/**
 * The build of `side` with `n` generated articles in one round.
 * @param {RoundTimes} times
 * @param {Side} side
 * @param {number} n
 */
function timesAt(times, side, n) {
  const r = times[side][n];
  if (!r) throw new Error(`no ${side} build with ${n} articles`);
  return r;
}

/**
 * Least-squares line through [x, y] points, with its coefficient of determination.
 * @param {[x: number, y: number][]} points
 */
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

/**
 * Replaces the generated articles in `dir` with `articles`.
 * @param {string} dir
 * @param {{ file: string, text: string }[]} articles
 */
function setArticles(dir, articles) {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.startsWith('bench-')) rmSync(join(dir, f));
  for (const a of articles) writeFileSync(join(dir, a.file), a.text);
}

/**
 * Runs `fn` in a new temporary folder, removed afterwards unless `keep`.
 * @template T
 * @param {boolean} keep
 * @param {(work: string) => T} fn
 * @returns {T}
 */
function workspace(keep, fn) {
  const work = mkdtempSync(join(tmpdir(), 'bench-build-'));
  try {
    return fn(work);
  } finally {
    if (keep) console.log(`Kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

/**
 * @param {{ sizes: number[], keep: boolean }} options
 * @returns {RichResult}
 */
function richBench({ sizes, keep }) {
  return workspace(keep, (work) => {
    const site = join(work, 'site');
    console.log(`Copying the project to ${site} …`);
    copyProject(root, site);
    const terms = glossaryIds(readFileSync(join(site, 'content/glossary.yaml'), 'utf8'));
    const keys = bibKeys(readFileSync(join(site, 'content/references.bib'), 'utf8'));
    const figure = figureFolders(join(site, 'src/figures'))[0];
    if (!terms.length || !keys.length) throw new Error('the glossary or the bibliography is empty: nothing to cite');
    const articles = join(site, 'content/articles');
    const load = [machineLoad()];
    console.log('Warm-up build (not counted: fills caches, generates types) …');
    build(site, { pagefind: true });
    /** @type {(BuildTimes & { synthetic: number })[]} */
    const results = [];
    for (const n of [0, ...sizes]) {
      setArticles(articles, Array.from({ length: n }, (_, k) => syntheticArticle(k + 1, { terms, keys, figure })));
      console.log(`Build with ${n} synthetic articles …`);
      const r = build(site, { pagefind: true });
      results.push({ synthetic: n, ...r });
      console.log(`  ${r.pages} pages in ${r.totalSeconds.toFixed(1)} s`);
    }
    load.push(machineLoad());
    const [base] = results;
    if (!base) throw new Error('no build was measured');
    const rows = results.map((r) => {
      const extraPages = r.pages - base.pages;
      return { ...r, secondsPerPage: r.totalSeconds / r.pages, marginalSecondsPerPage: extraPages > 0 ? (r.totalSeconds - base.totalSeconds) / extraPages : null };
    });
    return { figure, rows, fit: linearFit(rows.map((r) => [r.pages, r.totalSeconds])), load };
  });
}

/**
 * @param {Pick<RichResult, 'rows' | 'fit' | 'load'>} result
 * @param {string} date
 */
export function richTable({ rows, fit, load }, date) {
  return [
    `Measured ${date} with \`npm run bench:build\` (production build + Pagefind, 2-core machine, ${load.join(' → ')}).`,
    '',
    '| Synthetic articles | Pages | Build (astro) | Build + Pagefind | Seconds per page | Marginal seconds per added page |',
    '|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.synthetic} | ${r.pages} | ${r.astroSeconds.toFixed(1)} s | ${r.totalSeconds.toFixed(1)} s | ${r.secondsPerPage.toFixed(3)} | ${r.marginalSecondsPerPage === null ? '–' : r.marginalSecondsPerPage.toFixed(3)} |`),
    '',
    `Least-squares line: ${fit.intercept.toFixed(2)} s + ${(fit.slope * 1000).toFixed(1)} ms per page (R² = ${fit.r2.toFixed(4)}).`,
  ].join('\n');
}

/**
 * Seconds per added page on each side (by `metric`: wall or CPU) and this site's ratio to the bare floor.
 * CPU time is NaN where /proc is missing.
 * @param {RoundTimes} times
 * @param {number} count
 * @param {Metric} metric
 * @returns {Marginal}
 */
export function marginalRatio(times, count, metric) {
  /** @param {Side} side */
  const perPage = (side) => {
    const [without, withArticles] = [timesAt(times, side, 0), timesAt(times, side, count)];
    return ((withArticles[metric] ?? Number.NaN) - (without[metric] ?? Number.NaN)) / (withArticles.pages - without.pages);
  };
  return { site: perPage('site'), bare: perPage('bare'), ratio: perPage('site') / perPage('bare') };
}

/**
 * @param {{ count: number, rounds: number, keep: boolean }} options
 * @returns {PlainResult}
 */
function plainBench({ count, rounds, keep }) {
  return workspace(keep, (work) => {
    /** @type {Record<Side, string>} */
    const sides = { site: join(work, 'site'), bare: join(work, 'bare') };
    /** @type {[Side, string][]} */
    const sideDirs = [['site', sides.site], ['bare', sides.bare]];
    console.log(`Copying the project to ${sides.site} and writing a bare Astro + MDX site to ${sides.bare} …`);
    copyProject(root, sides.site);
    writeBareSite(root, sides.bare);
    const articles = Array.from({ length: count }, (_, k) => plainArticle(k + 1));
    const load = [machineLoad()];
    // With the articles, so that every measured build finds what a rebuild finds: the link-preview images of this
    // site's pages are made once (src/lib/build-cache.ts), not in the first round only.
    for (const [name, dir] of sideDirs) {
      console.log(`Warm-up build of ${name} with ${count} plain articles (not counted) …`);
      setArticles(join(dir, 'content/articles'), articles);
      build(dir);
    }
    /** One entry per round: for each side, the build time without and with the generated articles. */
    /** @type {PlainRound[]} */
    const measured = [];
    for (let round = 1; round <= rounds; round += 1) {
      /** @type {RoundTimes} */
      const times = { site: {}, bare: {} };
      for (const n of round % 2 ? [0, count] : [count, 0]) {
        for (const [name, dir] of round % 2 ? sideDirs : [...sideDirs].reverse()) {
          setArticles(join(dir, 'content/articles'), articles.slice(0, n));
          const r = build(dir);
          times[name][n] = r;
          console.log(`  round ${round}: ${name} with ${n} plain articles: ${r.pages} pages in ${r.astroSeconds.toFixed(1)} s`);
        }
      }
      measured.push({ round, times, wall: marginalRatio(times, count, 'astroSeconds'), cpu: marginalRatio(times, count, 'astroCpuSeconds') });
    }
    load.push(machineLoad());
    /** @param {'wall' | 'cpu'} metric */
    const summarise = (metric) => ({
      site: median(measured.map((m) => m[metric].site)),
      bare: median(measured.map((m) => m[metric].bare)),
      ratio: median(measured.map((m) => m[metric].ratio)),
    });
    const summary = { wall: summarise('wall'), cpu: summarise('cpu') };
    return { count, rounds: measured, summary, load };
  });
}

/**
 * @param {PlainResult} result
 * @param {string} date
 */
export function plainTable({ count, rounds, summary, load }, date) {
  /** @param {number} s */
  const ms = (s) => `${(s * 1000).toFixed(1)} ms`;
  /** @type {Record<'cpu' | 'wall', Metric>} */
  const field = { cpu: 'astroCpuSeconds', wall: 'astroSeconds' };
  /** @param {number | null} s */
  const seconds = (s) => (s ?? Number.NaN).toFixed(1);
  /**
   * @param {RoundTimes} times
   * @param {Side} side
   * @param {'cpu' | 'wall'} m
   */
  const span = (times, side, m) => `${seconds(timesAt(times, side, 0)[field[m]])} → ${seconds(timesAt(times, side, count)[field[m]])} s`;
  /**
   * @param {PlainRound} r
   * @param {'cpu' | 'wall'} m
   */
  const row = (r, m) => `| ${r.round}, ${m} | ${span(r.times, 'site', m)} | ${span(r.times, 'bare', m)} | ${ms(r[m].site)} | ${ms(r[m].bare)} | ${r[m].ratio.toFixed(2)}× |`;
  return [
    `Measured ${date} with \`npm run bench:build -- --mode plain\`: ${count} plain articles (about 1,500 words, 6 headings, 12 paragraphs, a list, a table, a code block) added to this site and to a bare Astro + MDX site built from the same packages, the two alternating within each round (\`astro build\` after a warm-up build with the articles, so caches such as the link-preview images are warm in every round, as in a rebuild; 2-core machine, ${load.join(' → ')}). CPU is user + system time of the build process, which other work on the machine hardly changes; wall time does.`,
    '',
    `| Round, measure | This site: 0 → ${count} articles | Bare Astro + MDX: 0 → ${count} articles | This site per added page | Bare per added page | Ratio |`,
    '|---|---:|---:|---:|---:|---:|',
    ...rounds.flatMap((r) => [row(r, 'cpu'), row(r, 'wall')]),
    `| median, cpu | | | ${ms(summary.cpu.site)} | ${ms(summary.cpu.bare)} | **${summary.cpu.ratio.toFixed(2)}×** |`,
    `| median, wall | | | ${ms(summary.wall.site)} | ${ms(summary.wall.bare)} | **${summary.wall.ratio.toFixed(2)}×** |`,
    '',
    'Target: at most 2× the bare floor per added page.',
  ].join('\n');
}

function main() {
  const { values } = parseArgs({
    options: {
      mode: { type: 'string', default: 'rich' },
      sizes: { type: 'string', default: '10,100,500' },
      count: { type: 'string', default: '200' },
      // Six: a round's ratio moves by ±0.4 between identical builds on this machine (README), so fewer rounds'
      // median can land either side of 2×.
      rounds: { type: 'string', default: '6' },
      json: { type: 'string' },
      docs: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  let result;
  let table;
  if (values.mode === 'plain') {
    result = plainBench({ count: Number(values.count), rounds: Math.max(1, Number(values.rounds)), keep: values.keep });
    table = plainTable(result, date);
    if (values.docs) updateMarked(values.docs, 'bench-plain-table', table);
  } else if (values.mode === 'rich') {
    result = richBench({ sizes: values.sizes.split(',').map(Number).filter((n) => n > 0), keep: values.keep });
    table = richTable(result, date);
    if (values.docs) updateMarked(values.docs, 'bench-table', table);
  } else {
    throw new Error(`--mode is rich or plain, not ${values.mode}`);
  }
  console.log(`\n${table}`);
  const json = values.json ?? `reports/bench-build-${values.mode}.json`;
  mkdirSync(dirname(json), { recursive: true });
  writeFileSync(json, `${JSON.stringify({ generatedAt: new Date().toISOString(), ...result }, null, 1)}\n`);
  console.log(`\nWritten to ${json}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
