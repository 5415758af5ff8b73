/**
 * The superposition explorer as a reader uses it, on the built site: every control retrains and redraws,
 * presets and shared links restore the trained view, training keeps the page responsive and the layout
 * still, keyboard-only use of presets and training, axe in the trained state, no console errors. The checks
 * every figure gets (hydration, Tab order, shared links, no-JS, print, iframe) are in generic.spec.ts; axe at
 * the defaults, with the text alternative open, is the quality report's.
 */
import { expect, test, type Page } from '@playwright/test';
import { figureAnchor } from '../../../src/figures/contract.ts';
import { collectErrors } from '../reading/helpers.ts';
import { axeInBothSchemes } from '../support/axe.ts';
import { layoutShifts, mainThreadTasksDuring, recordLayoutShifts, tasksOverBudget } from './support.ts';

const ID = 'superposition-explorer';
const ANCHOR = figureAnchor(ID);
const ARTICLE = 'articles/superposition/';
const key = (name: string) => `${ANCHOR}.${name}`;
const figure = (page: Page) => page.locator(`#${ANCHOR}`);
const arrows = (page: Page, model = 'relu') => figure(page).locator(`[data-model="${model}"] .sx-arrow`);
/** Heat-map cells on screen: the shade groups declare how many squares each draws. */
const cellCount = (page: Page) => figure(page).locator('[data-model="relu"] .fig-cells path').evaluateAll((paths) => paths.reduce((sum, p) => sum + Number(p.getAttribute('data-cells')), 0));
const urlParam = (page: Page, name: string) => new URL(page.url()).searchParams.get(key(name));

async function open(page: Page, query = '', path = ARTICLE): Promise<void> {
  await page.goto(`${path}${query}`);
  await figure(page).scrollIntoViewIfNeeded();
  await figure(page).locator('.fig[data-hydrated="true"]').waitFor();
}

/** Waits for a training run to start (after the controls' short pause) and then to finish. */
async function trained(page: Page): Promise<void> {
  await expect(figure(page).locator('.fig[data-training="true"]')).toHaveCount(1, { timeout: 5_000 });
  await expect(figure(page).locator('.fig[data-training="false"]')).toHaveCount(1, { timeout: 60_000 });
}

test('the defaults are the build-time result; no training until a setting changes', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  await expect(arrows(page)).toHaveCount(5);
  await expect(figure(page).locator('.sx-model__head')).toContainText('trained when this page was built');
  await expect(page.getByRole('button', { name: 'Sparse, equal importance' })).toHaveAttribute('aria-pressed', 'true');
  await page.waitForTimeout(600);
  await expect(figure(page).locator('.fig[data-training="false"]')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('each control retrains and redraws, and the URL follows', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  const box = await figure(page).locator('.fig').boundingBox();

  await page.getByLabel('Features n').focus();
  await page.keyboard.press('ArrowRight');
  await trained(page);
  // Six features: six bars and 36 cells (an arrow for each feature the model stores).
  await expect(figure(page).locator('.sx-bar--norm')).toHaveCount(6);
  await expect.poll(() => cellCount(page)).toBe(36);
  await expect.poll(() => urlParam(page, 'n')).toBe('6');
  await expect(figure(page).locator('.sx-model__head')).toContainText('trained in your browser');
  await expect(figure(page).locator('[aria-live="polite"]')).toContainText(/Training finished\. ReLU model: final loss [\d.]+/);
  // Training and redrawing never change the figure's size.
  expect((await figure(page).locator('.fig').boundingBox())?.height).toBe(box?.height);

  await page.getByLabel('Hidden dimensions m').focus();
  await page.keyboard.press('ArrowRight');
  await trained(page);
  await expect(arrows(page)).toHaveCount(0);
  await expect(figure(page).locator('.sx-plane')).toContainText('read the heat map');
  await expect.poll(() => urlParam(page, 'm')).toBe('3');

  const headBefore = await figure(page).locator('.sx-bars').innerHTML();
  await page.getByLabel('Sparsity S').focus();
  await page.keyboard.press('ArrowLeft');
  await trained(page);
  await expect.poll(() => urlParam(page, 'sparsity')).toBe('0.89');
  expect(await figure(page).locator('.sx-bars').innerHTML()).not.toBe(headBefore);

  await page.getByLabel('Importance decay r').focus();
  await page.keyboard.press('ArrowLeft');
  await trained(page);
  await expect.poll(() => urlParam(page, 'importanceDecay')).toBe('0.99');

  await page.getByRole('button', { name: 'Also train the linear model' }).click();
  await trained(page);
  await expect(figure(page).locator('[data-model="linear"]')).toBeVisible();
  await expect(figure(page).locator('.fig-curve[data-series="linear"] path')).toHaveAttribute('d', /^M.+L/);
  await expect.poll(() => urlParam(page, 'linear')).toBe('1');

  await page.getByRole('button', { name: 'Train again with a new seed' }).click();
  await trained(page);
  await expect.poll(() => urlParam(page, 'seed')).toBe('1');
  expect(errors).toEqual([]);
});

test('presets and shared links restore the view', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Dense, decaying importance' }).click();
  await trained(page);
  await expect(arrows(page)).toHaveCount(2);
  await expect(figure(page).locator('.sx-plane')).toContainText('Not stored (length < 0.1): 3, 4, 5');
  await expect.poll(() => new URL(page.url()).search).toBe(`?${key('sparsity')}=0&${key('importanceDecay')}=0.7`);
  const shared = page.url();

  await page.getByRole('button', { name: 'Sparse, equal importance' }).click();
  await expect(arrows(page)).toHaveCount(5);
  await expect(figure(page).locator('.sx-model__head')).toContainText('trained when this page was built');
  await expect.poll(() => new URL(page.url()).search).toBe('');

  await open(page, new URL(shared).search);
  await expect(figure(page).locator('.fig[data-training="false"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(figure(page).locator('.sx-model__head')).toContainText('trained in your browser');
  await expect(arrows(page)).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Dense, decaying importance' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Sparsity S')).toHaveValue('0');
  await expect(figure(page)).toContainText('Settings from the link.');
});

