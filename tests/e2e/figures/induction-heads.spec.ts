/**
 * The induction-heads figure as a reader uses it, on the built site: the build-time runs and their numbers,
 * scrubbing through the lazily fetched checkpoints, ablation, live training with progress and cancel, a
 * responsive page while training, axe, and the page without JavaScript.
 */
import { expect, test, type Page } from '@playwright/test';
import data from '../../../src/figures/induction-heads/data.json' with { type: 'json' };
import { trainInduction, validateInductionParams } from '../../../src/lab/induction.ts';
import { collectErrors } from '../reading/helpers.ts';
import { axeInBothSchemes } from '../support/axe.ts';
import { mainThreadTasksDuring, tasksOverBudget } from './support.ts';

const ID = 'induction-heads';
const ANCHOR = `fig-${ID}`;
const ARTICLE = 'articles/induction-heads/';
const key = (name: string) => `${ANCHOR}.${name}`;
const figure = (page: Page) => page.locator(`#${ANCHOR}`);
const urlParam = (page: Page, name: string) => new URL(page.url()).searchParams.get(key(name));
const two = (n: number) => n.toFixed(2);

async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`${ARTICLE}${query}`);
  await figure(page).scrollIntoViewIfNeeded();
  await figure(page).locator('.fig[data-hydrated="true"]').waitFor();
}

async function trained(page: Page): Promise<void> {
  await expect(figure(page).locator('.fig[data-training="true"]')).toHaveCount(1, { timeout: 5_000 });
  await expect(figure(page).locator('.fig[data-training="false"]')).toHaveCount(1, { timeout: 60_000 });
}

