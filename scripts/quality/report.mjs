// The quality report on the production build: page weight, the Nu HTML checker, a browser pass
// (requests, CSP, console, axe, layout shift) and Lighthouse. Prints a table, writes
// reports/quality.json ({ summary: { passed, failed }, checks, pages, … }) and exits 1 when a budget is broken.
//
//   node scripts/quality/report.mjs [--dist dist] [--base /] [--only weight,nu,browser,lighthouse]
//        [--skip …] [--runs 3] [--lighthouse all|categories|performance] [--out reports/quality.json] [--docs docs/quality.md]
//
// --lighthouse categories: accessibility, best practices and SEO on every page; performance: only the timed runs
// on one page per template (`npm test` runs those alone, after everything else, so that nothing disturbs them).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { crawl, detectBase, distReader, pickRepresentatives, templates } from './crawl.mjs';
import { frameworkFiles, measurePage } from './weight.mjs';
import { budgets, checkpointChecks, pageChecks, performanceDecided, siteChecks, summarise } from './budgets.mjs';
import { checkpointAssets } from './checkpoints.mjs';
import { renderMarkdown, renderText } from './table.mjs';
import { nuFilters } from './nu.mjs';

const stages = ['weight', 'nu', 'browser', 'lighthouse'];

/** @typedef {import('./budgets.mjs').PageMeasurements & { file: string, url: string, template: string }} PageEntry */
/** @typedef {Omit<PageEntry, 'html'>} ReportedPage */
/**
 * reports/quality.json.
 * @typedef {{
 *   generatedAt: string, dist: string, base: string | undefined, stages: string[], budgets: typeof budgets,
 *   nuFilters: { id: string, message: string, reason: string }[], timings: Record<string, number>,
 *   stageErrors: { stage: string, error: string }[], warnings: string[], pages: ReportedPage[],
 *   checks: import('./budgets.mjs').Check[], summary: { passed: number, failed: number, pages?: number, seconds?: number },
 * }} QualityReport
 */

