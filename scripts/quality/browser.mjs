// The browser pass (Playwright on the local Chromium): for every page, every request it makes (none may
// leave the origin), CSP violations, console errors, page errors, axe violations in light and dark (with every
// <details> open), sideways scrolling at 375 px and layout shifts, while the page is scrolled so every island
// hydrates, figures are asked to run (their workers start) and search is exercised where the page has it.
import { chromium } from '@playwright/test';
import { axeViolations, schemeRuns } from '../../tests/e2e/support/axe.ts';
import { checkBrowserPath, chromiumArgs, chromiumPath } from '../../tests/e2e/support/chromium.ts';

/** Buttons inside islands whose name suggests they start work (training, a run). */
const runButtonName = /\b(train|run|start|play|step|compute|go)\b/i;
/** A query likely to match something on any page of this site. */
const searchQuery = 'model';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {{ value: number, at: number, sources: string[] }} Shift  one layout shift; `at` in ms since navigation */
/** @typedef {{ directive?: string, blocked?: string, source?: string, line?: number, sample?: string, console?: string }} CspViolation */
/** @typedef {{ id: string, impact: string | null | undefined, help: string, targets: string[] }} AxeViolation */
/** @typedef {{ query: string, fragmentsLoaded: boolean, pagefindRequests: number }} SearchResult */
/** @typedef {{ csp: CspViolation[], cls: number, shifts: Shift[] }} QualityProbe  what `instrument` collects in the page */
/**
 * A layout-shift performance entry (Layout Instability API); TypeScript's DOM library does not declare it.
 * @typedef {{ value: number, startTime: number, hadRecentInput: boolean, sources?: { node: Node | null, previousRect: DOMRectReadOnly, currentRect: DOMRectReadOnly }[] }} LayoutShiftEntry
 */
/**
 * What the browser pass records for one page.
 * @typedef {{
 *   status: number, requests: number, externalRequests: string[], failedRequests: string[], consoleErrors: string[],
 *   pageErrors: string[], cspViolations: CspViolation[], cspHeader: string[], axe: AxeViolation[], cls: number,
 *   shifts: Shift[], clsAfterInteraction: number, shiftsAfterInteraction: Shift[], sidewaysScroll375: number,
 *   islands: { total: number, hydrated: number }, workers: string[], ranButtons: string[], search: SearchResult | null,
 * }} PageResult
 */

/**
 * @param {string[]} extraArgs
 * @param {{ timings?: boolean }} options  timings: the full browser a reader runs, for measurements of time;
 *   otherwise the headless shell the checks use
 */
export function launchBrowser(extraArgs = [], { timings = false } = {}) {
  const executablePath = timings ? chromiumPath : checkBrowserPath;
  return chromium.launch({ args: [...chromiumArgs, ...extraArgs], ...(executablePath ? { executablePath } : {}) });
}

