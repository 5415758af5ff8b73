import { test, expect } from '@playwright/test';
import { articlePaths } from './helpers.ts';

test('the teach page follows the series: order, reading times, prerequisites, objectives, questions and prompts', async ({ page }) => {
  const paths = await articlePaths(page);
  expect(paths.length).toBeGreaterThan(1);
  const titles: string[] = [];
  const questions: string[][] = [];
  const objectives: string[][] = [];
  for (const path of paths) {
    await page.goto(path);
    titles.push((await page.locator('h1').textContent())!.trim());
    questions.push((await page.locator('.question-q').allTextContents()).map((q) => q.trim()));
    objectives.push((await page.locator('.objectives li').allTextContents()).map((o) => o.trim()));
  }
  await page.goto('teach/');
  await expect(page.locator('.teach-series > li > a')).toHaveText(titles);
  await expect(page.locator('.teach-series > li').first()).toContainText(/Part 1 · \d+ min read/);
  await expect(page.locator('.teach-series > li').nth(1)).toContainText(`Read first: ${titles[0]}`);
  const sections = page.locator('.teach-article');
  await expect(sections).toHaveCount(paths.length);
  for (const [i] of paths.entries()) {
    await expect(sections.nth(i).locator('h2')).toContainText(titles[i]!);
    await expect(sections.nth(i).locator('h3:text-is("Objectives") + ul > li')).toHaveText(objectives[i]!);
    if (questions[i]!.length > 0) await expect(sections.nth(i).locator('h3:text-is("Check your understanding") ~ ol > li')).toHaveText(questions[i]!);
  }
  await expect(page.locator('h3:text-is("For discussion") + ul > li').first()).not.toBeEmpty();
});

test('a classroom link opens its figure in the declared state', async ({ page }) => {
  await page.goto('teach/');
  const link = page.locator('.teach-views a[href*="sparsity=0.9"]').first();
  await expect(link).toHaveText('Superposition explorer');
  await link.click();
  await expect(page).toHaveURL(/#fig-superposition-explorer$/);
  const figure = page.locator('#fig-superposition-explorer');
  await expect(figure.getByLabel('Sparsity S', { exact: false }).first()).toHaveValue('0.9');
});

test('the teach page is reachable from the header, the footer and the home page', async ({ page }) => {
  await page.goto('./');
  for (const scope of ['.site-header', '.site-footer', '.page']) {
    await expect(page.locator(`${scope} a[href$="/teach/"]`).first(), scope).toBeVisible();
  }
});

test('the teach page prints as a handout with link addresses and no site chrome', async ({ page }, info) => {
  await page.goto('teach/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
  const view = page.locator('.teach-views a').first();
  expect(await view.evaluate((a) => getComputedStyle(a, '::after').content)).toMatch(/\(https?:\/\/[^)]+\/articles\/[^)]+\?fig-/);
  const pdf = await page.pdf({ format: 'A4' });
  await info.attach('teach.pdf', { body: pdf, contentType: 'application/pdf' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  // A handout, not a reprint: about a page and a half per article at most, however long the series grows.
  const articles = await page.locator('.teach-article').count();
  expect(articles).toBeGreaterThan(0);
  expect(pages).toBeGreaterThan(0);
  expect(pages).toBeLessThanOrEqual(Math.ceil(1.5 * articles) + 1);
});

test('the home page is an ordered path and each article says where it sits in it', async ({ page }) => {
  const paths = await articlePaths(page);
  const total = paths.length;
  await expect(page.locator('.path > li .meta').first()).toContainText(`Part 1 of ${total}`);
  await page.goto(paths[1]!);
  await expect(page.locator('.article-kicker')).toHaveText(`Part 2 of ${total} in the series`);
  const nav = page.locator('.article-nav');
  await expect(nav.locator('.article-part')).toHaveText(`Part 2 of ${total} in the series`);
  await expect(nav.locator('a[rel="prev"]')).toHaveAttribute('href', new RegExp(`${paths[0]}$`));
  if (total > 2) await expect(nav.locator('a[rel="next"]')).toHaveAttribute('href', new RegExp(`${paths[2]}$`));
});
