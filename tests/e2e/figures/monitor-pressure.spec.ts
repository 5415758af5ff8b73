/**
 * "Train against the monitor" as a reader uses it, on the built site: presets are links that train and
 * restore the view, a shared link restores its settings, cancel keeps the last result, the words follow the
 * result on screen, training keeps the page responsive, keyboard use, axe light and dark, no console errors.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from '../reading/helpers.ts';
import { axeInBothSchemes } from '../support/axe.ts';
import { mainThreadTasksDuring, tasksOverBudget } from './support.ts';

const ID = 'monitor-pressure';
const ANCHOR = `fig-${ID}`;
const ARTICLE = 'articles/chain-of-thought-monitoring/';
const key = (name: string) => `${ANCHOR}.${name}`;
const figure = (page: Page) => page.locator(`#${ANCHOR}`);
const headline = (page: Page) => figure(page).locator('.mp__headline');
const preset = (page: Page, id: string) => figure(page).locator(`a[data-preset="${id}"]`);

async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`${ARTICLE}${query}`);
  await figure(page).scrollIntoViewIfNeeded();
  await figure(page).locator('.fig[data-hydrated="true"]').waitFor();
}

/** Waits for a training run to start (after the controls' short pause) and then to finish. */
/**
 * Waits for a run to end. A run of this toy can start and finish between two polls (it takes a fraction of a
 * second), so its start is not awaited; callers check what the run changed.
 */
async function trained(page: Page): Promise<void> {
  await expect(figure(page).locator('.fig[data-training="false"]')).toHaveCount(1, { timeout: 60_000 });
}

const summary = (page: Page) => figure(page).locator('.fig__alt p');

test('the defaults are the build-time result; no training until a setting changes', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  await expect(headline(page)).toContainText('Trained when this page was built');
  await expect(preset(page, 'strong-free')).toHaveAttribute('aria-current', 'true');
  await expect(figure(page).locator('.mp-pad')).toHaveCount(8);
  await page.waitForTimeout(600);
  await expect(figure(page).locator('.fig[data-training="false"]')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a preset link trains in the page, the URL follows, and the words describe the new result', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  const box = await figure(page).locator('.fig').boundingBox();
  await preset(page, 'none-free').click();
  await trained(page);
  await expect.poll(() => new URL(page.url()).search).toBe(`?${key('pressure')}=0`);
  await expect(preset(page, 'none-free')).toHaveAttribute('aria-current', 'true');
  await expect(headline(page)).toContainText('Trained in your browser with pressure λ = 0');
  await expect(summary(page)).toContainText('pressure λ = 0 after the unpressured run');
  await expect(figure(page).locator('[aria-live="polite"]')).toContainText(/Training finished\. Before pressure the agent hacks/);
  await expect(figure(page).locator('.mp-curves--wide .mp-line--undetectedRate')).toHaveAttribute('d', /^M.+L/);
  // Training and redrawing never change the figure's size.
  expect((await figure(page).locator('.fig').boundingBox())?.height).toBe(box?.height);

  await preset(page, 'strong-synonyms').click();
  await trained(page);
  await expect(page.getByRole('button', { name: 'Hack needs a written plan' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Unseen synonyms work too' })).toHaveAttribute('aria-pressed', 'true');
  await expect(summary(page)).toContainText('unseen synonyms count');
  expect(errors).toEqual([]);
});

test('a shared link restores its settings and trains them', async ({ page }) => {
  await open(page, `?${key('pressure')}=0.6&${key('necessity')}=1`);
  await expect(figure(page).locator('.fig[data-training="false"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(headline(page)).toContainText('Trained in your browser with pressure λ = 0.6 after the unpressured run, a hack needs a written plan');
  await expect(page.getByLabel('Pressure λ')).toHaveValue('0.6');
  await expect(preset(page, 'little-needed')).toHaveAttribute('aria-current', 'true');
  await expect(figure(page)).toContainText('Settings from the link.');
});

test('a long run is estimated before it starts; cancel stops it and keeps the last finished result; training then goes on', async ({ page }) => {
  const training = figure(page).locator('.fig[data-training="true"]');
  const idle = figure(page).locator('.fig[data-training="false"]');
  const cancel = async () => {
    await expect(training).toHaveCount(1);
    await page.getByRole('button', { name: 'Cancel training' }).click();
    await expect(idle).toHaveCount(1);
    await expect(headline(page)).toContainText('Training cancelled');
    await expect(summary(page)).toContainText('pressure λ = 2 after the unpressured run');
  };
  // The longest run the figure offers (two runs of 2,000 steps × 1,000 episodes) lasts long enough for a click to land mid-run.
  await open(page, `?${key('pressureFrom')}=start&${key('steps')}=2000&${key('episodes')}=1000`);
  await expect(figure(page).locator('.mp__estimate')).toContainText(/two runs of 2,000 steps × 1,000 episodes; estimated time: (about \d+ s|under a second)\./);
  await cancel();
  await expect(figure(page).locator('[aria-live="polite"]')).toContainText('Training cancelled');
  // The same settings can be trained again, and cancelled again.
  await page.getByRole('button', { name: 'Train with these settings' }).click();
  await cancel();
  // A shorter run of the same kind then trains to the end.
  await page.getByLabel('Training steps').fill('100');
  await expect(headline(page)).toContainText('Trained in your browser with pressure λ = 2 from the start', { timeout: 30_000 });
  await expect(summary(page)).toContainText('100 steps of 1000 episodes without pressure');
});

test('keyboard only: a preset link and the seed button work with Enter', async ({ page }) => {
  await open(page);
  await preset(page, 'little-free').focus();
  const ring = await preset(page, 'little-free').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(ring).not.toBe('none');
  await page.keyboard.press('Enter');
  await trained(page);
  await expect.poll(() => new URL(page.url()).searchParams.get(key('pressure'))).toBe('0.6');
  await page.getByRole('button', { name: 'Train again with a new seed' }).focus();
  await page.keyboard.press('Enter');
  await trained(page);
  await expect.poll(() => new URL(page.url()).searchParams.get(key('seed'))).toBe('1');
});

test('training keeps the page responsive: no main-thread task over 50 ms of its own work', async ({ page }) => {
  await open(page);
  const tasks = await mainThreadTasksDuring(page, async () => {
    await preset(page, 'strong-needed').click();
    await trained(page);
  });
  expect(tasks.length).toBeGreaterThan(10);
  expect(tasksOverBudget(tasks)).toEqual([]);
});

test('axe, light and dark: no violations with the figure trained in the page', async ({ page }) => {
  await open(page, `?${key('pressure')}=0.6`);
  await expect(figure(page).locator('.fig[data-training="false"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(headline(page)).toContainText('Trained in your browser');
  await figure(page).locator('summary', { hasText: 'Text description' }).click();
  expect(await axeInBothSchemes(page, [`#${ANCHOR}`])).toEqual([]);
});
