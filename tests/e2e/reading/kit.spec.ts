import { test, expect } from '@playwright/test';

test('the kit page shows each component beside its MDX usage', async ({ page }) => {
  await page.goto('kit/');
  for (const name of ['Cite', 'Term', 'LabValue', 'Aside', 'Question', 'DiscussionPrompts', 'Figure']) {
    await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  }
  await expect(page.locator('.kit-pair pre').first()).toContainText('<Cite id=');
  await expect(page.locator('.kit-demo .aside--evidence')).toContainText('Last checked');
});

test('the Cite demo cites the work its sentence names, and its link lands on that reference', async ({ page }) => {
  await page.goto('kit/');
  const demo = page.locator('#cite .kit-demo');
  const link = demo.locator('a.cite-ref');
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toBe('#ref-elhage2022toy');
  await expect(page.locator(href)).toContainText('Toy Models of Superposition');
});

test('the LabValue demo shows numbers from the lab data with their unit', async ({ page }) => {
  await page.goto('kit/');
  const values = page.locator('#lab-value .kit-demo data.lab-value');
  await expect(values).toHaveCount(2);
  await expect(values.first()).toHaveText(/^\d+\u00a0runs$/);
  await expect(values.nth(1)).toHaveText(/^\d\.\d{3}$/);
});