/** @param {string | undefined} base */
export function normaliseBase(base) {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * @param {string | undefined} mode
 * @returns {{ categories: boolean, performance: boolean }}
 */
function lighthouseMode(mode = 'all') {
  if (!['all', 'categories', 'performance'].includes(mode)) throw new Error(`--lighthouse must be all, categories or performance, not ${mode}`);
  return { categories: mode !== 'performance', performance: mode !== 'categories' };
}

/** @param {string[]} argv */
function options(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      dist: { type: 'string', default: process.env.SITE_OUT_DIR ?? 'dist' },
      base: { type: 'string' },
      only: { type: 'string' },
      skip: { type: 'string' },
      runs: { type: 'string', default: '3' },
      lighthouse: { type: 'string', default: 'all' },
      out: { type: 'string', default: 'reports/quality.json' },
      docs: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const only = values.only ? values.only.split(',') : stages;
  const skip = values.skip ? values.skip.split(',') : [];
  return {
    dist: resolve(values.dist),
    base: values.base === undefined ? undefined : normaliseBase(values.base),
    stages: new Set(only.filter((s) => !skip.includes(s))),
    runs: Math.max(1, Number(values.runs) || 3),
    lighthouse: lighthouseMode(values.lighthouse),
    out: values.out,
    docs: values.docs,
    quiet: values.quiet,
  };
}

/**
 * Runs a stage; a crash becomes a failed check instead of a crashed report.
 * @param {string} name
 * @param {QualityReport} report
 * @param {(line: string) => void} log
 * @param {() => unknown} fn
 */
async function stage(name, report, log, fn) {
  const started = Date.now();
  log(`▶ ${name}`);
  try {
    await fn();
  } catch (error) {
    report.stageErrors.push({ stage: name, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    log(`  ✗ ${name} crashed: ${error instanceof Error ? error.message : error}`);
  }
  report.timings[name] = Number(((Date.now() - started) / 1000).toFixed(1));
  log(`◀ ${name}: ${report.timings[name]} s`);
}

export async function runReport(argv = process.argv.slice(2)) {
  const opt = options(argv);
  /** @type {(line: string) => void} */
  const log = opt.quiet ? () => {} : (s) => console.log(s);
  const started = Date.now();
  /** @type {QualityReport} */
  const report = {
    generatedAt: new Date().toISOString(),
    dist: opt.dist,
    base: opt.base,
    stages: [...opt.stages],
    budgets,
    nuFilters: nuFilters.map((f) => ({ id: f.id, message: String(f.message), reason: f.reason })),
    timings: {},
    stageErrors: [],
    warnings: [],
    pages: [],
    checks: [],
    summary: { passed: 0, failed: 0 },
  };

  // The base path: --base, else what the build itself used (so a sub-path build is measured correctly), else $SITE_BASE.
  if (opt.base === undefined) {
    const files = existsSync(opt.dist) ? crawl(opt.dist, '/') : [];
    const detected = detectBase(files.map((p) => p.html));
    opt.base = normaliseBase(detected ?? process.env.SITE_BASE);
    if (detected && process.env.SITE_BASE !== undefined && normaliseBase(process.env.SITE_BASE) !== opt.base) {
      report.warnings.push(`SITE_BASE is ${process.env.SITE_BASE} but ${opt.dist} was built for ${opt.base}: measured as built`);
    }
  }
  const base = opt.base;
  report.base = base;
  const pages = existsSync(opt.dist) ? crawl(opt.dist, base) : [];
  log(`Quality report on ${opt.dist} (base ${base}): ${pages.length} page(s)`);
  /** @type {Map<string, PageEntry>} */
  const byPath = new Map();
  for (const { path, file, url, template, html } of pages) byPath.set(path, { path, file, url, template, html });
  const entries = () => [...byPath.values()];
  /** @param {string} path */
  const entryOf = (path) => {
    const entry = byPath.get(path);
    if (!entry) throw new Error(`${path} is not a crawled page`);
    return entry;
  };
  const read = distReader(opt.dist);

  // Weights are measured even without the weight stage (for a fraction of a second): the performance runs go to
  // the heaviest page of each template. Only the weight stage reports them.
  /** @type {Map<string, import('./weight.mjs').PageWeight>} */
  const weights = new Map();
  await stage('weight', report, log, () => {
    const framework = frameworkFiles(pages, read, base);
    const cache = new Map();
    for (const p of pages) weights.set(p.path, measurePage({ html: p.html, file: p.file, read, base, framework, cache }));
    if (opt.stages.has('weight')) for (const [path, weight] of weights) entryOf(path).weight = weight;
  });

  if (opt.stages.has('nu')) {
    await stage('nu (vnu-jar)', report, log, async () => {
      const { checkHtml } = await import('./nu.mjs');
      const results = checkHtml(opt.dist, pages.map((p) => p.file));
      for (const p of pages) entryOf(p.path).nu = results[p.file] ?? { errors: [], warnings: [], filtered: [] };
      for (const [f, r] of Object.entries(results)) {
        if (!pages.some((p) => p.file === f) && r.errors.length) report.warnings.push(`Nu errors outside pages (${f}): ${r.errors.map((e) => e.message).join('; ')}`);
      }
    });
  }

  const needServer = opt.stages.has('browser') || opt.stages.has('lighthouse');
  const representatives = pickRepresentatives(entries(), (p) => weights.get(p.path)?.js.gzip ?? 0);
  const missingTemplates = templates.filter((t) => !representatives.some((r) => r.template === t.name)).map((t) => t.name);
  if (missingTemplates.length) report.warnings.push(`no page of template(s) ${missingTemplates.join(', ')} was found, so they had no performance run`);

  if (needServer && pages.length) {
    const { serve } = await import('./server.mjs');
    const server = await serve(opt.dist, { base });
    try {
      const runBrowserPass = async () => {
        if (!opt.stages.has('browser')) return;
        await stage('browser (requests, CSP, console, axe, CLS)', report, log, async () => {
          const { browserPass } = await import('./browser.mjs');
          const results = await browserPass(pages, { origin: server.origin, log });
          for (const [path, r] of Object.entries(results)) {
            entryOf(path).browser = r;
            const top = [...r.shiftsAfterInteraction].sort((a, b) => b.value - a.value)[0];
            if (r.clsAfterInteraction > 0 && top) {
              report.warnings.push(`${path}: layout shift ${r.clsAfterInteraction} after the scripted clicks/typing (not counted in CLS), largest: ${top.sources.join(', ')}`);
            }
          }
        });
      };
      const runLighthousePass = async () => {
        if (!opt.stages.has('lighthouse')) return;
        await stage('lighthouse', report, log, async () => {
          const { runLighthouse, performanceMedian, qualityCategories } = await import('./lighthouse.mjs');
          const reps = new Set(opt.lighthouse.performance ? representatives.map((r) => r.path) : []);
          const jobs = pages
            .filter((p) => reps.has(p.path) || opt.lighthouse.categories)
            .map((p) => ({
              path: p.path,
              url: p.url,
              runs: reps.has(p.path) ? opt.runs : 1,
              // SEO is not checked on a noindex page (an embed), so it is not gathered there either.
              categories: [...(reps.has(p.path) ? ['performance'] : []), ...(opt.lighthouse.categories ? qualityCategories.filter((c) => c !== 'seo' || !weights.get(p.path)?.noindex) : [])],
              // A run whose result cannot change the median's verdict is not made (--runs 3: two that agree decide).
              ...(reps.has(p.path) ? { decided: (/** @type {import('./lighthouse.mjs').LighthouseRun[]} */ runs) => performanceDecided(runs, opt.runs) } : {}),
            }));
          const results = await runLighthouse(jobs, { origin: server.origin, log });
          for (const [path, runs] of Object.entries(results)) {
            const entry = entryOf(path);
            entry.lighthouse = runs;
            if (reps.has(path)) entry.performance = performanceMedian(runs);
          }
        });
      };
      // Without performance runs the two passes go side by side, each with its own browser: both spend much of
      // their time waiting (for a page to settle, a figure to train) and neither measures time. Performance runs
      // come after the browser pass, so that nothing disturbs their timings.
      if (opt.lighthouse.performance) {
        await runBrowserPass();
        await runLighthousePass();
      } else {
        await Promise.all([runBrowserPass(), runLighthousePass()]);
      }
    } finally {
      await server.close();
    }
  }

  // Evaluate.
  /** @type {import('./budgets.mjs').Check[]} */
  const checks = [];
  for (const stageError of report.stageErrors) checks.push({ scope: 'site', id: `stage-ran:${stageError.stage}`, pass: false, value: 'crashed', limit: 'ran', detail: stageError.error.split('\n')[0] ?? '' });
  checks.push(...siteChecks({ pages: pages.length, representatives, performanceMeasured: opt.stages.has('lighthouse') && opt.lighthouse.performance && !report.stageErrors.some((e) => e.stage === 'lighthouse') }));
  checks.push(...checkpointChecks(existsSync(opt.dist) ? checkpointAssets(opt.dist) : []));
  // A Lighthouse-only report leaves the page's HTML out, so the policy check it implies is not counted twice.
  const checksHtml = ['weight', 'nu', 'browser'].some((s) => opt.stages.has(s));
  for (const entry of entries()) {
    const { html, ...lighthouseOnly } = entry;
    checks.push(...pageChecks(checksHtml ? entry : lighthouseOnly));
  }
  report.checks = checks;
  report.summary = { ...summarise(checks), pages: pages.length, seconds: Number(((Date.now() - started) / 1000).toFixed(1)) };
  report.pages = entries().map(({ html, ...rest }) => rest);

  mkdirSync(dirname(opt.out), { recursive: true });
  writeFileSync(opt.out, `${JSON.stringify(report, null, 1)}\n`);
  const markdown = renderMarkdown(report) + (report.warnings.length ? `\n\nNotes:\n\n${report.warnings.map((w) => `- ${w}`).join('\n')}` : '');
  writeFileSync(opt.out.replace(/\.json$/, '.md'), `${markdown}\n`);
  if (opt.docs) updateDocs(opt.docs, markdown);
  console.log(`\n${renderText(report)}`);
  for (const w of report.warnings) console.log(`note: ${w}`);
  console.log(`Quality report: ${report.summary.seconds} s (${Object.entries(report.timings).map(([k, v]) => `${k} ${v} s`).join(', ')}); written to ${opt.out}`);
  return report;
}

const start = '<!-- quality-table:start -->';
const end = '<!-- quality-table:end -->';

/**
 * Replaces the generated table in a Markdown file, between the start and end markers.
 * @param {string} path
 * @param {string} markdown
 */
export function updateDocs(path, markdown) {
  const text = readFileSync(path, 'utf8');
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i === -1 || j === -1 || j < i) throw new Error(`${path} has no ${start} … ${end} section`);
  writeFileSync(path, `${text.slice(0, i + start.length)}\n${markdown}\n${text.slice(j)}`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('scripts/quality/report.mjs')) {
  const report = await runReport();
  process.exit(report.summary.failed === 0 && report.summary.passed > 0 ? 0 : 1);
}
