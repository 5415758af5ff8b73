import { expect, test } from '@playwright/test';

test('the linear model queued behind the ReLU model shows an empty progress bar while it waits', async ({ page }) => {
  await page.goto('articles/superposition/');
  const figure = page.locator('#fig-superposition-explorer');
  await figure.scrollIntoViewIfNeeded();
  await figure.locator('.fig[data-hydrated="true"]').waitFor();
  // New settings with both models: the ReLU model trains first, the linear one waits its turn.
  await page.getByRole('button', { name: 'Also train the linear model' }).click();
  await page.getByRole('button', { name: 'Dense, decaying importance' }).click();
  const linearBar = figure.getByRole('progressbar', { name: /linear/i });
  const reluBar = figure.getByRole('progressbar', { name: /ReLU/i });
  // Sample while the ReLU run is still going: the queued linear bar must not read as finished.
  await expect.poll(() => reluBar.evaluate((b) => (b as HTMLProgressElement).value), { timeout: 20_000 }).toBeLessThan(1);
  expect(await linearBar.evaluate((b) => (b as HTMLProgressElement).value)).toBe(0);
});
