/** Without JavaScript (and in print) the figure is complete: SVG, caption and text alternative at the defaults. */
import { expect, test } from '@playwright/test';
import { ANCHOR, EMBED, OVERVIEW } from './support.ts';

test.use({ javaScriptEnabled: false });

for (const path of [OVERVIEW, EMBED]) {
  test(`${path}: the figure, its caption and its text alternative are in the HTML`, async ({ page }) => {
    await page.goto(path);
    const figure = page.locator(`#${ANCHOR}`);
    await expect(figure.locator('svg[role="img"]').first()).toBeVisible();
    await expect(figure.locator('.fig-node')).toHaveCount(12);
    await expect(figure.locator('figcaption')).not.toBeEmpty();
    const alternative = figure.locator('details.fig__alt');
    await expect(alternative).toContainText('default settings');
    await expect(alternative.locator('tbody tr')).toHaveCount(12);
    await expect(figure).toContainText('The controls need JavaScript.');
    await expect(figure.getByLabel('Input: x₁')).toBeDisabled();
  });
}

test('in print, the text alternative is shown open and the controls are hidden', async ({ page }) => {
  await page.goto(OVERVIEW);
  await page.emulateMedia({ media: 'print' });
  const figure = page.locator(`#${ANCHOR}`);
  await expect(figure.locator('details.fig__alt table')).toBeVisible();
  await expect(figure.getByLabel('Input: x₁')).toBeHidden();
});
