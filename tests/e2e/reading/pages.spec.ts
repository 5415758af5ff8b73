import { test, expect } from '@playwright/test';
import { articlePaths } from './helpers.ts';

// Console errors, axe in light and dark and sideways scrolling at 375 px are checked on every built page by the
// quality report's browser pass (scripts/quality/browser.mjs).
test.describe('every page', () => {
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
