/**
 * A sample of hostile links per registered figure (the same generator the Vitest fuzz tests use, with a
 * fixed seed) loads on the figure's embed page without a page error, console error or dialog, still shows
 * the hydrated figure, never turns input into markup, and shows the "reset to defaults" note exactly when
 * the codec reported a problem. Figures come from figureFolders() (every src/figures/<id>/figure.ts).
 */
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import type { FigureDefinition } from '../../../src/figures/contract.ts';
import { figureAnchor, figureFolders } from '../../../src/figures/contract.ts';
import { readParams } from '../../../src/lib/url-state.ts';
import { hostileQuery, payloads } from '../../unit/quality/hostile.ts';

const ids = figureFolders();

// Three fixed links and three random ones per figure; the codec itself is fuzzed by the thousand in Vitest.
const samples = Number(process.env.HOSTILE_LINKS ?? 3);

test('figures are registered', () => {
  expect(ids.length).toBeGreaterThan(0);
});

for (const id of ids) {
  test(`hostile links to ${id} load safely and still show the figure`, async ({ page, baseURL }) => {
    test.setTimeout(30_000 + samples * 10_000);
    const figure = ((await import(`../../../src/figures/${id}/figure.ts`)) as { default: FigureDefinition }).default;
    const anchor = figureAnchor(id);
    const names = Object.keys(figure.params);
    const fixed = [
      `?${names.map((n) => `${anchor}.${n}=${encodeURIComponent(payloads[0]!)}`).join('&')}`,
      `?${names.map((n) => `${anchor}.${n}=javascript:alert(1)&${anchor}.${n}=-1e308`).join('&')}&${anchor}.__proto__=x`,
      `?${names.map((n) => `${anchor}.${n}=${'9'.repeat(400)}`).join('&')}`,
    ];
    const random = fc.sample(hostileQuery(anchor, figure.params), { numRuns: samples, seed: 20261124 });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });

    for (const query of [...fixed, ...random]) {
      const url = new URL(`embed/${id}/${query}`, baseURL);
      const before = problems.length;
      const response = await page.goto(url.href);
      expect(response?.status(), url.href).toBe(200);
      const root = page.locator(`#${anchor}`);
      await root.scrollIntoViewIfNeeded();
      await expect(root.locator('.fig[data-hydrated="true"]'), `hydrated with ${url.search.slice(0, 120)}`).toHaveCount(1, { timeout: 10_000 });
      await expect(root.locator('svg').first()).toBeVisible();
      const expected = readParams(url.search, anchor, figure.params);
      await expect(root.getByTestId('figure-reset-note'), `note for ${url.search.slice(0, 120)}`).toHaveCount(expected.problems.length > 0 ? 1 : 0);
      // Nothing from the query became markup: no element carries an inline handler or javascript: URL.
      const injected = await page.evaluate(() =>
        [...document.querySelectorAll('*')].flatMap((el) =>
          [...el.attributes].filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)).map((a) => `${el.tagName}[${a.name}]`),
        ),
      );
      expect(injected, url.search.slice(0, 120)).toEqual([]);
      expect(problems.slice(before), url.search.slice(0, 120)).toEqual([]);
    }
  });
}