test('a bad link falls back with the reset note; m ≥ n is shown as n − 1', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page, `?${key('n')}=${encodeURIComponent('<img src=x onerror=alert(1)>')}&${key('sparsity')}=2`);
  const note = figure(page).getByTestId('figure-reset-note');
  await expect(note).toContainText('Reset to defaults');
  await expect(note).toContainText('Features n');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.getByLabel('Features n')).toHaveValue('5');

  await open(page, `?${key('n')}=4&${key('m')}=9`);
  await expect(page.getByLabel('Hidden dimensions m')).toHaveValue('3');
  await expect(figure(page).locator('.fig[data-training="false"]')).toHaveCount(1, { timeout: 60_000 });
  await expect.poll(() => cellCount(page)).toBe(16);
  expect(errors).toEqual([]);
});

test('cancel stops a run and keeps the last finished result', async ({ page }) => {
  await open(page, `?${key('n')}=20&${key('m')}=10&${key('sparsity')}=0`);
  await expect(figure(page).locator('.fig[data-training="true"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Cancel training' }).click();
  await expect(figure(page).locator('.fig[data-training="false"]')).toHaveCount(1);
  await expect(figure(page).locator('.sx-model__head')).toContainText('training cancelled');
  await expect(figure(page).locator('[aria-live="polite"]')).toContainText('Training cancelled');
  await page.getByRole('button', { name: 'Train with these settings' }).click();
  await expect(figure(page).locator('.fig[data-training="true"]')).toHaveCount(1);
});

test('training keeps the page responsive: no main-thread task over 50 ms of its own work', async ({ page }) => {
  await open(page);
  const tasks = await mainThreadTasksDuring(page, async () => {
    // The largest model the explorer allows: the most to redraw at every progress report.
    await page.getByLabel('Features n').fill('20');
    await page.getByLabel('Hidden dimensions m').fill('10');
    await trained(page);
    await expect.poll(() => cellCount(page)).toBe(400);
  });
  expect(tasks.length).toBeGreaterThan(10);
  expect(tasksOverBudget(tasks)).toEqual([]);
});

test('keyboard only: Tab reaches presets, training and every control in order; Enter and Space work', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Sparse, equal importance' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Dense, decaying importance' })).toBeFocused();
  const ring = await page.getByRole('button', { name: 'Dense, decaying importance' }).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(ring).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect.poll(() => urlParam(page, 'sparsity')).toBe('0');
  await page.keyboard.press('Tab');
  await expect(figure(page).locator('.sx__run button')).toBeFocused();
  for (const label of ['Features n', 'Hidden dimensions m', 'Sparsity S', 'Importance decay r']) {
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(label)).toBeFocused();
  }
  await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('Importance decay r')).toHaveValue('0.71');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Also train the linear model' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Also train the linear model' })).toHaveAttribute('aria-pressed', 'true');
  await trained(page);
  await expect(figure(page).locator('[data-model="linear"] .sx-arrow')).not.toHaveCount(0);
});

test('axe, light and dark: no violations with the figure trained, linear model shown', async ({ page }) => {
  await open(page, `?${key('sparsity')}=0.5&${key('linear')}=1`);
  await expect(figure(page).locator('.fig[data-training="false"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(figure(page).locator('.sx-model__head').first()).toContainText('trained in your browser');
  await figure(page).locator('summary', { hasText: 'Text description' }).click();
  expect(await axeInBothSchemes(page, [`#${ANCHOR}`])).toEqual([]);
});

test('training causes no layout shift in the figure', async ({ page }) => {
  await recordLayoutShifts(page);
  await page.goto(`${ARTICLE}?${key('n')}=7#${ANCHOR}`);
  await figure(page).locator('.fig[data-hydrated="true"]').waitFor();
  await expect(figure(page).locator('.fig[data-training="false"]')).toHaveCount(1, { timeout: 60_000 });
  const inFigure = (await layoutShifts(page)).filter((s) => s.sources.some((src) => /fig|sx|figure/.test(src)));
  expect(inFigure).toEqual([]);
});
