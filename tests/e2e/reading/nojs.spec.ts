import { test, expect } from '@playwright/test';
import { OVERVIEW } from './helpers.ts';

test.use({ javaScriptEnabled: false });

test('without JavaScript, citations, terms and the contents are plain working links', async ({ page }) => {
  await page.goto(OVERVIEW);
  await expect(page.locator('[popover]:visible')).toHaveCount(0);
  await expect(page.locator('.section-menu-button:visible')).toHaveCount(0);

  const cite = page.locator('a.cite-ref').first();
  const citeHash = (await cite.getAttribute('href')) as string;
  await cite.click();
  expect(new URL(page.url()).hash).toBe(citeHash);
  await expect(page.locator(`[id="${citeHash.slice(1)}"]`)).toBeVisible();

  await page.goto(OVERVIEW);
  const toc = page.locator('nav.toc a').first();
  await expect(toc).toBeVisible();
  const tocHash = (await toc.getAttribute('href')) as string;
  await toc.click();
  expect(new URL(page.url()).hash).toBe(tocHash);

  await page.goto(OVERVIEW);
  const term = page.locator('a.term').first();
  const termHref = (await term.getAttribute('href')) as string;
  await term.click();
  await page.waitForURL(/\/glossary\/#/);
  await expect(page.locator(`[id="${termHref.split('#')[1]}"]`)).toBeVisible();

  // Questions still open without script: they are <details>.
  await page.goto(OVERVIEW);
  const question = page.locator('.question details').first();
  if ((await question.count()) > 0) {
    await question.locator('summary').click();
    await expect(question.locator('.answer')).toBeVisible();
  }
});

test('the figure share menu shows the full link and embed code, not copy buttons that cannot work', async ({ page }) => {
  await page.goto('articles/superposition/');
  const menu = page.locator('#fig-superposition-explorer .figure__menu');
  await menu.locator('summary').click();
  await expect(menu.getByRole('button')).toHaveCount(0); // hidden buttons are not in the accessibility tree
  const link = await menu.locator('[data-figure-link]').inputValue();
  expect(link).toMatch(/^https?:\/\/[^/]+\/.*articles\/superposition\/#fig-superposition-explorer$/);
  await expect(menu.locator('[data-embed-code]')).toBeVisible();
});
