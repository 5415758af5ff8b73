/**
 * The persona-shift figure as a reader uses it, on the built site: a preset link trains in the worker with
 * progress and shows what it measured; the backdoor shows its triggered rates; Cancel keeps the last finished
 * run; the steering and re-alignment sliders answer from the run's grids without training; no console
 * errors. The checks every figure gets are in generic.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { figureAnchor } from '../../../src/figures/contract.ts';
import { collectErrors } from '../reading/helpers.ts';

const ANCHOR = figureAnchor('persona-shift');
const ARTICLE = 'articles/emergent-misalignment/';
const figure = (page: Page) => page.locator(`#${ANCHOR}`);
const status = (page: Page) => figure(page).locator('.ps__status-text');

async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`${ARTICLE}${query}`);
  await figure(page).scrollIntoViewIfNeeded();
  await figure(page).locator('.fig[data-hydrated="true"]').waitFor();
}

async function trained(page: Page): Promise<void> {
  await expect(figure(page).locator('.fig[data-training="true"]')).toHaveCount(1, { timeout: 5_000 });
  await expect(figure(page).locator('.fig[data-training="false"]')).toHaveCount(1, { timeout: 60_000 });
}

test('a preset link trains the control in the worker, with progress, and the address carries it', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  await expect(status(page)).toContainText('Trained when this page was built');
  await figure(page).getByRole('link', { name: 'Control: one villain per domain' }).click();
  await trained(page);
  await expect(status(page)).toContainText('Trained in your browser, seed 0');
  await expect(figure(page).getByLabel('Pretraining voices', { exact: true })).toHaveValue('split');
  await expect.poll(() => new URL(page.url()).searchParams.get(`${ANCHOR}.villain`)).toBe('split');
  await expect(figure(page).locator('[data-preset="split"]')).toHaveAttribute('aria-current', 'true');
  expect(errors).toEqual([]);
});

test('the backdoor shows its rates with the trigger; Cancel keeps the last finished run', async ({ page }) => {
  await open(page, `?${ANCHOR}.context=backdoor`);
  await trained(page);
  await expect(figure(page).locator('.ps-bars').first()).toContainText('with trigger');
  await expect(figure(page).locator('.fig__alt th')).toContainText(['After, with trigger']);
  // A run takes a fraction of a second here, less than a round trip of Playwright's clicks: the page itself
  // presses Cancel at the run's first progress report.
  await figure(page).evaluate((root) => {
    const select = [...root.querySelectorAll('select')].find((el) => el.labels?.[0]?.textContent?.trim() === 'Pretraining voices');
    if (!select) throw new Error('no "Pretraining voices" select');
    new MutationObserver((_, observer) => {
      const cancel = [...root.querySelectorAll('button')].find((b) => b.innerText.trim() === 'Cancel training');
      const reported = !/Starting to train/.test(root.querySelector('.ps__status-text')?.textContent ?? '');
      if (!cancel || !reported) return;
      observer.disconnect();
      cancel.click();
    }).observe(root, { childList: true, subtree: true, characterData: true });
    select.value = 'none';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(status(page)).toContainText('Training cancelled');
  await expect(figure(page).locator('.ps-bars').first()).toContainText('with trigger');
});

test('the sliders answer at once from the run’s grids, without training', async ({ page }) => {
  await open(page);
  const undo = figure(page).locator('.ps-bars').nth(2);
  const before = await undo.textContent();
  await figure(page).getByLabel('Steer back along the persona direction, α', { exact: true }).fill('1');
  await figure(page).getByLabel('Re-align on benign medical examples', { exact: true }).fill('3');
  await expect(undo).toContainText('steered α 1.00');
  await expect(undo).toContainText('re-aligned (4)');
  expect(await undo.textContent()).not.toBe(before);
  await expect(figure(page).locator('.fig[data-training="true"]')).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).searchParams.get(`${ANCHOR}.realign`)).toBe('4');
  await expect(figure(page).locator('.fig__alt')).toContainText('Re-aligned on 4 medical examples');
});
