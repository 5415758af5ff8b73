/**
 * The activation-patching figure as a reader uses it, on its embed page (it works the same in an article): the
 * build-time model loads and every change is a live patch; the same-state preset changes nothing; the top-1
 * metric gives all-or-nothing cells; a click on a cell picks the output shown; patching on the main thread keeps
 * every task under 50 ms of its own work; no console errors. The checks
 * every figure gets are in generic.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { figureAnchor } from '../../../src/figures/contract.ts';
import { collectErrors } from '../reading/helpers.ts';
import { embedPath } from './registered.ts';
import { mainThreadTasksDuring, tasksOverBudget } from './support.ts';

const ANCHOR = figureAnchor('activation-patching');
const figure = (page: Page) => page.locator(`#${ANCHOR}`);
const cellValues = (page: Page) => figure(page).locator('.fig-cell-text text').allTextContents();

async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`${embedPath('activation-patching')}${query}`);
  await figure(page).locator('.fig[data-hydrated="true"][data-model="loaded"]').waitFor();
}

test('a city of the same state changes nothing: every cell 0.00 and the clean answer stays on top', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  await figure(page).getByRole('link', { name: 'A city of the same state (should change nothing)' }).click();
  await expect(figure(page).locator('.ap__status')).toContainText('Both prompts have the same answer');
  await expect.poll(() => cellValues(page)).toEqual(Array(21).fill('0.00'));
  await expect(figure(page).locator('.ap-output')).toHaveAttribute('aria-label', /Patched at hidden layer 2, whole layer: the model answers capital 0/);
  await expect.poll(() => new URL(page.url()).searchParams.get(`${ANCHOR}.corrupted`)).toBe('city-2');
  expect(errors).toEqual([]);
});

test('with the top-1 metric every cell is all or nothing; the direction renames what is measured', async ({ page }) => {
  await open(page);
  await figure(page).getByLabel('Metric', { exact: true }).selectOption('top-1');
  await expect.poll(async () => (await cellValues(page)).every((value) => value === '0.00' || value === '1.00')).toBe(true);
  await figure(page).getByLabel('Direction', { exact: true }).selectOption('necessity');
  await expect(figure(page).locator('.fig-heatmap .fig-title')).toHaveText('Share destroyed by each patch');
  await expect(figure(page).locator('.fig__alt summary + p')).toContainText('Corrupted values are patched into the clean run');
});

test('clicking a cell shows its patched output and writes it to the address', async ({ page }) => {
  await open(page);
  await figure(page).locator('.fig-heatmap__targets rect').nth(4).click(); // embedding, whole layer
  await expect(figure(page).getByLabel('Output of the patch at', { exact: true })).toHaveValue('embed.whole');
  await expect(figure(page).locator('.ap-output')).toHaveAttribute('aria-label', /Patched at embedding, whole layer: the model answers capital 0/);
  await expect.poll(() => new URL(page.url()).searchParams.get(`${ANCHOR}.cell`)).toBe('embed.whole');
});

test('patching on the main thread keeps the page responsive: no task over 50 ms of its own work', async ({ page }) => {
  await open(page);
  const tasks = await mainThreadTasksDuring(page, async () => {
    for (const city of ['city-12', 'city-25', 'city-33']) await figure(page).getByLabel('Clean prompt: city', { exact: true }).selectOption(city);
    await figure(page).getByLabel('Metric', { exact: true }).selectOption('probability');
    await expect(figure(page).locator('.ap__prompts')).toContainText('city 33');
  });
  expect(tasks.length).toBeGreaterThan(3);
  expect(tasksOverBudget(tasks)).toEqual([]);
});
