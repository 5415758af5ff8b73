import { test, expect } from '@playwright/test';
import { OVERVIEW, headerBottom } from './helpers.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('section menu copies a link and a citation that land on the heading below the header', async ({ page }) => {
  await page.goto(OVERVIEW);
  const heading = page.locator('.prose h2.heading').nth(1);
  const id = (await heading.getAttribute('id')) as string;
  await heading.scrollIntoViewIfNeeded();
  await heading.locator('.section-menu-button').click();
  const menu = page.locator(`[id="menu-${id}"]`);
  await expect(menu).toBeVisible();
  await menu.getByRole('button', { name: /copy link/i }).click();
  await expect(menu.getByRole('status')).toHaveText('Copied.');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link.endsWith(`#${id}`)).toBe(true);

  await menu.getByRole('button', { name: /citation/i }).click();
  const citation = await page.evaluate(() => navigator.clipboard.readText());
  expect(citation).toContain(`#${id}`);
  expect(citation).toContain((await heading.evaluate((h) => h.firstChild?.textContent ?? '')).trim());

  // The copied URL (built from the configured site) points at this page: open it on this server.
  const target = new URL(link);
  await page.goto(`${new URL(page.url()).origin}${target.pathname}${target.hash}`);
  await page.waitForTimeout(600);
  const top = await page.locator(`[id="${id}"]`).evaluate((h) => h.getBoundingClientRect().top);
  const bottom = await headerBottom(page);
  expect(top).toBeGreaterThanOrEqual(bottom);
  expect(top).toBeLessThan(bottom + 120);
});

test('the heading anchor and the table of contents link to the section', async ({ page }) => {
  await page.goto(OVERVIEW);
  const tocLink = page.locator('nav.toc a').last();
  const hash = (await tocLink.getAttribute('href')) as string;
  await tocLink.click();
  await page.waitForTimeout(800);
  expect(new URL(page.url()).hash).toBe(hash);
  const top = await page.locator(`[id="${decodeURIComponent(hash.slice(1))}"]`).evaluate((h) => h.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(await headerBottom(page));
  await expect(page.locator(`nav.toc a[aria-current]`)).toHaveCount(1);
});

test('the table of contents marks the section being read', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(OVERVIEW);
  const headings = page.locator('.prose h2.heading');
  const last = headings.last();
  await last.evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 100));
  await page.waitForTimeout(300);
  const id = await last.getAttribute('id');
  await expect(page.locator(`nav.toc a[aria-current]`)).toHaveAttribute('href', `#${id}`);
});
