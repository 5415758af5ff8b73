import { test, expect } from '@playwright/test';
import { OVERVIEW } from './helpers.ts';

test('the theme choice persists across pages without a flash of the other theme', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'light' });
  // Record the theme attribute at the moment <main> is first parsed, before any deferred script runs.
  await context.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('main')) {
        (window as unknown as { firstTheme: string }).firstTheme = document.documentElement.dataset.theme ?? 'system';
        (window as unknown as { firstBg: string }).firstBg = getComputedStyle(document.documentElement).backgroundColor;
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto(OVERVIEW);
  const toggle = page.locator('[data-theme-toggle]');
  await expect(toggle).toBeVisible();
  const lightBg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await toggle.click(); // system → light
  await toggle.click(); // light → dark
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const darkBg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(darkBg).not.toBe(lightBg);

  await page.goto('glossary/');
  expect(await page.evaluate(() => (window as unknown as { firstTheme: string }).firstTheme)).toBe('dark');
  expect(await page.evaluate(() => (window as unknown as { firstBg: string }).firstBg)).toBe(darkBg);
  await expect(toggle).toContainText('dark');

  await page.locator('[data-theme-toggle]').click(); // dark → system
  await page.reload();
  expect(await page.evaluate(() => (window as unknown as { firstTheme: string }).firstTheme)).toBe('system');
  await context.close();
});
