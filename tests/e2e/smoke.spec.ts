import { expect, test } from '@playwright/test';
import { axeViolations, describeViolations } from './support/axe.ts';

const pages = ['./', 'articles/overview/'];

for (const path of pages) {
  test(`${path} loads without console errors or axe violations @smoke`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toBeVisible();
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('internal links carry the base path @smoke', async ({ page, baseURL }) => {
  await page.goto('articles/overview/');
  const base = new URL(baseURL ?? '/').pathname;
  const hrefs = await page.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href.startsWith(base), href).toBe(true);
});
