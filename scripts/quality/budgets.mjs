// The budgets and their evaluation. Pure: measurements in, checks out. Each check is one passed or failed
// item of the quality report (scripts/test.mjs counts them).
import { cspProblems } from './csp.mjs';

export const KB = 1024;

export const budgets = {
  /** A page without islands (figures): first-paint JavaScript, gzip. It must also load no framework runtime. */
  firstPaintJsNoFigures: 4 * KB,
  /** A page with islands: first-paint JavaScript, gzip. */
  firstPaintJsWithFigures: 6 * KB,
  /**
   * Each island: what it loads when it becomes visible (its modules not already loaded), gzip. 36 KB since
   * 2026-11-30 (was 35): the attribution graph ships its 32 precomputed prompt graphs (about 9 KB gzip) in its
   * module, at 35.6 KB; fetching them as an asset after hydration would bring it back under 35 KB.
   */
  figureJs: 36 * KB,
  /** Each lab checkpoint asset (*.checkpoint.bin, fetched only by the figure that needs it): raw bytes (float32 barely compresses). */
  checkpoint: 256 * KB,
  /** CSS on pages without equations (KaTeX's stylesheet is exempt), gzip. */
  cssNoEquations: 12 * KB,
  /** Cumulative layout shift, in the browser pass and the Lighthouse median. */
  cls: 0,
  /** Lighthouse categories on every page (SEO skipped on noindex pages such as embeds). */
  lighthouseCategory: 100,
  /**
   * Median Lighthouse performance of 3 runs on one page per template: fail below, aim for 100. The third run is
   * made only when the first two disagree (see performanceDecided).
   */
  performanceFloor: 90,
  performanceAim: 100,
};

/**
 * The performance budgets a Lighthouse score and CLS are held to: of the median in the report, of each run in
 * deciding whether a third is needed.
 * @param {number | null | undefined} score
 * @param {typeof budgets} b
 */
const performancePasses = (score, b) => (score ?? 0) >= b.performanceFloor;
/**
 * @param {number | null | undefined} cls
 * @param {typeof budgets} b
 */
const clsPasses = (cls, b) => Number((cls ?? 0).toFixed(3)) <= b.cls;

/**
 * Whether the budgets a median of `planned` performance runs is checked against (score at the floor, CLS) are
 * already decided by the runs made so far: once a majority of the planned runs are on the same side of every
 * budget, the median is on that side whatever the remaining runs give (with 3 planned, two that agree decide).
 * @param {{ scores: { performance: number | null }, metrics: { cls: number | null } | null }[]} runs
 * @param {number} planned
 * @param {typeof budgets} [b]
 */
export function performanceDecided(runs, planned, b = budgets) {
  const majority = Math.floor(planned / 2) + 1;
  /** @param {(run: (typeof runs)[number]) => boolean} passes */
  const decided = (passes) => {
    const pass = runs.filter(passes).length;
    return pass >= majority || runs.length - pass >= majority;
  };
  return decided((r) => performancePasses(r.scores.performance, b)) && decided((r) => clsPasses(r.metrics?.cls, b));
}

/** @typedef {{ scope: string, id: string, pass: boolean, value: string | number | null, limit: string | number, detail?: string }} Check */
/**
 * What the report measured of one page; a section is absent when its stage did not run.
 * @typedef {{
 *   path: string, html?: string, noindex?: boolean,
 *   weight?: import('./weight.mjs').PageWeight,
 *   nu?: import('./nu.mjs').NuClasses<import('./nu.mjs').NuBrief>,
 *   browser?: import('./browser.mjs').PageResult,
 *   lighthouse?: import('./lighthouse.mjs').LighthouseRun[],
 *   performance?: ReturnType<typeof import('./lighthouse.mjs').performanceMedian>,
 * }} PageMeasurements
 */

/** @param {number} bytes */
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

