/**
 * Parameters vs activations as a reader uses it: moving the input changes every activation and no weight,
 * pinning a neuron breaks it down, bad links fall back, the menu copies the view. The checks every figure
 * gets (hydration, Tab order, shared links, no-JS, print, iframe, axe) are in generic.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { collectErrors } from '../reading/helpers.ts';
import { ANCHOR, OVERVIEW, key, urlParam, waitForHydration } from './support.ts';

const figure = (page: import('@playwright/test').Page) => page.locator(`#${ANCHOR}`);

test('moving the input changes the activations and never the weights; pinning breaks a neuron down', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(OVERVIEW);
  await waitForHydration(page);
  const x1 = page.getByLabel('Input: x₁');
  const weightsBefore = await figure(page).locator('.fig-edge').evaluateAll((lines) => lines.map((l) => l.getAttribute('stroke-width')));
  const activations = () => figure(page).locator('.fig-node__value').allTextContents();
  const activationsBefore = await activations();

  await x1.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  await expect(x1).toHaveValue('0.2');
  await page.getByLabel('Input: x₂').focus();
  await page.keyboard.press('ArrowDown');

  await expect.poll(() => urlParam(page, 'input')).toBe('0.2,0.69');
  expect(await activations()).not.toEqual(activationsBefore);
  const weightsAfter = await figure(page).locator('.fig-edge').evaluateAll((lines) => lines.map((l) => l.getAttribute('stroke-width')));
  expect(weightsAfter).toEqual(weightsBefore);
  await expect(figure(page).locator('[aria-live="polite"]')).toContainText('the network answers');

  await page.getByLabel('Pinned neuron').selectOption('h2.3');
  await expect(figure(page).locator('.pva-contributions')).toContainText('What drives h2.3 now');
  await expect.poll(() => urlParam(page, 'pin')).toBe('h2.3');

  await figure(page).getByRole('button', { name: 'Reset to defaults' }).click();
  await expect.poll(() => new URL(page.url()).search).toBe('');
  expect(errors).toEqual([]);
});

test('a link can pin an output neuron', async ({ page }) => {
  await page.goto(`${OVERVIEW}?${key('pin')}=out.left#${ANCHOR}`);
  await waitForHydration(page);
  await expect(figure(page).locator('[data-node="out.left"]')).toHaveClass(/is-pinned/);
  await expect(figure(page).locator('.pva-contributions')).toContainText('What drives output “left” now');
});

test('a bad or hostile link falls back to the defaults with a visible note', async ({ page }) => {
  const errors = collectErrors(page);
  const hostile = encodeURIComponent('<img src=x onerror=alert(1)>');
  await page.goto(`${OVERVIEW}?${key('input')}=${hostile}&${key('pin')}=h9.9&${key('zoom')}=3#${ANCHOR}`);
  await waitForHydration(page);
  const note = figure(page).getByTestId('figure-reset-note');
  await expect(note).toBeVisible();
  await expect(note).toContainText('Reset to defaults');
  await expect(note).toContainText('Input');
  await expect(note).toContainText('Pinned neuron');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.getByLabel('Input: x₁')).toHaveValue('0.3');
  await expect(page.getByLabel('Pinned neuron')).toHaveValue('h1.2');
  await expect.poll(() => new URL(page.url()).search).toBe('');
  await note.getByRole('button', { name: 'Dismiss' }).click();
  await expect(note).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the menu copies a link and embed code for the current state', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${OVERVIEW}?${key('input')}=-0.5,0.5`);
  await waitForHydration(page);
  await figure(page).locator('summary', { hasText: 'Share' }).click();
  await figure(page).getByRole('button', { name: 'Copy link to this view' }).click();
  await expect(figure(page).locator('[data-menu-status]')).toHaveText('Link copied.');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(new RegExp(`/articles/overview/\\?${key('input').replace('.', '\\.')}=-0\\.5,0\\.5#${ANCHOR}$`));
  await figure(page).getByRole('button', { name: 'Copy embed code' }).click();
  // The copy is asynchronous: wait until the clipboard holds the embed code, not the link copied before.
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('<iframe');
  const code = await page.evaluate(() => navigator.clipboard.readText());
  expect(code).toContain(`/embed/parameters-vs-activations/?${key('input')}=-0.5,0.5"`);
  expect(code).toContain('<iframe');
  expect(code).toContain('addEventListener("message"');
  await expect(figure(page).getByRole('link', { name: 'Open the embeddable version' })).toHaveAttribute('href', /embed\/parameters-vs-activations\/\?/);
});
