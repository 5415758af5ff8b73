// Renders the report as tables: plain text for the terminal, Markdown for docs/quality.md. Pure.
import { KB, budgets } from './budgets.mjs';

/** @typedef {import('./report.mjs').QualityReport} QualityReport */
/** @typedef {import('./report.mjs').ReportedPage} ReportedPage */
/** @typedef {Record<string, string>} Row  column key → cell text */

/** @param {number | null | undefined} bytes */
const kb = (bytes) => (bytes === undefined || bytes === null ? '–' : (bytes / KB).toFixed(1));

/**
 * The page's CSP checks in one cell: '–' when the policy was not checked.
 * @param {import('./budgets.mjs').Check[]} checks
 */
function cspCell(checks) {
  if (checks.length === 0) return '–';
  return checks.every((c) => c.pass) ? 'ok' : 'FAIL';
}

/** @param {ReportedPage} page */
function scoreCell(page) {
  const first = page.lighthouse?.find((r) => r.scores.accessibility !== null);
  if (!first) return '–';
  const s = first.scores;
  return `${s.accessibility}/${s.bestPractices}/${page.weight?.noindex ? 'n/a' : s.seo}`;
}

/**
 * @param {QualityReport} report
 * @returns {Row[]}
 */
export function pageRows(report) {
  return report.pages.map((page) => {
    const w = page.weight;
    const failed = report.checks.filter((c) => c.scope === page.path && !c.pass).map((c) => c.id);
    const islandMax = w && w.islands.length ? Math.max(...w.islands.map((i) => i.gzip)) : null;
    return {
      page: page.path,
      template: page.template,
      html: kb(w?.html.gzip),
      css: w ? `${kb(w.css.gzip)}${w.hasEquations ? '*' : ''}` : '–',
      fpJs: kb(w?.firstPaint.gzip),
      figures: w ? (w.islands.length ? `${w.islands.length} (max ${kb(islandMax)})` : '0') : '–',
      nu: page.nu ? String(page.nu.errors.length) : '–',
      axe: page.browser ? String(page.browser.axe.length) : '–',
      external: page.browser ? String(page.browser.externalRequests.length) : '–',
      csp: cspCell(report.checks.filter((c) => c.scope === page.path && c.id.startsWith('csp'))),
      lighthouse: scoreCell(page),
      result: failed.length ? `FAIL: ${failed.join(', ')}` : 'ok',
    };
  });
}

/**
 * @param {QualityReport} report
 * @returns {Row[]}
 */
export function performanceRows(report) {
  return report.pages.flatMap(({ template, path, performance: perf }) =>
    perf
      ? [{
          template,
          page: path,
          score: `${perf.score} (${perf.scores.join(', ')})`,
          lcp: perf.lcp === null ? '–' : `${(perf.lcp / 1000).toFixed(2)} s`,
          tbt: perf.tbt === null ? '–' : `${Math.round(perf.tbt)} ms`,
          cls: perf.cls === null ? '–' : String(Number(perf.cls.toFixed(3))),
        }]
      : [],
  );
}

const pageHeaders = {
  page: 'Page', template: 'Template', html: 'HTML', css: 'CSS', fpJs: 'JS first paint', figures: 'Figures (JS when visible)',
  nu: 'Nu errors', axe: 'axe', external: 'External req.', csp: 'CSP', lighthouse: 'LH a11y/BP/SEO', result: 'Result',
};
const perfHeaders = { template: 'Template', page: 'Page', score: 'Performance (median; runs)', lcp: 'LCP', tbt: 'TBT', cls: 'CLS' };

/**
 * @param {Row[]} rows
 * @param {Row} headers  column key → heading, in column order
 */
function textTable(rows, headers) {
  const keys = Object.keys(headers);
  const widths = keys.map((k) => Math.max(String(headers[k]).length, ...rows.map((r) => String(r[k]).length)));
  /** @param {(string | undefined)[]} cells */
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join('  ');
  return [line(keys.map((k) => headers[k])), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(keys.map((k) => r[k])))].join('\n');
}

/**
 * @param {Row[]} rows
 * @param {Row} headers  column key → heading, in column order
 */
function markdownTable(rows, headers) {
  const keys = Object.keys(headers);
  /** @param {string | undefined} s */
  const esc = (s) => String(s).replace(/\|/g, '\\|');
  return [`| ${keys.map((k) => headers[k]).join(' | ')} |`, `|${keys.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${keys.map((k) => esc(r[k])).join(' | ')} |`)].join('\n');
}

/** @param {QualityReport} report */
export function renderText(report) {
  const out = [
    'Page weight in KB gzip (* = page with equations: CSS budget does not apply). LH = Lighthouse, mobile.',
    textTable(pageRows(report), pageHeaders),
  ];
  const perf = performanceRows(report);
  if (perf.length) out.push('', 'Performance (Lighthouse mobile, simulated throttling):', textTable(perf, perfHeaders));
  const failed = report.checks.filter((c) => !c.pass);
  if (failed.length) {
    out.push('', 'Broken budgets:');
    for (const c of failed) out.push(`  ✗ ${c.scope} ${c.id}: ${c.value} (limit ${c.limit})${c.detail ? ` — ${c.detail}` : ''}`);
  }
  out.push('', `${report.summary.passed} passed, ${report.summary.failed} failed`);
  return out.join('\n');
}

/** @param {QualityReport} report */
export function renderMarkdown(report) {
  const b = budgets;
  const out = [
    `Measured ${report.generatedAt.slice(0, 10)} on ${report.pages.length} page(s); sizes in KB gzip; ` +
      `${report.summary.passed} checks passed, ${report.summary.failed} failed.`,
    '',
    markdownTable(pageRows(report), pageHeaders),
  ];
  const perf = performanceRows(report);
  if (perf.length) out.push('', markdownTable(perf, perfHeaders));
  out.push('', `Budgets: first-paint JS ≤ ${b.firstPaintJsNoFigures / KB} KB without figures (and no framework runtime), ≤ ${b.firstPaintJsWithFigures / KB} KB with figures; ` +
    `each figure ≤ ${b.figureJs / KB} KB when visible; CSS ≤ ${b.cssNoEquations / KB} KB without equations (*); CLS 0; Lighthouse accessibility, best practices, SEO ${b.lighthouseCategory}; ` +
    `performance median of 3 runs (of 2 when they agree) ≥ ${b.performanceFloor} (aim ${b.performanceAim}).`);
  const failed = report.checks.filter((c) => !c.pass);
  if (failed.length) {
    out.push('', 'Currently broken:', '');
    for (const c of failed) out.push(`- \`${c.scope}\` ${c.id}: ${c.value} (limit ${c.limit})${c.detail ? ` — ${c.detail.slice(0, 300)}` : ''}`);
  }
  return out.join('\n');
}
