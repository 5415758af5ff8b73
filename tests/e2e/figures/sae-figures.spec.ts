/**
 * The sparse-autoencoder article's two figures as a reader uses them, on the built site: the dictionary figure
 * trains in the worker from its presets and controls (recovery at the defaults, failure in the controls), the
 * frontier places that run as a point, bad links fall back with a note, training keeps the page responsive,
 * keyboard, axe, layout stability, the embed pages and the page without JavaScript.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from '../reading/helpers.ts';
import { axeInBothSchemes } from '../support/axe.ts';
import { layoutShifts, mainThreadTasksDuring, recordLayoutShifts, tasksOverBudget } from './support.ts';

const ARTICLE = 'articles/sparse-autoencoders/';
const DICTIONARY = 'fig-sae-dictionary';
const FRONTIER = 'fig-sae-frontier';
const key = (name: string) => `${DICTIONARY}.${name}`;
const dictionary = (page: Page) => page.locator(`#${DICTIONARY}`);
const frontier = (page: Page) => page.locator(`#${FRONTIER}`);
const metric = (page: Page, name: string) => dictionary(page).locator('.sd__metrics > div', { hasText: name }).locator('dd').first();
const urlParam = (page: Page, name: string) => new URL(page.url()).searchParams.get(key(name));

async function open(page: Page, query = '', path = ARTICLE): Promise<void> {
  // Counts the dictionary's runs as they start: a short run can start and finish between two polls of its state.
  await page.addInitScript((anchor) => {
    const w = window as unknown as { __runsStarted: number };
    w.__runsStarted = 0;
    new MutationObserver((records) => {
      for (const r of records) if (r.target instanceof Element && r.target.closest(`#${anchor}`) && r.target.getAttribute('data-training') === 'true') w.__runsStarted += 1;
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-training'] });
  }, DICTIONARY);
  await page.goto(`${path}${query}`);
  await dictionary(page).scrollIntoViewIfNeeded();
  await dictionary(page).locator('.fig[data-hydrated="true"]').waitFor();
}

const runsStarted = (page: Page) => page.evaluate(() => (window as unknown as { __runsStarted: number }).__runsStarted);

/** Does `act`, then waits for a training run to start (after the controls' short pause) and then to finish. */
async function trainedAfter(page: Page, act: () => Promise<unknown>): Promise<void> {
  const before = await runsStarted(page);
  await act();
  await expect.poll(() => runsStarted(page), { timeout: 10_000 }).toBeGreaterThan(before);
  await expect(dictionary(page).locator('.fig[data-training="false"]')).toHaveCount(1, { timeout: 60_000 });
}

test('the defaults are the build-time SAE, which recovers the planted directions; nothing trains', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  expect(Number(await metric(page, 'Recovery').textContent())).toBeGreaterThanOrEqual(0.9);
  await expect(dictionary(page)).toContainText('32 of 32 found');
  await expect(dictionary(page)).toContainText('Trained once when this page was built');
  await expect(page.getByRole('button', { name: 'Recovers (defaults)' })).toHaveAttribute('aria-pressed', 'true');
  await page.waitForTimeout(600);
  await expect(dictionary(page).locator('.fig[data-training="false"]')).toHaveCount(1);
  await frontier(page).scrollIntoViewIfNeeded();
  await expect(frontier(page).locator('.fig[data-hydrated="true"]')).toHaveAttribute('data-reader-run', 'default');
  expect(errors).toEqual([]);
});

test('each control preset trains in the worker and fails to recover; the frontier places the run; the URL follows', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  const box = await dictionary(page).locator('.fig').boundingBox();
  for (const [preset, param, value] of [['Dense features (control)', 'featureProbability', '0.5'], ['Dictionary too small (control)', 'width', '8']] as const) {
    await trainedAfter(page, () => page.getByRole('button', { name: preset }).click());
    expect(Number(await metric(page, 'Recovery').textContent())).toBeLessThan(0.8);
    await expect.poll(() => urlParam(page, param)).toBe(value);
    await expect(dictionary(page)).toContainText('Trained in your browser');
    await expect(dictionary(page).locator('[aria-live="polite"]')).toContainText(/Training finished\. MMCS 0\.\d{3}/);
    // The frontier hydrates when it comes into view and still receives the run trained before.
    await frontier(page).scrollIntoViewIfNeeded();
    await expect(frontier(page).locator('.fig')).toHaveAttribute('data-reader-run', 'browser');
    await expect(frontier(page).getByTestId('frontier-run')).toContainText('not on the same footing');
    await dictionary(page).scrollIntoViewIfNeeded();
    // The text alternative describes what is on screen.
    await expect(dictionary(page).locator('details.fig__alt')).toContainText(`MMCS ${await metric(page, 'Recovery').textContent()}`);
  }
  // Training and redrawing never change the figure's size.
  expect((await dictionary(page).locator('.fig').boundingBox())?.height).toBe(box?.height);
  await page.getByRole('button', { name: 'Recovers (defaults)' }).click();
  await expect(dictionary(page)).toContainText('Trained once when this page was built');
  expect(errors).toEqual([]);
});

