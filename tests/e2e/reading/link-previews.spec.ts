import { test, expect, type Page } from '@playwright/test';
import { articlePaths } from './helpers.ts';

/** A page's HTML as a chat app fetches it to draw a link preview (no scripts, no subresources). */
async function headOf(page: Page, path: string) {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  const html = await response.text();
  const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
  const meta = (key: string) => {
    const tag = html.match(new RegExp(`<meta (?:property|name)="${key}"[^>]*>`))?.[0];
    return tag ? attr(tag, 'content') : null;
  };
  const canonical = html.match(/<link rel="canonical"[^>]*>/)?.[0];
  return {
    image: meta('og:image') ?? '',
    size: [meta('og:image:width'), meta('og:image:height')],
    alt: meta('og:image:alt') ?? '',
    title: meta('og:title') ?? '',
    twitterCard: meta('twitter:card'),
    twitterImage: meta('twitter:image'),
    canonical: canonical ? attr(canonical, 'href') : null,
  };
}

/** Width, height and the spread of luminance of a PNG, decoded by the browser (a blank card has no spread). */
function decodePng(page: Page, png: Buffer) {
  return page.evaluate(async (base64) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))]));
    const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d') as OffscreenCanvasRenderingContext2D;
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < data.length; i += 4) {
      const y = 0.2126 * (data[i] as number) + 0.7152 * (data[i + 1] as number) + 0.0722 * (data[i + 2] as number);
      sum += y;
      sumSq += y * y;
    }
    const n = data.length / 4;
    return { width: bitmap.width, height: bitmap.height, luminanceSd: Math.sqrt(sumSq / n - (sum / n) ** 2) };
  }, png.toString('base64'));
}

/**
 * The page's preview tags point at an image of the right kind; returns the image's URL. A page with a card of
 * its own (`ownCard`) names its title in the image's alt text; others show the site's card.
 */
async function checkPreview(page: Page, path: string, ownCard: boolean): Promise<string> {
  const head = await headOf(page, path);
  const base = new URL(test.info().project.use.baseURL as string).pathname;
  const image = new URL(head.image);
  // Absolute, on the configured site (the canonical's origin) and under the build's base path.
  if (head.canonical) expect(image.origin).toBe(new URL(head.canonical).origin);
  expect(image.pathname, path).toMatch(new RegExp(`^${base}og/.+\\.png$`));
  expect(head.twitterCard).toBe('summary_large_image');
  expect(head.twitterImage).toBe(head.image);
  expect(head.size).toEqual(['1200', '630']);
  if (ownCard) expect(head.alt, 'the alt text names the title').toContain(head.title);

  const response = await page.request.get(image.pathname);
  expect(response.status(), image.pathname).toBe(200);
  expect(response.headers()['content-type']).toContain('image/png');
  const png = await response.body();
  expect(png.subarray(0, 8).toString('hex'), 'PNG signature').toBe('89504e470d0a1a0a');
  expect(png.length, `${image.pathname} in bytes`).toBeLessThan(100 * 1024);
  const pixels = await decodePng(page, png);
  expect([pixels.width, pixels.height]).toEqual([1200, 630]);
  expect(pixels.luminanceSd, `${image.pathname} is not blank`).toBeGreaterThan(10);
  return head.image;
}

test('every article has its own link-preview image: PNG, 1200×630, under 100 KB, not blank @smoke', async ({ page }) => {
  const paths = await articlePaths(page);
  expect(paths.length).toBeGreaterThan(0);
  const images = new Set<string>();
  for (const path of paths) images.add(await checkPreview(page, path, true));
  expect(images.size, 'one image per article').toBe(paths.length);
});

test('the home page, other pages and figure embed pages have link-preview images', async ({ page }) => {
  expect(await checkPreview(page, 'glossary/', false), 'a page without a card of its own shows the site\'s').toBe(await checkPreview(page, '', false));
  const kit = await (await page.request.get('kit/')).text();
  const embeds = [...new Set([...kit.matchAll(/href="[^"]*\/(embed\/[^/"]+\/)"/g)].map((m) => m[1] as string))];
  expect(embeds.length, 'figure embed links on the catalogue').toBeGreaterThan(0);
  for (const path of embeds) await checkPreview(page, path, true);
});
