import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { SITE_PAGES, articlePaths, collectErrors } from './helpers.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test.describe('every page, light and dark', () => {
  test('no console errors, no axe violations, no sideways scroll at 375 px', async ({ browser, page }) => {
    test.setTimeout(240_000);
    const paths = [...SITE_PAGES, ...(await articlePaths(page))];
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [1280, 375]) {
        const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 800 } });
        const p = await context.newPage();
        for (const path of paths) {
          const errors = collectErrors(p);
          await p.goto(path);
          await p.waitForLoadState('networkidle');
          const where = `${path || 'home'} (${scheme}, ${width}px)`;
          // The 404 page's HTTP status is an expected console error, nothing else is.
          expect(errors.filter((e) => !/404/.test(e)), `console errors on ${where}`).toEqual([]);
          const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `horizontal scroll on ${where}`).toBeLessThanOrEqual(0);
          if (width === 1280 || path === '') {
            const results = await new AxeBuilder({ page: p }).withTags(WCAG).analyze();
            const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
            expect(summary, `axe on ${where}`).toEqual([]);
          }
        }
        await context.close();
      }
    }
  });

  test('head carries description, canonical, social cards and scholarly tags', async ({ page, request }) => {
    const [first] = await articlePaths(page);
    await page.goto(first as string);
    for (const sel of [
      'meta[name="description"]',
      'link[rel="canonical"]',
      'meta[property="og:title"]',
      'meta[name="twitter:card"]',
      'meta[name="citation_title"]',
      'meta[name="citation_author"]',
      'meta[name="citation_publication_date"]',
    ]) {
      await expect(page.locator(`head ${sel}`).first(), sel).toHaveCount(1);
    }
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(new URL(canonical as string).pathname).toBe(new URL(page.url()).pathname);
    for (const file of ['favicon.ico', 'favicon.svg', 'rss.xml', 'sitemap-index.xml']) {
      expect((await request.get(file)).status(), file).toBe(200);
    }
  });

  test('the article has its landmarks: contents, references, cite this page, edit and report links', async ({ page }) => {
    const [first] = await articlePaths(page);
    await page.goto(first as string);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('nav.toc a').first()).toBeVisible();
    await expect(page.locator('#cite-this-page')).toBeVisible();
    await expect(page.locator('#cite-bibtex')).toContainText('@misc{');
    await expect(page.getByRole('link', { name: 'Edit this page' })).toHaveAttribute('href', /\/edit\//);
    await expect(page.getByRole('link', { name: 'Report an error' })).toHaveAttribute('href', /\/issues\/new/);
    await expect(page.locator('.licence')).toContainText('CC BY 4.0');
    if ((await page.locator('.cite-ref').count()) > 0) {
      await expect(page.locator('#references')).toBeVisible();
      // Every reference links back to a citation that exists.
      const backs = await page.locator('.reference-list .backlinks a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
      for (const id of backs) expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
    }
  });

  test('on every article, each reference links back to every place that cites it', async ({ page }) => {
    for (const path of await articlePaths(page)) {
      await page.goto(path);
      const citations = await page.locator('a.cite-ref').count();
      if (citations === 0) continue;
      const entries = page.locator('.reference-list > li');
      for (const entry of await entries.all()) await expect(entry.locator('.backlinks a').first(), path).toBeAttached();
      await expect(page.locator('.reference-list .backlinks a'), path).toHaveCount(citations);
    }
  });
});