test('TopK keeps at most k latents on for the example input; L0 stays at or below k', async ({ page }) => {
  await open(page, `?${key('variant')}=topk&${key('k')}=3`);
  await expect(dictionary(page).locator('.fig[data-training="false"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(dictionary(page)).toContainText('TopK, k = 3');
  expect(Number(await metric(page, 'Active latents').textContent())).toBeLessThanOrEqual(3);
  expect(await dictionary(page).locator('.sd-list--latent .sd-bar').count()).toBeLessThanOrEqual(3);
  await expect(page.getByLabel('Latents kept k (TopK)')).toHaveValue('3');
  await expect(page.getByLabel('Penalty λ (L1)')).toHaveCount(0);
});

test('a bad link falls back to the defaults with a visible note', async ({ page }) => {
  await open(page, `?${key('width')}=999&${key('variant')}=jump`);
  await expect(dictionary(page).getByTestId('figure-reset-note')).toContainText('Latents in the dictionary 999 is outside 8 to 128');
  await expect(dictionary(page).getByTestId('figure-reset-note')).toContainText('Sparsity method "jump"');
  await expect(page.getByLabel('Latents in the dictionary')).toHaveValue('64');
  await expect(dictionary(page)).toContainText('Trained once when this page was built');
});

test('cancel stops a run and keeps the last finished result', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Dense features (control)' }).click();
  await expect(dictionary(page).locator('.fig[data-training="true"]')).toHaveCount(1, { timeout: 5_000 });
  await page.getByRole('button', { name: 'Cancel training' }).click();
  await expect(dictionary(page).locator('.fig[data-training="false"]')).toHaveCount(1);
  await expect(dictionary(page)).toContainText('Training cancelled');
  expect(Number(await metric(page, 'Recovery').textContent())).toBeGreaterThanOrEqual(0.9);
});

test('training and redrawing keep the page responsive: no main-thread task over 50 ms of its own work', async ({ page }) => {
  await open(page);
  const tasks = await mainThreadTasksDuring(page, async () => {
    // The widest dictionary: the most cells to order and draw when the result arrives.
    await trainedAfter(page, () => page.getByLabel('Latents in the dictionary').fill('128'));
    await expect(dictionary(page)).toContainText('128 latents');
  });
  expect(tasks.length).toBeGreaterThan(10);
  expect(tasksOverBudget(tasks)).toEqual([]);
});

test('keyboard only: Tab reaches presets, training and every control in order', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Recovers (defaults)' }).focus();
  for (const name of ['Dense features (control)', 'Dictionary too small (control)', 'Train again with a new seed']) {
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name })).toBeFocused();
  }
  for (const label of ['Sparsity method', 'Penalty λ (L1)', 'Latents in the dictionary', 'Chance each planted feature is on']) {
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(label)).toBeFocused();
  }
  await trainedAfter(page, () => page.keyboard.press('ArrowRight'));
  await expect.poll(() => urlParam(page, 'featureProbability')).toBe('0.07');
});

test('axe, light and dark: no violations in either figure, trained', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, `?${key('width')}=32`);
  await expect(dictionary(page).locator('.fig[data-training="false"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(dictionary(page)).toContainText('Trained in your browser');
  for (const root of [dictionary(page), frontier(page)]) await root.locator('summary', { hasText: 'Text description' }).click();
  expect(await axeInBothSchemes(page, [`#${DICTIONARY}`, `#${FRONTIER}`])).toEqual([]);
});

test('hydration and training cause no layout shift in the figures', async ({ page }) => {
  await recordLayoutShifts(page);
  await page.goto(`${ARTICLE}?${key('width')}=16#${DICTIONARY}`);
  await dictionary(page).locator('.fig[data-hydrated="true"]').waitFor();
  await expect(dictionary(page).locator('.fig[data-training="false"]')).toHaveCount(1, { timeout: 60_000 });
  await frontier(page).scrollIntoViewIfNeeded();
  await frontier(page).locator('.fig[data-hydrated="true"]').waitFor();
  const inFigures = (await layoutShifts(page)).filter((s) => s.sources.some((src) => /fig|sd|sf|figure/.test(src)));
  expect(inFigures).toEqual([]);
});

test('the embed pages work alone: the dictionary trains from its link and keeps its height, the frontier shows the default run', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page, `?${key('width')}=8`, 'embed/sae-dictionary/');
  await expect(dictionary(page).locator('.fig[data-training="false"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(dictionary(page)).toContainText('8 latents');
  await expect(page.getByRole('link', { name: /Open in the article/ })).toHaveAttribute('href', new RegExp(`/articles/sparse-autoencoders/\\?.*width=8.*#${DICTIONARY}$`));
  // At the embed page's full width too, a result with more rows in its readout keeps the figure's height.
  const height = (await dictionary(page).locator('.fig').boundingBox())?.height;
  await trainedAfter(page, () => page.getByRole('button', { name: 'Dense features (control)' }).click());
  expect((await dictionary(page).locator('.fig').boundingBox())?.height).toBe(height);
  await page.goto('embed/sae-frontier/');
  await frontier(page).locator('.fig[data-hydrated="true"]').waitFor();
  await expect(frontier(page).getByTestId('frontier-run')).toContainText('default run');
  expect(errors).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the build-time results, their text alternatives and disabled controls are in the HTML', async ({ page }) => {
    await page.goto(ARTICLE);
    await expect(dictionary(page).locator('details.fig__alt tbody tr')).toHaveCount(32);
    await expect(dictionary(page).locator('details.fig__alt')).toContainText('default settings');
    await expect(frontier(page).locator('details.fig__alt tbody tr')).toHaveCount(17);
    await expect(dictionary(page)).toContainText('The controls need JavaScript.');
    await expect(page.getByLabel('Latents in the dictionary')).toBeDisabled();
  });
});
