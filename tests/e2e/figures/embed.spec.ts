/** The embed route on its own and inside an <iframe> on a page served from a second local origin. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { ANCHOR, EMBED, OVERVIEW, key, waitForHydration } from './support.ts';

test('the embed page shows one figure, is not indexed, and links back to its article', async ({ page }) => {
  await page.goto(`${EMBED}?${key('input')}=-0.4,0.1`);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/articles\/overview\/$/);
  await expect(page.locator('figure[data-figure-id]')).toHaveCount(1);
  await waitForHydration(page, page.locator(`#${ANCHOR}`));
  await expect(page.getByLabel('Input: x₁')).toHaveValue('-0.4');
  const back = page.getByRole('link', { name: /Open in the article/ });
  await expect(back).toHaveAttribute('href', new RegExp(`/articles/overview/\\?${key('input').replace('.', '\\.')}=-0\\.4,0\\.1#${ANCHOR}$`));
});

test.describe('inside an iframe on another origin', () => {
  let server: Server;
  let parentUrl = '';
  let embedCode = '';

  test.beforeAll(async ({ browser, baseURL }) => {
    const page = await browser.newPage(baseURL ? { baseURL } : {});
    await page.goto(`${OVERVIEW}?${key('input')}=-0.7,-0.3`);
    await waitForHydration(page);
    await page.locator(`#${ANCHOR} summary`, { hasText: 'Share' }).click();
    embedCode = await page.locator(`#${ANCHOR} [data-embed-code]`).inputValue();
    await page.close();
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="en"><title>A teacher's page</title><body><h1>Lesson</h1>${embedCode}</body></html>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    parentUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('renders, keeps its state, and fits its content without scrollbars', async ({ page, baseURL }) => {
    expect(new URL(parentUrl).origin).not.toBe(new URL(baseURL!).origin);
    await page.goto(parentUrl);
    const iframe = page.locator('iframe');
    await expect(iframe).toHaveAttribute('src', /\/embed\/parameters-vs-activations\//);
    const frame = page.frameLocator('iframe');
    await frame.locator('.fig').first().scrollIntoViewIfNeeded();
    await expect(frame.locator('.fig[data-hydrated="true"]')).toBeVisible();
    await expect(frame.getByLabel('Input: x₁')).toHaveValue('-0.7');
    // The parent-side listener from the embed code sets the height the embed page reports.
    await expect
      .poll(async () => {
        const frameHeight = await iframe.evaluate((el) => (el as HTMLIFrameElement).getBoundingClientRect().height);
        const content = await frame.locator('html').evaluate((html) => html.scrollHeight);
        return Math.abs(frameHeight - content);
      })
      .toBeLessThanOrEqual(1);
    await frame.getByLabel('Input: x₂').focus();
    await page.keyboard.press('ArrowUp');
    await expect(frame.getByLabel('Input: x₂')).toHaveValue('-0.29');
  });
});
