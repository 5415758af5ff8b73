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

/**
 * Resolves once the page has stopped scrolling (the same scroll position for several frames). Tabbing or
 * following a link far down the page scrolls smoothly (`scroll-behavior: smooth`), which takes well over
 * a second for a long jump on a busy machine: a fixed wait measures mid-scroll.
 */
export async function scrollSettled(page: Page, stillFrames = 6): Promise<void> {
  await page.evaluate(
    (frames) =>
      new Promise<void>((resolve) => {
        let last = scrollY;
        let still = 0;
        const tick = () => {
          still = scrollY === last ? still + 1 : 0;
          last = scrollY;
          if (still >= frames) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    stillFrames,
  );
}
