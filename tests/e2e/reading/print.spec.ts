import { test, expect } from '@playwright/test';
import { OVERVIEW } from './helpers.ts';

test('print hides site chrome, keeps figures and writes out link targets', async ({ page }) => {
  await page.goto(OVERVIEW);
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['.site-header', '.site-footer', '.toc-column', '.article-nav', '.skip-link']) {
    await expect(page.locator(sel).first(), sel).toBeHidden();
  }
  await expect(page.locator('h1')).toBeVisible();
  const figures = page.locator('.prose figure');
  for (let i = 0; i < (await figures.count()); i++) await expect(figures.nth(i)).toBeVisible();
  const external = page.locator('.prose a[href^="http"]').first();
  if ((await external.count()) > 0) {
    const after = await external.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('http');
  }
});
