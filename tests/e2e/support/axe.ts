import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import axe, { type Result, type RunOptions } from 'axe-core';

/** WCAG 2.2 A and AA, the rules every page and figure must pass. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's violations as the report gives them. */
export type AxeViolations = Result[];

/** Only violations come back in full: the passes' node lists are most of the work of reporting a page. */
const runOptions: RunOptions = { runOnly: { type: 'tag', values: axeTags }, resultTypes: ['violations'] };

/**
 * axe on the page as it is now, within `include` (selectors) or everywhere. A page without frames gets axe once
 * and runs it in the page, run after run: @axe-core/playwright injects it again for every run and, in its
 * default mode, opens a blank page to gather results across frames (on an article, 2.9 s a run against 0.7 s
 * here). A page with a frame goes through @axe-core/playwright, so its frames stay checked.
 */
export async function axeViolations(page: Page, include: string[] = []): Promise<AxeViolations> {
  if ((await page.locator('iframe').count()) > 0) {
    const builder = new AxeBuilder({ page }).withTags(axeTags).options({ resultTypes: ['violations'] });
    for (const selector of include) builder.include(selector);
    return (await builder.analyze()).violations;
  }
  type WithAxe = Window & { axe?: typeof axe };
  if (!(await page.evaluate(() => Boolean((window as WithAxe).axe)))) await page.evaluate(axe.source);
  return page.evaluate(
    ([include, options]) =>
      (window as WithAxe).axe!.run(include.length > 0 ? { include: include.map((selector) => [selector]) } : { exclude: [] }, options).then((results) => results.violations),
    [include, runOptions] as const,
  );
}

/** One line per violation: the rule and where it fails. */
export const describeViolations = (violations: AxeViolations): string[] => violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

/** axe in the light and then the dark colour scheme; lines name the scheme. */
export async function axeInBothSchemes(page: Page, include: string[] = []): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    found.push(...describeViolations(await axeViolations(page, include)).map((line) => `${colorScheme}: ${line}`));
  }
  return found;
}