test('the defaults show the build-time runs with the lab’s numbers; nothing trains', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  const { twoLayer, oneLayer } = data;
  await expect(figure(page).locator('.ih-drop')).toHaveCount(1);
  await expect(figure(page).locator('.ih-drop')).toHaveAttribute('data-step', String(twoLayer.dropStep));
  await expect(figure(page).locator('.ih-head--named')).toHaveCount(twoLayer.final.circuit.previousToken.length + twoLayer.final.circuit.induction.length);
  const alternative = figure(page).locator('.fig__alt');
  await expect(alternative).toContainText(`drop at step ${twoLayer.dropStep!.toLocaleString('en-GB')}`);
  await expect(alternative).toContainText(`${two(oneLayer.final.partLoss.repeatedPart)} on the repeated part, no drop`);
  await expect(figure(page).locator('.ih__progress-text')).toContainText('Trained when this page was built');
  await page.waitForTimeout(600);
  await expect(figure(page).locator('.fig[data-training="false"]')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('ablating the induction heads shows the lab’s loss for the trained model', async ({ page }) => {
  await open(page);
  await page.getByLabel('Ablate', { exact: true }).selectOption('induction');
  const ablation = data.twoLayer.final.inductionAblation!;
  await expect(figure(page).locator('.ih__ablation')).toContainText(`${two(ablation.zero)} nats`);
  await page.getByLabel('Ablation', { exact: true }).selectOption('mean');
  await expect(figure(page).locator('.ih__ablation')).toContainText(`${two(ablation.mean)} nats`);
  await expect.poll(() => urlParam(page, 'ablate')).toBe('induction');
});

test('scrubbing fetches the checkpoints once and redraws the heads at that step', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  const before = await figure(page).locator('.ih__heads').innerHTML();
  const fetched = page.waitForResponse((response) => response.url().endsWith('figures/induction-heads/checkpoints.bin'));
  await page.getByLabel('Checkpoint', { exact: true }).fill('0');
  expect((await fetched).ok()).toBe(true);
  await expect(figure(page).locator('.ih__heads')).toHaveAttribute('data-checkpoint', '0');
  await expect.poll(() => figure(page).locator('.ih__heads').innerHTML()).not.toBe(before);
  const start = data.twoLayer.checkpoints[0]!.scores[1]![0]!;
  await expect(figure(page).locator('[data-head="2.1"] figcaption')).toContainText(`previous-token ${two(start.previousToken)} · induction ${two(start.induction)}`);
  // An ablation at an earlier checkpoint is computed in the page from that checkpoint.
  await page.getByLabel('Ablate', { exact: true }).selectOption('2.1');
  await expect(figure(page).locator('.ih__ablation')).toContainText(/Zero-ablating head 2\.1: \d\.\d\d nats/);
  await page.getByLabel('Sequence', { exact: true }).fill('3');
  await expect.poll(() => urlParam(page, 'sequence')).toBe('3');
  expect(errors).toEqual([]);
});

/** Every text the progress line shows from now on (a short run passes through its phases between two polls). */
async function recordProgressTexts(page: Page): Promise<() => Promise<string[]>> {
  await figure(page).locator('.ih__progress-text').evaluate((element) => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    new MutationObserver(() => seen.push(element.textContent ?? '')).observe(element, { childList: true, characterData: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
}

test('a run is estimated before it starts, reports progress through both models, finishes, and can be cancelled', async ({ page }) => {
  test.setTimeout(180_000); // short runs (seconds on an idle machine), with room for a loaded one
  const errors = collectErrors(page);
  await open(page);
  await expect(figure(page).locator('.ih__estimate')).toContainText(/both models for 1,000 steps; estimated time: (about \d+ s|under a second)\./);
  const progressTexts = await recordProgressTexts(page);
  await page.getByLabel('Training steps', { exact: true }).fill('300');
  await expect(figure(page).locator('.ih__estimate')).toContainText('both models for 300 steps');
  await trained(page);
  await expect(figure(page).locator('.ih__progress-text')).toContainText('Trained in your browser (two layers, seed 0, varying distance)', { timeout: 60_000 });
  // The announcement waits for the control too (between the two runs the figure is briefly idle).
  await expect(figure(page).locator('.fig__status [aria-live="polite"]')).toContainText('Training finished.', { timeout: 60_000 });
  const texts = await progressTexts();
  expect(texts.some((text) => /Training the two-layer model \(1 of 2\) in your browser/.test(text))).toBe(true);
  expect(texts.some((text) => text.includes('one-layer control (2 of 2)'))).toBe(true);
  await expect(figure(page).locator('.fig__alt')).toContainText('Two-layer model after 300 steps');
  await expect.poll(() => urlParam(page, 'steps')).toBe('300');

  await page.getByRole('button', { name: 'Train again (next seed)' }).click();
  await expect(figure(page).locator('.fig[data-training="true"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(figure(page).locator('.fig[data-training="false"]')).toHaveCount(1);
  await expect(figure(page).locator('.ih__progress-text')).toContainText('Training cancelled');
  await expect.poll(() => urlParam(page, 'seed')).toBe('1');
  expect(errors).toEqual([]);
});

test('fixed distance: the figure shows the lab’s one-layer control solving the repeat by the shortcut', async ({ page }) => {
  test.setTimeout(180_000); // short runs (seconds on an idle machine), with room for a loaded one
  // The lab's own run of the same settings (its guard over seeds is in tests/unit/lab/induction.test.ts).
  const { params } = validateInductionParams({ layers: 1, offset: 'fixed', steps: 400, seed: 0 });
  const lab = (await trainInduction(params)).result;
  expect(lab.final.partLoss.repeatedPart).toBeLessThan(0.3);
  await open(page, `?${key('offset')}=fixed&${key('steps')}=400`);
  await trained(page);
  await expect(figure(page).locator('.ih__progress-text')).toContainText('Trained in your browser (two layers, seed 0, fixed distance)', { timeout: 60_000 });
  await expect(figure(page).locator('.fig__alt')).toContainText(`One-layer control: ${two(lab.final.partLoss.repeatedPart)} on the repeated part, ${lab.dropStep === null ? 'no drop' : `drop at step ${lab.dropStep}`}`, { timeout: 60_000 });
});

test('training and scrubbing keep the page responsive: no main-thread task over 50 ms of its own work', async ({ page }) => {
  test.setTimeout(180_000); // short runs (seconds on an idle machine), with room for a loaded one
  await open(page, `?${key('steps')}=300`);
  await trained(page);
  const tasks = await mainThreadTasksDuring(page, async () => {
    await page.getByLabel('Seed', { exact: true }).fill('2');
    await trained(page);
    await page.getByLabel('Ablate', { exact: true }).selectOption('1.1');
    for (const k of ['15', '10', '5']) await page.getByLabel('Checkpoint', { exact: true }).fill(k);
    await expect(figure(page).locator('.ih__ablation')).toContainText(/head 1\.1: \d\.\d\d nats/);
  });
  expect(tasks.length).toBeGreaterThan(10);
  expect(tasksOverBudget(tasks)).toEqual([]);
});

test('axe, light and dark: no violations with the induction head ablated', async ({ page }) => {
  await open(page, `?${key('ablate')}=induction`);
  await figure(page).locator('summary', { hasText: 'Text description' }).click();
  expect(await axeInBothSchemes(page, [`#${ANCHOR}`])).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the build-time heads, curves and text alternative are in the HTML; controls are disabled', async ({ page }) => {
    await page.goto(ARTICLE);
    await expect(figure(page).locator('.ih-map')).toHaveCount(4);
    await expect(figure(page).locator('.ih-curve--repeated path').first()).toHaveAttribute('d', /^M.+L/);
    await expect(figure(page).locator('.fig__alt table tbody tr')).toHaveCount(4);
    await expect(page.getByLabel('Checkpoint', { exact: true })).toBeDisabled();
  });
});