/**
 * @param {string} scope  a page path, or 'site'
 * @param {string} id
 * @param {unknown} pass  truthy when the check passed
 * @param {Check['value']} value
 * @param {Check['limit']} limit
 * @returns {Check}
 */
function check(scope, id, pass, value, limit, detail = '') {
  return { scope, id, pass: Boolean(pass), value, limit, ...(detail ? { detail } : {}) };
}

/**
 * The checks for one page. Sections that were not measured (undefined) produce no check, so partial runs
 * (--only) still evaluate what they measured.
 *
 * @param {PageMeasurements} page
 * @returns {Check[]}
 */
export function pageChecks(page, b = budgets) {
  const out = [];
  const at = page.path;
  const w = page.weight;
  if (w) {
    if (!w.hasIslands) {
      out.push(check(at, 'no-framework-runtime', !w.framework.loaded, w.framework.loaded ? 'loaded' : 'none', 'none', w.framework.reasons.join('; ')));
      out.push(check(at, 'first-paint-js', w.firstPaint.gzip <= b.firstPaintJsNoFigures, kb(w.firstPaint.gzip), kb(b.firstPaintJsNoFigures), w.firstPaint.files.join(', ')));
    } else {
      out.push(check(at, 'first-paint-js', w.firstPaint.gzip <= b.firstPaintJsWithFigures, kb(w.firstPaint.gzip), kb(b.firstPaintJsWithFigures), w.firstPaint.files.join(', ')));
      const seen = new Set();
      for (const island of w.islands) {
        if (seen.has(island.name)) continue;
        seen.add(island.name);
        out.push(check(at, `figure-js:${island.name}`, island.gzip <= b.figureJs && island.missing.length === 0, kb(island.gzip), kb(b.figureJs), island.missing.length ? `missing: ${island.missing.join(', ')}` : island.files.join(', ')));
      }
    }
    if (!w.hasEquations) out.push(check(at, 'css', w.css.gzip <= b.cssNoEquations, kb(w.css.gzip), kb(b.cssNoEquations), w.css.files.join(', ')));
    const missing = [...w.missingScripts, ...w.css.missing];
    out.push(check(at, 'assets-exist', missing.length === 0, missing.length, 0, missing.join(', ')));
  }
  if (page.html !== undefined) {
    const problems = cspProblems(page.html, page.browser?.cspHeader ?? []);
    out.push(check(at, 'csp-policy', problems.length === 0, problems.length ? 'weak' : 'strict', "script-src without 'unsafe-inline'", problems.join('; ')));
  }
  if (page.nu) {
    out.push(check(at, 'nu-errors', page.nu.errors.length === 0, page.nu.errors.length, 0, page.nu.errors.slice(0, 5).map((e) => `${e.line}:${e.column} ${e.message}`).join(' | ')));
  }
  const br = page.browser;
  if (br) {
    out.push(check(at, 'http-status', br.status === 200 || (at.endsWith('404.html') && br.status === 404), br.status, 200));
    out.push(check(at, 'external-requests', br.externalRequests.length === 0, br.externalRequests.length, 0, br.externalRequests.slice(0, 5).join(', ')));
    out.push(check(at, 'broken-requests', br.failedRequests.length === 0, br.failedRequests.length, 0, br.failedRequests.slice(0, 5).join(', ')));
    const errors = [...br.pageErrors, ...br.consoleErrors];
    out.push(check(at, 'console-errors', errors.length === 0, errors.length, 0, errors.slice(0, 3).map((e) => e.slice(0, 200)).join(' | ')));
    out.push(check(at, 'csp-violations', br.cspViolations.length === 0, br.cspViolations.length, 0, br.cspViolations.slice(0, 3).map((v) => v.console ?? `${v.directive} blocked ${v.blocked} (${v.source}:${v.line})`).join(' | ')));
    out.push(check(at, 'axe', br.axe.length === 0, br.axe.length, 0, br.axe.map((v) => `${v.id}: ${v.targets.join(', ')}`).join(' | ')));
    out.push(check(at, 'no-sideways-scroll-375px', br.sidewaysScroll375 <= 0, `${br.sidewaysScroll375} px`, '0 px'));
    out.push(check(at, 'cls', Number(br.cls.toFixed(3)) <= b.cls, br.cls, b.cls, [...(br.shifts ?? [])].sort((x, y) => y.value - x.value).slice(0, 3).map((s) => `${s.value} at ${s.at} ms: ${s.sources.join(', ')}`).join(' | ')));
    if (br.islands.total > 0) out.push(check(at, 'islands-hydrate', br.islands.hydrated === br.islands.total, `${br.islands.hydrated}/${br.islands.total}`, 'all'));
    if (br.search) out.push(check(at, 'search-works', br.search.fragmentsLoaded, br.search.fragmentsLoaded ? 'results' : 'no results', 'results', `query "${br.search.query}"`));
  }
  const lh = page.lighthouse ?? [];
  const crashed = lh.find((r) => r.runtimeError);
  if (crashed) out.push(check(at, 'lighthouse-ran', false, 'error', 'ok', crashed.runtimeError ?? ''));
  // The run that asked for the categories (a performance-only run has none of them).
  const first = lh.find((r) => r.categories.includes('accessibility'));
  if (first) {
    /** @param {string} category */
    const failing = (category) => first.failing.filter((f) => f.category === category).map((f) => `${f.id}${f.items?.length ? ` (${f.items.join('; ')})` : ''}`).join(' | ');
    // A category Lighthouse did not score (null) counts as 0.
    out.push(check(at, 'lh-accessibility', (first.scores.accessibility ?? 0) >= b.lighthouseCategory, first.scores.accessibility, b.lighthouseCategory, failing('accessibility')));
    out.push(check(at, 'lh-best-practices', (first.scores.bestPractices ?? 0) >= b.lighthouseCategory, first.scores.bestPractices, b.lighthouseCategory, failing('best-practices')));
    if (!(w?.noindex ?? page.noindex)) out.push(check(at, 'lh-seo', (first.scores.seo ?? 0) >= b.lighthouseCategory, first.scores.seo, b.lighthouseCategory, failing('seo')));
  }
  if (page.performance) {
    const p = page.performance;
    out.push(check(at, 'lh-performance', performancePasses(p.score, b), p.score, b.performanceFloor, `median of ${p.runs}: ${p.scores.join(', ')}; aim ${b.performanceAim}`));
    out.push(check(at, 'lh-cls', clsPasses(p.cls, b), Number((p.cls ?? 0).toFixed(4)), b.cls, 'Lighthouse median'));
  }
  return out;
}

/**
 * Site-wide checks: the crawl found pages; every template has a page measured for performance.
 * @param {{ pages: number, representatives: { path: string, template: string, performance?: unknown }[], performanceMeasured: boolean }} site
 * @returns {Check[]}
 */
export function siteChecks({ pages, representatives, performanceMeasured }) {
  const out = [check('site', 'pages-found', pages > 0, pages, '> 0')];
  if (performanceMeasured) {
    for (const r of representatives) out.push(check('site', `performance-measured:${r.template}`, r.performance !== null && r.performance !== undefined, r.path, 'a page'));
  }
  return out;
}

/**
 * One check per lab checkpoint asset of the build: its size against its own budget (outside every figure's JS).
 * @param {{ path: string, bytes: number }[]} assets
 */
export function checkpointChecks(assets, b = budgets) {
  return assets.map((asset) => check('site', `checkpoint-size:${asset.path}`, asset.bytes <= b.checkpoint, kb(asset.bytes), kb(b.checkpoint)));
}

/** @param {{ pass: boolean }[]} checks */
export function summarise(checks) {
  const failed = checks.filter((c) => !c.pass);
  return { passed: checks.length - failed.length, failed: failed.length };
}
