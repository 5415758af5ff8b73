/**
 * The steering figure as a reader uses it, on the built site: α, the method and the comparison are read from
 * the result at once (no training); another seed trains in the lab worker and can be cancelled; a preset is a
 * link. The checks every figure gets are in generic.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { figureAnchor } from '../../../src/figures/contract.ts';
import { collectErrors } from '../reading/helpers.ts';

const ID = 'feature-steering';
const ANCHOR = figureAnchor(ID);
const ARTICLE = 'articles/feature-steering/';
const figure = (page: Page) => page.locator(`#${ANCHOR}`);
const root = (page: Page) => figure(page).locator('.fs');

async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`${ARTICLE}${query}`);
  await figure(page).scrollIntoViewIfNeeded();
  await figure(page).locator('.fig[data-hydrated="true"]').waitFor();
}

test('α and the comparison change the samples at once, without training', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  const heading = figure(page).locator('.fs-samples__heading').first();
  await expect(heading).toContainText('α = 0.5');
  await figure(page).getByLabel('Clamp α (× largest activation)', { exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(heading).toContainText('α = 0.75');
  await figure(page).getByLabel('Compared with', { exact: true }).selectOption('prompt');
  await expect(figure(page).locator('.fs-samples__heading').nth(1)).toContainText('Prompted with');
  await expect(root(page)).toHaveAttribute('data-training', 'false');
  expect(errors).toEqual([]);
});

test('a preset is a shareable link that sets the view', async ({ page }) => {
  await open(page);
  const link = figure(page).locator('a[data-preset="fires"]');
  await expect(link).toHaveAttribute('href', new RegExp(`${ANCHOR}\\.method=fires`));
  await link.click();
  await expect(figure(page).locator('.fs-samples__heading').first()).toContainText('chosen by where it fires');
  await expect(link).toHaveAttribute('aria-current', 'true');
});

test('another seed trains in the worker and can be cancelled; its samples leave the figure’s height as it was', async ({ page }) => {
  await open(page);
  const height = (await root(page).boundingBox())?.height;
  await figure(page).getByRole('button', { name: 'Train the next seed' }).click();
  await expect(root(page)).toHaveAttribute('data-training', 'true', { timeout: 5_000 });
  await figure(page).getByRole('button', { name: 'Cancel training' }).click();
  await expect(root(page)).toHaveAttribute('data-training', 'false');
  await expect(figure(page).locator('.fs__status-text')).toContainText('Training cancelled');
  await figure(page).getByRole('button', { name: 'Train seed 1' }).click();
  await expect(root(page)).toHaveAttribute('data-training', 'false', { timeout: 90_000 });
  await expect(figure(page).locator('.fs__status-text')).toContainText('Seed 1, trained in your browser');
  expect((await root(page).boundingBox())?.height).toBe(height);
});
