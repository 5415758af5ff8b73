import { test, expect } from '@playwright/test';
import { OVERVIEW, headerBottom, scrollSettled } from './helpers.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('section menu copies a link and a citation that land on the heading below the header', async ({ page }) => {
  await page.goto(OVERVIEW);
  const heading = page.locator('.prose h2.heading').nth(1);
  const id = (await heading.getAttribute('id')) as string;
  await heading.scrollIntoViewIfNeeded();
  await heading.locator('.section-menu-button').click();
  const menu = page.locator('#section-menu');
  await expect(menu).toBeVisible();
  await menu.getByRole('button', { name: /copy link/i }).click();
  await expect(menu.getByRole('status')).toHaveText('Copied.');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  // The page's own origin, whatever SITE_URL the build had (the test build leaves it at its default).
  const here = new URL(page.url());
  expect(link).toBe(`${here.origin}${here.pathname}#${id}`);

  await menu.getByRole('button', { name: /citation/i }).click();
  const citation = await page.evaluate(() => navigator.clipboard.readText());
  expect(citation).toContain(`#${id}`);
  expect(citation).toContain((await heading.evaluate((h) => h.firstChild?.textContent ?? '')).trim());

  await menu.getByRole('button', { name: /bibtex/i }).click();
  const bibtex = await page.evaluate(() => navigator.clipboard.readText());
  expect(bibtex).toMatch(new RegExp(`^@misc\\{[a-z0-9]+:${id},`));
  expect(bibtex).toContain(`url = {${new URL(page.url()).origin}/`);
  expect(bibtex).toContain(`#${id}}`);
  expect(bibtex).toContain(`urldate = {${new Date().toISOString().slice(0, 10)}}`);

  await page.goto(link);
  await scrollSettled(page);
  const top = await page.locator(`[id="${id}"]`).evaluate((h) => h.getBoundingClientRect().top);
  const bottom = await headerBottom(page);
  expect(top).toBeGreaterThanOrEqual(bottom);
  expect(top).toBeLessThan(bottom + 120);
});

test('"Cite this page" copies text and BibTeX with the page\'s own origin and today as urldate', async ({ page }) => {
  await page.goto(OVERVIEW);
  const here = new URL(page.url());
  await page.getByRole('button', { name: 'Copy text' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`${here.origin}${here.pathname}`);
  await page.getByRole('button', { name: 'Copy BibTeX' }).click();
  const bibtex = await page.evaluate(() => navigator.clipboard.readText());
  expect(bibtex).toContain(`url = {${here.origin}${here.pathname}}`);
  expect(bibtex).toContain(`urldate = {${new Date().toISOString().slice(0, 10)}}`);
});

test('the heading anchor and the table of contents link to the section', async ({ page }) => {
  await page.goto(OVERVIEW);
  const tocLink = page.locator('nav.toc a').last();
  const hash = (await tocLink.getAttribute('href')) as string;
  await tocLink.click();
  await scrollSettled(page);
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

test('the section menu opens beside its button, below the header', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(OVERVIEW);
  const heading = page.locator('.prose h2.heading').nth(2);
  await heading.evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 300));
  const button = heading.locator('.section-menu-button');
  await button.click();
  const menu = page.locator('.section-menu:popover-open');
  await expect(menu).toHaveCount(1);
  const b = (await button.boundingBox())!;
  const m = (await menu.boundingBox())!;
  expect(Math.abs(m.y - (b.y + b.height))).toBeLessThan(24);
  expect(m.y).toBeGreaterThanOrEqual(await headerBottom(page));
  expect(m.x + m.width).toBeGreaterThan(b.x);
  expect(m.x).toBeLessThan(b.x + b.width);
});
