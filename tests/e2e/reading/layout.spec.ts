import { test, expect } from '@playwright/test';
import { OVERVIEW, headerBottom, scrollSettled } from './helpers.ts';

test('a linked heading lands just below the sticky header (one offset, not two)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(OVERVIEW);
  const id = (await page.locator('.prose h2.heading').nth(2).getAttribute('id')) as string;
  await page.goto(`${OVERVIEW}#${id}`);
  await scrollSettled(page);
  const top = await page.locator(`[id="${id}"]`).evaluate((h) => h.getBoundingClientRect().top);
  const bottom = await headerBottom(page);
  expect(top).toBeGreaterThanOrEqual(bottom);
  expect(top - bottom).toBeLessThan(40);
});

test('an open text alternative does not widen the page at 375 px', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('articles/superposition/');
  for (const summary of await page.locator('.fig__alt > summary').all()) {
    await summary.scrollIntoViewIfNeeded();
    await summary.click();
  }
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
});

/**
 * Serves `html` from a server of its own, in two pieces with a pause between them, as a slow connection would
 * deliver it; resolves to its address and a function that stops it.
 */
async function servedInTwoPieces(html: string, splitBefore: string, pauseMs: number) {
  const { createServer } = await import('node:http');
  const at = html.indexOf(splitBefore);
  if (at < 0) throw new Error(`the page has no ${splitBefore}`);
  const server = createServer((req, res) => {
    if (req.url !== '/') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.write(html.slice(0, at));
    setTimeout(() => res.end(html.slice(at)), pauseMs);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  const stop = () => {
    server.closeAllConnections();
    return new Promise((r) => server.close(r));
  };
  return { url: `http://127.0.0.1:${port}/`, stop };
}

/** Whether the browser drew a frame before the element `expected` was parsed. */
async function frameBeforeParsed(page: import('@playwright/test').Page, html: string, splitBefore: string, expected: string) {
  const served = await servedInTwoPieces(html, splitBefore, 400);
  try {
    await page.addInitScript((id) => {
      requestAnimationFrame(() => ((window as unknown as { firstFrameHad: boolean }).firstFrameHad = !!document.getElementById(id)));
    }, expected);
    await page.goto(served.url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => 'firstFrameHad' in window);
    return !(await page.evaluate(() => (window as unknown as { firstFrameHad: boolean }).firstFrameHad));
  } finally {
    await served.stop();
  }
}

test.describe('no frame shows a half-parsed header or embedded figure (a slow connection)', () => {
  const cases = [
    { path: OVERVIEW, splitBefore: '<li><a href="', expected: 'main', what: 'the header, before the page’s <main>' },
    { path: 'embed/feature-steering/', splitBefore: '<div class="fig__control', expected: 'fig-feature-steering-caption', what: 'an embedded figure, before its caption' },
  ];
  for (const { path, splitBefore, expected, what } of cases) {
    test(`the first frame waits for ${what}`, async ({ page, request }) => {
      const html = await (await request.get(path)).text();
      expect(await frameBeforeParsed(page, html, splitBefore, expected)).toBe(false);
    });
    test(`control: without rel="expect" the same delivery paints ${what.split(',')[0]} half-parsed`, async ({ page, request }) => {
      const html = (await (await request.get(path)).text()).replace(/<link rel="expect"[^>]*>/, '');
      expect(await frameBeforeParsed(page, html, splitBefore, expected)).toBe(true);
    });
  }
});
