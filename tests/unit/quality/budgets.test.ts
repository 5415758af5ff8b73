/**
 * The pure budget evaluation: fixture measurements that break each kind of budget must fail, and the
 * same measurements within budget must pass.
 */
import { describe, expect, test } from 'vitest';
import { KB, budgets, pageChecks, performanceDecided, siteChecks, summarise } from '../../../scripts/quality/budgets.mjs';
import { blankPageResult } from '../../../scripts/quality/browser.mjs';

const strictHtml = `<!DOCTYPE html><html lang="en"><head><title>t</title><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-abc='"></head><body><main><h1>t</h1></main></body></html>`;

function weight(over: Record<string, unknown> = {}) {
  return {
    html: { raw: 9000, gzip: 3000 },
    css: { raw: 20000, gzip: 5 * KB, files: ['_astro/a.css'], inline: 0, missing: [] },
    js: { raw: 0, gzip: 0 },
    firstPaint: { raw: 0, gzip: 0, files: [], inline: 0, inlineGzip: 0 },
    islands: [],
    hasIslands: false,
    hasEquations: false,
    noindex: false,
    framework: { loaded: false, reasons: [] },
    missingScripts: [],
    ...over,
  };
}

function browser(over: Record<string, unknown> = {}) {
  return { ...blankPageResult(), status: 200, requests: 4, ...over };
}

const lhRun = (scores: Partial<Record<'performance' | 'accessibility' | 'bestPractices' | 'seo', number | null>> = {}) => ({
  categories: ['accessibility', 'best-practices', 'seo'],
  scores: { performance: null, accessibility: 100, bestPractices: 100, seo: 100, ...scores },
  metrics: null,
  failing: [],
  runtimeError: null,
  warnings: [],
});

const island = (name: string, gzip: number) => ({ name, client: 'visible', raw: gzip * 3, gzip, files: [`_astro/${name}.js`], missing: [], worker: { raw: 0, gzip: 0, files: [] } });

function failing(page: Parameters<typeof pageChecks>[0]) {
  return pageChecks(page).filter((c) => !c.pass).map((c) => c.id);
}

describe('a page within every budget', () => {
  test('passes every check', () => {
    const checks = pageChecks({ path: '/', html: strictHtml, weight: weight(), nu: { errors: [], warnings: [], filtered: [] }, browser: browser(), lighthouse: [lhRun()] });
    expect(checks.filter((c) => !c.pass)).toEqual([]);
    expect(checks.map((c) => c.id)).toEqual(
      expect.arrayContaining(['no-framework-runtime', 'first-paint-js', 'css', 'csp-policy', 'nu-errors', 'external-requests', 'console-errors', 'csp-violations', 'axe', 'cls', 'lh-accessibility', 'lh-best-practices', 'lh-seo']),
    );
  });
});

