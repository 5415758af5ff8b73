/**
 * The attribution-graph figure as a reader uses it, on the built article: focusing a node highlights its paths,
 * the pruning threshold hides edges, another prompt and another target state change the graph and the swap
 * readout, and the URL keeps the view. The checks every figure gets are in generic.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from '../reading/helpers.ts';
import { waitForHydration } from './support.ts';

const ARTICLE = 'articles/circuit-tracing/';
const ANCHOR = 'fig-attribution-graph';
const figure = (page: Page) => page.locator(`#${ANCHOR}`);
const urlParam = (page: Page, name: string) => new URL(page.url()).searchParams.get(`${ANCHOR}.${name}`);

async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`${ARTICLE}${query}#${ANCHOR}`);
  await waitForHydration(page, figure(page));
}

test('focusing the city token highlights its paths down to the output; the others fade', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  const city = figure(page).locator('[data-node="token:subject"]');
  await city.focus();
  await expect(city).toHaveClass(/is-path/);
  await expect(figure(page).locator('[data-node="output"]')).toHaveClass(/is-path/);
  expect(await figure(page).locator('.fig-edge.is-path').count()).toBeGreaterThan(0);
  // The relation token is not on the city's paths (it has its own), so its edges fade.
  await expect(figure(page).locator('[data-node="token:relation"]')).not.toHaveClass(/is-path/);
  await city.blur();
  await expect(figure(page).locator('.fig-edge.is-faded')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('raising the threshold hides edges; another prompt and target change the graph, the readout and the URL', async ({ page }) => {
  await open(page);
  const edges = () => figure(page).locator('.fig-edge').count();
  const before = await edges();
  const threshold = figure(page).getByLabel('Prune edges below (share of the largest)');
  await threshold.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => urlParam(page, 'threshold')).toBe('0.4');
  expect(await edges()).toBeLessThan(before);

  const prompt = await figure(page).getByTestId('ag-prompt').textContent();
  await figure(page).getByLabel('Question', { exact: true }).selectOption('region');
  await expect(figure(page).getByTestId('ag-prompt')).not.toHaveText(prompt!);
  await expect(figure(page).getByTestId('ag-prompt')).toContainText('region of the state containing');

  const swap = figure(page).locator('[data-bar="capital-swap"]');
  await expect(swap).toHaveCount(1);
  await figure(page).getByLabel('Inject “state = B”, B').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(figure(page).getByTestId('ag-swap')).toContainText('needs a state B other than');
  await expect(swap).toHaveCount(0);
  await expect.poll(() => urlParam(page, 'swapTo')).toBe('0');
});

test('a shared link restores the prompt, the threshold and the target state', async ({ page }) => {
  await open(page, `?${ANCHOR}.state=3&${ANCHOR}.city=trained&${ANCHOR}.threshold=0.25&${ANCHOR}.swapTo=5`);
  await expect(figure(page).getByTestId('ag-prompt')).toContainText('a city of state 3');
  await expect(figure(page).getByTestId('ag-prompt')).toContainText('part of training');
  await expect(figure(page).getByTestId('ag-swap')).toContainText('state 5');
});
