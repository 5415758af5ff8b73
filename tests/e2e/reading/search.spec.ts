import { test, expect } from '@playwright/test';
import { OVERVIEW } from './helpers.ts';

test('search finds the overview article by a word from its body', async ({ page }) => {
  await page.goto(OVERVIEW);
  // A long, distinctive word from the prose (not the title), as a reader would remember it.
  const word = await page.locator('.prose p').evaluateAll((ps) => {
    const words = ps.flatMap((p) => (p.textContent ?? '').split(/[^\p{L}]+/u)).filter((w) => w.length >= 8);
    return words.sort((a, b) => b.length - a.length)[Math.min(2, words.length - 1)] ?? 'model';
  });
  await page.goto('search/');
  await page.keyboard.press('/');
  const input = page.locator('.pagefind-ui__search-input');
  await expect(input).toBeFocused();
  await input.fill(word);
  const result = page.locator('.pagefind-ui__result-link').filter({ has: page.locator('xpath=.') });
  await expect(result.first()).toBeVisible({ timeout: 10_000 });
  const hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  expect(hrefs.some((h) => h.endsWith(`/${OVERVIEW}`))).toBe(true);
});

test('"/" on any page goes to search with the field focused', async ({ page }) => {
  await page.goto(OVERVIEW);
  await page.keyboard.press('/');
  await page.waitForURL(/search\/#search$/);
  await expect(page.locator('.pagefind-ui__search-input')).toBeFocused({ timeout: 10_000 });
});

test('Enter in the search box opens the first result: the article, not an index page that names it', async ({ page }) => {
  await page.goto('articles/superposition/');
  const section = ((await page.locator('.prose h2.heading').nth(3).evaluate((h) => h.firstChild?.textContent)) ?? '').trim();
  // A section heading of this article (a single word such as "superposition" now matches several articles).
  for (const query of [section]) {
    await page.goto('search/');
    const input = page.locator('.pagefind-ui__search-input');
    await input.waitFor();
    await input.fill(query);
    await input.press('Enter');
    // Which page opens is the check; the article's own load (figures and all) is not.
    await page.waitForURL(/\/articles\/superposition\//, { timeout: 10_000, waitUntil: 'commit' });
  }
});
