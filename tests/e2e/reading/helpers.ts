import type { Page } from '@playwright/test';

export const OVERVIEW = 'articles/overview/';

/** Article paths, relative to the base, discovered from the home page. */
export async function articlePaths(page: Page): Promise<string[]> {
  await page.goto('./');
  const hrefs = await page.locator('.path a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  const base = new URL(page.url()).pathname;
  return hrefs.map((h) => h.slice(base.length));
}

/** Collects console errors and uncaught exceptions for the page's lifetime. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Bottom edge of the sticky header (0 when it is not sticky or scrolled away). */
export async function headerBottom(page: Page): Promise<number> {
  return page.evaluate(() => {
    const h = document.querySelector('.site-header');
    if (!h) return 0;
    const pos = getComputedStyle(h).position;
    return pos === 'sticky' || pos === 'fixed' ? Math.max(0, h.getBoundingClientRect().bottom) : 0;
  });
}
