/** axe (WCAG 2.2 AA) on the figure in the article, on the embed page and in the catalogue, light and dark. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ANCHOR, EMBED, OVERVIEW, waitForHydration } from './support.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [path, root] of [[OVERVIEW, `#${ANCHOR}`], [EMBED, 'main'], ['kit/', `#figure-parameters-vs-activations`]] as const) {
    test(`${path} ${colorScheme}: no axe violations in the figure`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      await waitForHydration(page, page.locator(root));
      await page.locator(`${root} summary`).first().click();
      const results = await new AxeBuilder({ page }).include(root).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}
