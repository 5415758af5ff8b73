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
 * Serves `html` from a server of its own as a slow connection would deliver it: `/?at=N` sends the first N
 * characters, pauses long enough for the browser to draw what it has, then sends the rest.
 */
async function servedInTwoPieces(html: string, pauseMs = 250) {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    const at = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('at'));
    if (!req.url?.startsWith('/?') || !Number.isInteger(at)) {
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
  return { urlSplitAt: (at: number) => `http://127.0.0.1:${port}/?at=${at}`, stop };
}

type Page = import('@playwright/test').Page;
type FrameRecord = { endInFirstFrame?: boolean; shifts: string[] };

/** Records whether the first frame came before the whole page had arrived, and every layout shift with its sources. */
function recordFrames(page: Page) {
  return page.addInitScript(() => {
    const w = window as unknown as { record: FrameRecord };
    w.record = { shifts: [] };
    requestAnimationFrame(() => (w.record.endInFirstFrame = document.readyState !== 'loading'));
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; sources?: { node: Node | null }[] }[]) {
        const names = (e.sources ?? []).map((s) => (s.node instanceof Element ? `${s.node.tagName.toLowerCase()}.${s.node.className}` : s.node?.nodeName));
        w.record.shifts.push(`${e.value.toFixed(4)} ${names.join(', ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

async function loadRecorded(page: Page, url: string) {
  await page.goto(url);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => (window as unknown as { record: FrameRecord }).record);
}

test.describe('a page drawn half-parsed (a slow connection) does not move its header or footer when the rest arrives', () => {
  const at = (html: string, marker: string, from: number) => html.indexOf(marker, from);
  /** Inside the header's menu, after its first item. */
  const inMenu = (html: string) => at(html, '<li>', at(html, '<li>', at(html, '<header', 0)) + 1);
  const pages = [
    {
      path: OVERVIEW,
      what: 'header',
      // In the menu, before and inside the theme button, at the header's end.
      splits: (html: string, h = at(html, '<header', 0)) => [at(html, '<nav', h), inMenu(html), at(html, '<button', h), at(html, '<span class="theme-toggle-text"', h), at(html, '</header>', h)],
    },
    {
      path: '404.html',
      what: 'footer of a short page',
      splits: (html: string, f = at(html, '<footer', 0)) => [at(html, '<ul>', f), at(html, '<li>', at(html, '<li>', f) + 1), at(html, '</footer>', f)],
    },
  ];
  for (const { path, what, splits } of pages) {
    for (const width of [1280, 375]) {
      test(`the ${what} at ${width} px`, async ({ page, request }) => {
        const html = await (await request.get(path)).text();
        const points = splits(html);
        if (points.some((p) => p < 0)) throw new Error(`the ${what} of ${path} is not as this test expects`);
        const served = await servedInTwoPieces(html);
        try {
          await page.setViewportSize({ width, height: 800 });
          await recordFrames(page);
          for (const point of points) {
            const record = await loadRecorded(page, served.urlSplitAt(point));
            const where = html.slice(point, point + 40);
            // The browser did draw the page before the rest of it arrived (else nothing was tested).
            expect(record.endInFirstFrame, `a frame before ${where}`).toBe(false);
            expect(record.shifts, `layout shifts after a pause before ${where}`).toEqual([]);
          }
        } finally {
          await served.stop();
        }
      });
    }
  }
  test('control: the same delivery does catch a header that moves (menu pushed right by the title)', async ({ page, request }) => {
    // The page's CSP would refuse the added style: the control page goes without it.
    const html = (await (await request.get(OVERVIEW)).text())
      .replace(/<meta http-equiv="content-security-policy"[^>]*>/, '')
      .replace('</head>', '<style>.site-title{margin-inline-end:auto!important}.site-nav{margin-inline-end:0!important}</style></head>');
    const served = await servedInTwoPieces(html);
    try {
      await recordFrames(page);
      const record = await loadRecorded(page, served.urlSplitAt(inMenu(html)));
      expect(record.endInFirstFrame).toBe(false);
      expect(record.shifts.length).toBeGreaterThan(0);
    } finally {
      await served.stop();
    }
  });
});

test.describe('an embedded figure is never drawn half-parsed', () => {
  const path = 'embed/feature-steering/';
  const firstFrameHasCaption = async (page: Page, html: string) => {
    const served = await servedInTwoPieces(html);
    try {
      await page.addInitScript(() => {
        const w = window as unknown as { captionInFirstFrame?: boolean };
        requestAnimationFrame(() => (w.captionInFirstFrame = !!document.querySelector('figcaption')));
      });
      await page.goto(served.urlSplitAt(html.indexOf('<div class="fig__control')), { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => 'captionInFirstFrame' in window);
      return page.evaluate(() => (window as unknown as { captionInFirstFrame: boolean }).captionInFirstFrame);
    } finally {
      await served.stop();
    }
  };
  test('the first frame waits for the caption, after the drawing and controls', async ({ page, request }) => {
    expect(await firstFrameHasCaption(page, await (await request.get(path)).text())).toBe(true);
  });
  test('control: without rel="expect" the same delivery draws the figure half-parsed', async ({ page, request }) => {
    const html = (await (await request.get(path)).text()).replace(/<link rel="expect"[^>]*>/, '');
    expect(await firstFrameHasCaption(page, html)).toBe(false);
  });
});
