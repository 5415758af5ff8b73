// Lighthouse (mobile emulation, its default) on the local Chromium: the full browser when any run is timed, else
// the headless shell the other checks use. One browser serves every run; each run opens a fresh tab with storage
// reset, as Lighthouse does by default.
import lighthouse from 'lighthouse';
import { createServer } from 'node:net';
import { launchBrowser } from './browser.mjs';
import { listeningPort } from './server.mjs';

export const qualityCategories = ['accessibility', 'best-practices', 'seo'];

/**
 * Waits for runs without the performance category: their audits read the loaded page (its DOM, console,
 * headers), not its timeline, so they need not wait seconds for the network and CPU to stay quiet.
 */
const quickLoad = { pauseAfterFcpMs: 0, pauseAfterLoadMs: 250, networkQuietThresholdMs: 250, cpuQuietThresholdMs: 250, skipAboutBlank: true };

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = listeningPort(server);
      server.close(() => resolve(port));
    });
  });
}

/**
 * @param {unknown} v
 * @returns {v is number}
 */
const isFiniteNumber = (v) => typeof v === 'number' && Number.isFinite(v);

/**
 * @param {(number | null | undefined)[]} values  non-numbers and non-finite numbers are left out
 * @returns {number | null}
 */
export function median(values) {
  const sorted = values.filter(isFiniteNumber).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid];
  if (upper === undefined) return null;
  return sorted.length % 2 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/**
 * The parts of a Lighthouse result (LHR) that `summarise` reads.
 * @typedef {{
 *   categories: Record<string, { score: number | null, auditRefs: { id: string, weight: number }[] } | undefined>,
 *   audits: Record<string, { score: number | null, title: string, numericValue?: number | undefined, details?: object | undefined } | undefined>,
 *   runtimeError?: { message: string } | undefined, runWarnings?: string[] | undefined,
 * }} LighthouseResult
 */
/** @typedef {{ description?: unknown, url?: unknown, source?: { url?: unknown }, node?: { snippet?: unknown, selector?: unknown } }} AuditItem */
/** @typedef {{ category: string, id: string, title: string, items: string[] }} FailingAudit */

/**
 * The rows of an audit's details (table and list details have them; others, such as request chains, do not).
 * @param {object | undefined} details
 * @returns {AuditItem[]}
 */
const auditItems = (details) => (details && 'items' in details && Array.isArray(details.items) ? details.items : []);

/**
 * The parts of a Lighthouse result the report keeps.
 * @param {LighthouseResult} lhr
 */
export function summarise(lhr) {
  /** @param {string} id */
  const score = (id) => {
    const category = lhr.categories[id];
    return category ? Math.round((category.score ?? 0) * 100) : null;
  };
  /** @type {FailingAudit[]} */
  const failing = [];
  for (const id of Object.keys(lhr.categories)) {
    if (id === 'performance') continue;
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
        const items = auditItems(audit.details).slice(0, 3).map((item) => String(item.description ?? item.source?.url ?? item.url ?? item.node?.snippet ?? item.node?.selector ?? JSON.stringify(item)).slice(0, 160));
        failing.push({ category: id, id: ref.id, title: audit.title, items });
      }
    }
  }
  /** @param {string} id */
  const numeric = (id) => lhr.audits[id]?.numericValue ?? null;
  return {
    categories: Object.keys(lhr.categories),
    scores: {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
    },
    metrics: lhr.categories.performance
      ? { lcp: numeric('largest-contentful-paint'), tbt: numeric('total-blocking-time'), cls: numeric('cumulative-layout-shift'), fcp: numeric('first-contentful-paint'), bytes: numeric('total-byte-weight') }
      : null,
    failing,
    runtimeError: lhr.runtimeError?.message ?? null,
    warnings: lhr.runWarnings ?? [],
  };
}

/** @typedef {ReturnType<typeof summarise>} LighthouseRun */

/**
 * @param {{ path: string, url: string, runs: number, categories: string[], decided?: (runs: LighthouseRun[]) => boolean }[]} jobs
 *   `decided`: no more runs of the page once it returns true
 * @param {{ origin: string, log?: (line: string) => void }} options
 * @returns {Promise<Record<string, LighthouseRun[]>>} runs per page path
 */
export async function runLighthouse(jobs, { origin, log = () => {} }) {
  const port = await freePort();
  const browser = await launchBrowser([`--remote-debugging-port=${port}`], { timings: jobs.some((job) => job.categories.includes('performance')) });
  /** @type {Record<string, LighthouseRun[]>} */
  const results = {};
  try {
    for (const job of jobs) {
      /** @type {LighthouseRun[]} */
      const runs = [];
      results[job.path] = runs;
      for (let i = 0; i < job.runs; i += 1) {
        const started = Date.now();
        const runner = await lighthouse(`${origin}${job.url}`, {
          port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: job.categories,
          // Nothing reads the screenshots; on a long article they cost seconds a run.
          disableFullPageScreenshot: true,
          ...(job.categories.includes('performance') ? {} : quickLoad),
        });
        if (!runner) throw new Error(`Lighthouse returned nothing for ${job.path}`);
        runs.push(summarise(runner.lhr));
        log(`  lighthouse ${job.path} [${job.categories.join(', ')}] run ${i + 1}/${job.runs}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
        if (job.decided?.(runs)) break;
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

/**
 * Median performance figures over runs (null when the page had no performance run).
 * @param {LighthouseRun[]} runs
 */
export function performanceMedian(runs) {
  const perf = runs.filter((r) => r.scores.performance !== null);
  if (perf.length === 0) return null;
  return {
    runs: perf.length,
    score: median(perf.map((r) => r.scores.performance)),
    lcp: median(perf.map((r) => r.metrics?.lcp)),
    tbt: median(perf.map((r) => r.metrics?.tbt)),
    cls: median(perf.map((r) => r.metrics?.cls)),
    scores: perf.map((r) => r.scores.performance),
  };
}
