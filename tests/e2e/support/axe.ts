import type { Frame, Page } from '@playwright/test';
import axe, { type Result, type RunOptions } from 'axe-core';

/** WCAG 2.2 A and AA, the rules every page and figure must pass. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's violations as the report gives them. */
export type AxeViolations = Result[];

/**
 * Only violations come back in full: the passes' node lists are most of the work of reporting a page. Each
 * document is checked on its own (`iframes: false`), frames included one by one below.
 */
const runOptions: RunOptions = { runOnly: { type: 'tag', values: axeTags }, resultTypes: ['violations'], iframes: false };

type WithAxe = Window & { axe?: typeof axe };

/**
 * The rules whose result can change with the colour scheme. The site's themes change nothing but colours
 * (color-scheme and light-dark(): no stylesheet or element depends on prefers-color-scheme), so in the second
 * scheme only these need running again.
 */
export const colourRules = ['color-contrast', 'link-in-text-block'];

/** Which rules to run: all of `axeTags`, or only those that depend on colour. */
export type AxeRules = 'all' | 'colour';

/** axe in one document (injected once, kept for later runs), within `include` (selectors) or everywhere. */
async function violationsIn(frame: Frame, include: string[], rules: AxeRules): Promise<AxeViolations> {
  if (!(await frame.evaluate(() => Boolean((window as WithAxe).axe)))) await frame.evaluate(axe.source);
  const options: RunOptions = rules === 'all' ? runOptions : { ...runOptions, runOnly: { type: 'rule', values: colourRules } };
  return frame.evaluate(
    ([include, options]) =>
      (window as WithAxe).axe!.run(include.length > 0 ? { include: include.map((selector) => [selector]) } : { exclude: [] }, options).then((results) => results.violations),
    [include, options] as const,
  );
}

/** Whether a frame's <iframe> lies within one of the selectors of its parent document (all frames without any). */
async function within(frame: Frame, include: string[]): Promise<boolean> {
  if (include.length === 0) return true;
  const element = await frame.frameElement();
  return element.evaluate((el, selectors) => el instanceof Element && selectors.some((s) => el.closest(s)), include);
}

/**
 * axe on the page as it is now, within `include` (selectors) or everywhere, and in every frame inside that: each
 * document gets axe once and runs it in place, run after run (@axe-core/playwright injected it again for every
 * run and gathered frames' results through a blank page: 2.9 s a run on an article against 0.7 s, and under load
 * it sometimes came back without a frame's results). A rule failing in several documents comes back once, with
 * every node; a node inside a frame names the frame's <iframe> first.
 */
export async function axeViolations(page: Page, include: string[] = [], rules: AxeRules = 'all'): Promise<AxeViolations> {
  const byRule = new Map<string, Result>();
  const add = (violations: AxeViolations, frameSelector: string[]) => {
    for (const v of violations) {
      const nodes = v.nodes.map((n) => ({ ...n, target: [...frameSelector, ...n.target] as typeof n.target }));
      const seen = byRule.get(v.id);
      if (seen) seen.nodes.push(...nodes);
      else byRule.set(v.id, { ...v, nodes });
    }
  };
  add(await violationsIn(page.mainFrame(), include, rules), []);
  const checked = new Set<Frame>();
  for (const frame of page.frames()) {
    const parent = frame.parentFrame();
    if (!parent || frame.isDetached()) continue;
    // A nested frame goes with its parent's frame; a frame of the page itself, with the selectors.
    if (parent === page.mainFrame() ? !(await within(frame, include)) : !checked.has(parent)) continue;
    checked.add(frame);
    add(await violationsIn(frame, [], rules), [`iframe[src="${frame.url()}"]`]);
  }
  return [...byRule.values()];
}

/** One line per violation: the rule and where it fails. */
export const describeViolations = (violations: AxeViolations): string[] => violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

/** Every rule in the light colour scheme, then the colour rules in the dark one (the same checks as every rule in both). */
export const schemeRuns = [
  { colorScheme: 'light', rules: 'all' },
  { colorScheme: 'dark', rules: 'colour' },
] as const;

/** axe in the light and then the dark colour scheme; lines name the scheme. */
export async function axeInBothSchemes(page: Page, include: string[] = []): Promise<string[]> {
  const found: string[] = [];
  for (const { colorScheme, rules } of schemeRuns) {
    await page.emulateMedia({ colorScheme });
    found.push(...describeViolations(await axeViolations(page, include, rules)).map((line) => `${colorScheme}: ${line}`));
  }
  return found;
}