/** Installed before any page script: records CSP violations and layout shifts. */
function instrument() {
  const w = /** @type {typeof window & { __quality: QualityProbe }} */ (window);
  w.__quality = { csp: [], cls: 0, shifts: [] };
  document.addEventListener('securitypolicyviolation', (e) => {
    w.__quality.csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample });
  });
  try {
    new PerformanceObserver((list) => {
      for (const entry of /** @type {LayoutShiftEntry[]} */ (/** @type {unknown} */ (list.getEntries()))) {
        if (entry.hadRecentInput) continue;
        w.__quality.cls += entry.value;
        /** @param {Node | null} node */
        const describe = (node) => {
          if (!(node instanceof Element)) return node ? node.nodeName : '?';
          const cls = typeof node.className === 'string' && node.className.trim() ? `.${node.className.trim().split(/\s+/).join('.')}` : '';
          return `${node.nodeName.toLowerCase()}${node.id ? `#${node.id}` : ''}${cls}`;
        };
        w.__quality.shifts.push({
          value: Number(entry.value.toFixed(4)),
          at: Math.round(entry.startTime),
          sources: (entry.sources ?? []).slice(0, 3).map((s) => `${describe(s.node)} (${Math.round(s.previousRect.x)},${Math.round(s.previousRect.y)} → ${Math.round(s.currentRect.x)},${Math.round(s.currentRect.y)})`),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    /* layout-shift unsupported */
  }
}

/**
 * Checks the pages `concurrency` at a time, each in its own browser context. One at a time by default: the
 * Lighthouse category runs fill the waiting time instead.
 * @param {{ url: string, path: string }[]} pages  url = path with base, relative to origin
 * @param {{ origin: string, log?: (s: string) => void, axe?: boolean, interact?: boolean, concurrency?: number }} options
 */
export async function browserPass(pages, { origin, log = () => {}, axe = true, interact = true, concurrency = 1 }) {
  const browser = await launchBrowser();
  /** @type {Record<string, PageResult>} */
  const results = {};
  const queue = [...pages];
  const worker = async () => {
    for (let p = queue.shift(); p; p = queue.shift()) {
      const started = Date.now();
      results[p.path] = await checkPage(browser, origin, p.url, { axe, interact });
      log(`  browser ${p.path} ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  } finally {
    await browser.close();
  }
  return Object.fromEntries(pages.map((p) => [p.path, results[p.path] ?? blankPageResult()]));
}

/**
 * What the browser pass records for one page, before it has seen anything.
 * @returns {PageResult}
 */
export function blankPageResult() {
  return {
    status: 0,
    requests: 0,
    externalRequests: [],
    failedRequests: [],
    consoleErrors: [],
    pageErrors: [],
    cspViolations: [],
    cspHeader: [],
    axe: [],
    cls: 0,
    shifts: [],
    clsAfterInteraction: 0,
    shiftsAfterInteraction: [],
    sidewaysScroll375: 0,
    islands: { total: 0, hydrated: 0 },
    workers: [],
    ranButtons: [],
    search: null,
  };
}

/**
 * @param {Browser} browser
 * @param {string} origin
 * @param {string} url  path with base
 * @param {{ axe: boolean, interact: boolean }} options
 * @returns {Promise<PageResult>}
 */
async function checkPage(browser, origin, url, { axe, interact }) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const out = blankPageResult();
  /** @type {string[]} */
  const pagefindRequests = [];
  await context.route('**/*', (route) => {
    const target = route.request().url();
    if (/^(data|blob):/.test(target) || new URL(target).origin === origin) return route.continue();
    out.externalRequests.push(target);
    return route.abort('blockedbyclient');
  });
  context.on('request', (r) => {
    out.requests += 1;
    if (r.url().includes('/pagefind/')) pagefindRequests.push(r.url());
  });
  context.on('requestfailed', (r) => {
    if (new URL(r.url()).origin === origin) out.failedRequests.push(`${r.url()} (${r.failure()?.errorText ?? 'failed'})`);
  });
  context.on('response', (r) => {
    if (r.status() >= 400 && new URL(r.url()).origin === origin && r.url() !== `${origin}${url}`) out.failedRequests.push(`${r.url()} (HTTP ${r.status()})`);
  });
  await page.addInitScript(instrument);
  page.on('console', (m) => {
    const text = m.text();
    if (m.type() === 'error') out.consoleErrors.push(text);
    if (/Content[- ]Security[- ]Policy/i.test(text) && m.type() !== 'error') out.cspViolations.push({ console: text });
  });
  page.on('pageerror', (e) => out.pageErrors.push(String(e.message ?? e)));
  page.on('worker', (w) => out.workers.push(w.url().replace(origin, '')));
  try {
    const response = await page.goto(`${origin}${url}`, { waitUntil: 'load' });
    out.status = response?.status() ?? 0;
    const header = response?.headers()['content-security-policy'];
    if (header) out.cspHeader.push(header);
    await settle(page);
    // Scroll through the page so client:visible islands hydrate, as a reader would.
    await page.evaluate(async () => {
      // A screenful at a time, two frames each: enough for the page to lay out and for islands to be seen.
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await frame();
        await frame();
      }
      window.scrollTo(0, 0);
    });
    out.islands.total = await page.locator('astro-island').count();
    // Islands are display:contents: bring each one's first child into view so client:visible fires, and
    // wait there until it has hydrated (the loader removes the ssr attribute).
    const islands = page.locator('astro-island');
    for (let i = 0; i < out.islands.total; i += 1) {
      const handle = await islands.nth(i).elementHandle();
      if (!handle || !(await handle.evaluate((el) => el.hasAttribute('ssr')))) continue;
      await handle.evaluate((el) => (el.firstElementChild ?? el).scrollIntoView({ block: 'start' }));
      // Long enough for a loaded machine (the unit tests run this pass beside the browser tests): waiting costs
      // time only when an island never hydrates, which the report then fails.
      await page.waitForFunction((el) => !el.hasAttribute('ssr'), handle, { timeout: 20_000 }).catch(() => {});
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    out.islands.hydrated = out.islands.total - (await page.locator('astro-island[ssr]').count());
    // Shifts from here on follow the scripted clicks and typing: reported, but not part of the page's CLS.
    const interactionsFrom = await page.evaluate(() => performance.now());
    if (interact) {
      await runFigures(page, out);
      out.search = await trySearch(page, pagefindRequests);
    }
    await settle(page);
    // Read before the checks below open every <details> and narrow the page, which move things on purpose.
    const shifts = (await probe(page))?.shifts ?? [];
    /** @param {Shift[]} list */
    const sum = (list) => Number(list.reduce((t, x) => t + x.value, 0).toFixed(4));
    out.shifts = shifts.filter((x) => x.at < interactionsFrom);
    out.cls = sum(out.shifts);
    out.shiftsAfterInteraction = shifts.filter((x) => x.at >= interactionsFrom);
    out.clsAfterInteraction = sum(out.shiftsAfterInteraction);
    if (axe) {
      // Everything folded away is checked too: figures' text alternatives, notes, the contents on phones.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      for (const { colorScheme, rules } of schemeRuns) {
        await page.emulateMedia({ colorScheme });
        const violations = await axeViolations(page, [], rules);
        out.axe.push(...violations.map((v) => ({ id: `${v.id} (${colorScheme})`, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })));
      }
    }
    // A phone's width: nothing may make the page scroll sideways.
    await page.setViewportSize({ width: 375, height: 800 });
    out.sidewaysScroll375 = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    out.cspViolations.push(...((await probe(page))?.csp ?? []));
  } catch (error) {
    out.pageErrors.push(`quality check could not finish: ${error instanceof Error ? error.message : error}`);
  } finally {
    await context.close();
  }
  return out;
}

/**
 * What `instrument` has collected in the page so far.
 * @param {Page} page
 */
function probe(page) {
  return page.evaluate(() => /** @type {typeof window & { __quality?: QualityProbe }} */ (window).__quality);
}

/** @param {Page} page */
async function settle(page) {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
}

/**
 * Clicks one "run/train" button per island (if any) and waits for the work to settle.
 * @param {Page} page
 * @param {PageResult} out
 */
async function runFigures(page, out) {
  const buttons = page.locator('astro-island button');
  const count = await buttons.count();
  const clickedIslands = new Set();
  for (let i = 0; i < count; i += 1) {
    const button = buttons.nth(i);
    const name = ((await button.getAttribute('aria-label')) ?? (await button.innerText().catch(() => ''))).trim();
    if (!runButtonName.test(name)) continue;
    const island = await button.evaluate((b) => b.closest('astro-island')?.getAttribute('uid') ?? '');
    if (clickedIslands.has(island) || !(await button.isVisible()) || !(await button.isEnabled())) continue;
    clickedIslands.add(island);
    await button.scrollIntoViewIfNeeded();
    await button.click({ timeout: 2_000 }).catch(() => {});
    out.ranButtons.push(name.slice(0, 40));
  }
  if (clickedIslands.size === 0) return;
  // Long enough for workers to start; then until no figure says it is training (data-training), 3 s in all at most.
  await page.waitForTimeout(500);
  await page.waitForFunction(() => !document.querySelector('.fig[data-training="true"]'), undefined, { timeout: 2_500, polling: 100 }).catch(() => {});
}

/**
 * Types a query into the page's search box, if it has one, and waits for Pagefind to fetch results.
 * @param {Page} page
 * @param {string[]} pagefindRequests  URLs requested so far, appended to as the page runs
 * @returns {Promise<SearchResult | null>}
 */
async function trySearch(page, pagefindRequests) {
  const box = page.locator('input[type="search"], .pagefind-ui__search-input').first();
  if (!(await box.count()) || !(await box.isVisible().catch(() => false))) return null;
  const before = pagefindRequests.length;
  // Results come as the reader types; Enter would leave the page for the first result.
  await box.fill(searchQuery);
  const fragments = await page
    .waitForRequest((r) => /\/pagefind\/fragment\//.test(r.url()), { timeout: 20_000 })
    .then(() => true)
    .catch(() => false);
  await settle(page);
  return { query: searchQuery, fragmentsLoaded: fragments, pagefindRequests: pagefindRequests.length - before };
}
