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

test('print shows quiz answers, full reference and internal addresses, and no figure controls', async ({ page }) => {
  await page.goto('articles/superposition/');
  await page.emulateMedia({ media: 'print' });
  const answer = page.locator('.question .answer').first();
  await expect(answer).toBeVisible();
  await expect(page.locator('.question summary').first()).toBeHidden();
  const source = page.locator('.reference-list a[href^="http"]').first();
  const href = (await source.getAttribute('href')) as string;
  expect(await source.evaluate((a) => getComputedStyle(a, '::after').content)).toContain(href);
  const internal = page.locator('.prose a[href^="/"]:not(.term):not(.cite-ref)').first();
  if ((await internal.count()) > 0) {
    expect(await internal.evaluate((a) => getComputedStyle(a, '::after').content)).toMatch(/\(https?:\/\/[^)]+\/articles\//);
  }
  const buttons = await page.locator('.figure button').evaluateAll((bs) => bs.filter((b) => (b as HTMLElement).checkVisibility()).map((b) => b.textContent?.trim()));
  expect(buttons).toEqual([]);
});
