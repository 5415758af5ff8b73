// Lighthouse (mobile emulation, its default) on the local Chromium. One browser serves every run; each
// run opens a fresh tab with storage reset, as Lighthouse does by default.
import lighthouse from 'lighthouse';
import { createServer } from 'node:net';
import { launchBrowser } from './browser.mjs';

export const qualityCategories = ['accessibility', 'best-practices', 'seo'];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function median(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The parts of a Lighthouse result the report keeps. */
export function summarise(lhr) {
  const score = (id) => (lhr.categories[id] ? Math.round(lhr.categories[id].score * 100) : null);
  const failing = [];
  for (const id of Object.keys(lhr.categories)) {
    if (id === 'performance') continue;
    for (const ref of lhr.categories[id].auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
        const items = (audit.details?.items ?? []).slice(0, 3).map((item) => String(item.description ?? item.source?.url ?? item.url ?? item.node?.snippet ?? item.node?.selector ?? JSON.stringify(item)).slice(0, 160));
        failing.push({ category: id, id: ref.id, title: audit.title, items });
      }
    }
  }
  const numeric = (id) => lhr.audits[id]?.numericValue ?? null;
  return {
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

/**
 * @param {{ path: string, url: string, runs: number, categories: string[] }[]} jobs
 * @returns {Promise<Record<string, ReturnType<typeof summarise>[]>>} runs per page path
 */
export async function runLighthouse(jobs, { origin, log = () => {} }) {
  const port = await freePort();
  const browser = await launchBrowser([`--remote-debugging-port=${port}`]);
  const results = {};
  try {
    for (const job of jobs) {
      results[job.path] = [];
      for (let i = 0; i < job.runs; i += 1) {
        const started = Date.now();
        const runner = await lighthouse(`${origin}${job.url}`, {
          port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: job.categories,
        });
        if (!runner) throw new Error(`Lighthouse returned nothing for ${job.path}`);
        results[job.path].push(summarise(runner.lhr));
        log(`  lighthouse ${job.path} [${job.categories.join(', ')}] run ${i + 1}/${job.runs}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

/** Median performance figures over runs (null when the page had no performance run). */
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
