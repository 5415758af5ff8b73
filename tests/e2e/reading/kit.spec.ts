import { test, expect } from '@playwright/test';

test('the kit page shows each component beside its MDX usage', async ({ page }) => {
  await page.goto('kit/');
  for (const name of ['Cite', 'Term', 'Aside', 'Question', 'DiscussionPrompts', 'Figure']) {
    await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  }
  await expect(page.locator('.kit-pair pre').first()).toContainText('<Cite id=');
  await expect(page.locator('.kit-demo .aside--evidence')).toContainText('Last checked');
});
