import { test, expect } from '@playwright/test';
import { OVERVIEW, headerBottom, scrollSettled } from './helpers.ts';

test('a linked heading lands just below the sticky header (one offset, not two)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(OVERVIEW);
  const id = (await page.locator('.prose h2.heading').nth(2).getAttribute('id')) as string;
  await page.goto(`${OVERVIEW}#${id}`);
  await scrollSettled(page);
  const top = await page.locator(`[id="${id}"]`).evaluate((h) => h.getBoundingClientRect().top);
  const bottom = await headerBottom(page);
  expect(top).toBeGreaterThanOrEqual(bottom);
  expect(top - bottom).toBeLessThan(40);
});

test('an open text alternative does not widen the page at 375 px', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('articles/superposition/');
  for (const summary of await page.locator('.fig__alt > summary').all()) {
    await summary.scrollIntoViewIfNeeded();
    await summary.click();
  }
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
});
