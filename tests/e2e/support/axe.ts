import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** WCAG 2.2 A and AA, the rules every page and figure must pass. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's violations as the report gives them. */
export type AxeViolations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

/**
 * axe on the page as it is now, within `include` (selectors) or everywhere. Without frames it runs in "legacy"
 * mode, inside the page: the default mode opens a blank page for every run to gather results across frames,
 * which cost about a second a run here. A page with a frame gets the default mode, so frames stay checked.
 */
export async function axeViolations(page: Page, include: string[] = []): Promise<AxeViolations> {
  const builder = new AxeBuilder({ page }).withTags(axeTags).setLegacyMode((await page.locator('iframe').count()) === 0);
  for (const selector of include) builder.include(selector);
  return (await builder.analyze()).violations;
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