describe('page weight budgets', () => {
  test('a page without figures that loads a framework runtime fails', () => {
    expect(failing({ path: '/', weight: weight({ framework: { loaded: true, reasons: ['first-paint module _astro/preact.module.js'] } }) })).toEqual(['no-framework-runtime']);
  });

  test('first-paint JavaScript: 4 KB without figures, 6 KB with figures', () => {
    const fp = (gzip: number) => ({ raw: gzip * 3, gzip, files: ['_astro/page.js'], inline: 0, inlineGzip: 0 });
    expect(failing({ path: '/', weight: weight({ firstPaint: fp(4 * KB) }) })).toEqual([]);
    expect(failing({ path: '/', weight: weight({ firstPaint: fp(4 * KB + 1) }) })).toEqual(['first-paint-js']);
    const withFigure = { hasIslands: true, islands: [island('Fig', 10 * KB)] };
    expect(failing({ path: '/a/', weight: weight({ ...withFigure, firstPaint: fp(6 * KB) }) })).toEqual([]);
    expect(failing({ path: '/a/', weight: weight({ ...withFigure, firstPaint: fp(6 * KB + 1) }) })).toEqual(['first-paint-js']);
  });

  test('a page with figures is not held to the no-framework rule', () => {
    const checks = pageChecks({ path: '/a/', weight: weight({ hasIslands: true, islands: [island('Fig', 1000)], framework: { loaded: true, reasons: ['1 <astro-island>'] } }) });
    expect(checks.map((c) => c.id)).not.toContain('no-framework-runtime');
  });

  test('each figure may load at most 36 KB when it becomes visible', () => {
    const page = (gzip: number) => ({ path: '/a/', weight: weight({ hasIslands: true, islands: [island('Small', 2 * KB), island('Big', gzip)] }) });
    expect(failing(page(36 * KB))).toEqual([]);
    expect(failing(page(36 * KB + 1))).toEqual(['figure-js:Big']);
  });

  test('an island whose module is missing from dist fails', () => {
    const broken = { ...island('Gone', 0), missing: ['_astro/Gone.js'] };
    expect(failing({ path: '/a/', weight: weight({ hasIslands: true, islands: [broken] }) })).toEqual(['figure-js:Gone']);
  });

  test('CSS: 12 KB without equations; pages with equations are exempt', () => {
    const css = (gzip: number) => ({ raw: gzip * 4, gzip, files: ['_astro/a.css'], inline: 0, missing: [] });
    expect(failing({ path: '/', weight: weight({ css: css(12 * KB) }) })).toEqual([]);
    expect(failing({ path: '/', weight: weight({ css: css(12 * KB + 1) }) })).toEqual(['css']);
    expect(pageChecks({ path: '/', weight: weight({ css: css(40 * KB), hasEquations: true }) }).map((c) => c.id)).not.toContain('css');
  });

  test('a script or stylesheet that is not in dist fails', () => {
    expect(failing({ path: '/', weight: weight({ missingScripts: ['/_astro/gone.js'] }) })).toEqual(['assets-exist']);
  });
});

describe('browser budgets', () => {
  test('an external request fails', () => {
    expect(failing({ path: '/', browser: browser({ externalRequests: ['https://fonts.example.com/x.woff2'] }) })).toEqual(['external-requests']);
  });
  test('a console error or an uncaught page error fails', () => {
    expect(failing({ path: '/', browser: browser({ consoleErrors: ['boom'] }) })).toEqual(['console-errors']);
    expect(failing({ path: '/', browser: browser({ pageErrors: ['TypeError'] }) })).toEqual(['console-errors']);
  });
  test('a CSP violation fails', () => {
    expect(failing({ path: '/', browser: browser({ cspViolations: [{ directive: 'script-src-elem', blocked: 'inline', source: 'x', line: 1 }] }) })).toEqual(['csp-violations']);
  });
  test('an axe violation fails', () => {
    expect(failing({ path: '/', browser: browser({ axe: [{ id: 'color-contrast', impact: 'serious', help: 'x', targets: ['p'] }] }) })).toEqual(['axe']);
  });
  test('any layout shift fails (CLS budget is 0)', () => {
    expect(failing({ path: '/', browser: browser({ cls: 0.0004 }) })).toEqual([]);
    expect(failing({ path: '/', browser: browser({ cls: 0.002 }) })).toEqual(['cls']);
  });
  test('islands that never hydrate, a broken request, a search without results fail', () => {
    expect(failing({ path: '/', browser: browser({ islands: { total: 2, hydrated: 1 } }) })).toEqual(['islands-hydrate']);
    expect(failing({ path: '/', browser: browser({ failedRequests: ['/x.js (HTTP 404)'] }) })).toEqual(['broken-requests']);
    expect(failing({ path: '/search/', browser: browser({ search: { query: 'model', fragmentsLoaded: false, pagefindRequests: 1 } }) })).toEqual(['search-works']);
  });
});

describe('CSP policy budget', () => {
  test("'unsafe-inline' in script-src fails", () => {
    const html = strictHtml.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
    expect(failing({ path: '/', html })).toEqual(['csp-policy']);
  });
  test('no policy fails', () => {
    expect(failing({ path: '/', html: '<!DOCTYPE html><html><head><title>t</title></head><body></body></html>' })).toEqual(['csp-policy']);
  });
});

describe('Nu checker budget', () => {
  test('any unfiltered error fails; warnings and filtered messages do not', () => {
    expect(failing({ path: '/', nu: { errors: [], warnings: [{ message: 'w' }], filtered: [{ message: 'f' }] } })).toEqual([]);
    expect(failing({ path: '/', nu: { errors: [{ message: 'Duplicate ID', line: 1, column: 2 }], warnings: [], filtered: [] } })).toEqual(['nu-errors']);
  });
});

