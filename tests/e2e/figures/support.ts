import type { Page } from '@playwright/test';
import { figureAnchor } from '../../../src/figures/contract.ts';

const FIGURE_ID = 'parameters-vs-activations';
export const ANCHOR = figureAnchor(FIGURE_ID);
export const OVERVIEW = 'articles/overview/';
export const key = (name: string, anchor = ANCHOR) => `${anchor}.${name}`;

/** Records layout shifts from the first paint on (call before page.goto). */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __shifts: { value: number; sources: string[] }[] };
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; sources?: { node?: Node }[] }[]) {
        w.__shifts.push({
          value: entry.value,
          sources: (entry.sources ?? []).map((s) => (s.node instanceof Element ? s.node.outerHTML.slice(0, 80) : String(s.node?.nodeName))),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

export async function layoutShifts(page: Page): Promise<{ value: number; sources: string[] }[]> {
  return page.evaluate(() => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts);
}

export async function waitForHydration(page: Page, root = page.locator(`#${ANCHOR}`)): Promise<void> {
  await root.scrollIntoViewIfNeeded();
  await root.locator('.fig[data-hydrated="true"]').waitFor();
}

/** The URL's value for a figure parameter once the (throttled) replaceState has happened. */
export async function urlParam(page: Page, name: string): Promise<string | null> {
  return new URL(page.url()).searchParams.get(key(name));
}