describe('Lighthouse budgets', () => {
  test('accessibility, best practices and SEO must be 100', () => {
    expect(failing({ path: '/', lighthouse: [lhRun({ accessibility: 96 })] })).toEqual(['lh-accessibility']);
    expect(failing({ path: '/', lighthouse: [lhRun({ bestPractices: 92 })] })).toEqual(['lh-best-practices']);
    expect(failing({ path: '/', lighthouse: [lhRun({ seo: 91 })] })).toEqual(['lh-seo']);
  });
  test('noindex pages (embeds) are excluded from SEO only', () => {
    const checks = pageChecks({ path: '/embed/x/', weight: weight({ noindex: true }), lighthouse: [lhRun({ seo: 60 })] });
    expect(checks.map((c) => c.id)).not.toContain('lh-seo');
    expect(checks.map((c) => c.id)).toContain('lh-accessibility');
  });
  test('a performance-only run (the timed runs, apart from the category runs) checks no category', () => {
    const perfOnly = { ...lhRun({ performance: 95, accessibility: null, bestPractices: null, seo: null }), categories: ['performance'] };
    expect(pageChecks({ path: '/', lighthouse: [perfOnly] }).map((c) => c.id)).toEqual([]);
    expect(failing({ path: '/', lighthouse: [{ ...perfOnly, runtimeError: 'NO_FCP' }] })).toEqual(['lighthouse-ran']);
  });
  test('performance fails only below 90; the Lighthouse CLS median must be 0', () => {
    const perf = (score: number, cls = 0) => ({ runs: 3, score, lcp: 1200, tbt: 0, cls, scores: [score, score, score] });
    expect(failing({ path: '/', performance: perf(90) })).toEqual([]);
    expect(failing({ path: '/', performance: perf(89) })).toEqual(['lh-performance']);
    expect(failing({ path: '/', performance: perf(100, 0.05) })).toEqual(['lh-cls']);
  });
});

describe('site checks and summary', () => {
  test('an empty dist fails', () => {
    expect(siteChecks({ pages: 0, representatives: [], performanceMeasured: false }).filter((c) => !c.pass).map((c) => c.id)).toEqual(['pages-found']);
  });
  test('a template page without a performance result fails when Lighthouse ran', () => {
    const checks = siteChecks({ pages: 2, representatives: [{ path: '/', template: 'home', performance: null }], performanceMeasured: true });
    expect(checks.filter((c) => !c.pass).map((c) => c.id)).toEqual(['performance-measured:home']);
  });
  test('summary counts each check once', () => {
    expect(summarise([{ pass: true }, { pass: false }, { pass: true }] as never)).toEqual({ passed: 2, failed: 1 });
  });
  test('the budgets are those of the issue', () => {
    expect(budgets).toMatchObject({ firstPaintJsNoFigures: 4096, firstPaintJsWithFigures: 6144, figureJs: 36864, cssNoEquations: 12288, cls: 0, lighthouseCategory: 100, performanceFloor: 90 });
  });
});

describe('a median of three performance runs is decided early only when the third cannot change its verdict', () => {
  const run = (performance: number, cls = 0) => ({ scores: { performance }, metrics: { cls } });
  test('two runs on the same side of every budget decide it', () => {
    expect(performanceDecided([run(97), run(96)], 3)).toBe(true);
    expect(performanceDecided([run(80), run(85)], 3)).toBe(true);
    expect(performanceDecided([run(97, 0.05), run(96, 0.01)], 3)).toBe(true);
  });
  test('one run, or two that disagree on the score or on CLS, do not', () => {
    expect(performanceDecided([run(97)], 3)).toBe(false);
    expect(performanceDecided([run(97), run(85)], 3)).toBe(false);
    expect(performanceDecided([run(97, 0), run(96, 0.01)], 3)).toBe(false);
    expect(performanceDecided([run(97), run(85), run(91)], 3)).toBe(true);
  });
  test('one planned run is decided by itself', () => {
    expect(performanceDecided([run(40)], 1)).toBe(true);
  });
});
