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

/**
 * Width, height, the spread of luminance of a PNG (a blank card has no spread) and the share of its pixels
 * under the palette stripe that are coloured (chroma over 16 of 255, more than any grey of the palette: a title card's only coloured ink is its
 * kicker), decoded by the browser.
 */
function decodePng(page: Page, png: Buffer) {
  return page.evaluate(async (base64) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))]));
    const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d') as OffscreenCanvasRenderingContext2D;
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    let sum = 0;
    let sumSq = 0;
    let coloured = 0;
    const stripeEnd = 20 * bitmap.width * 4;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number];
      const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      sum += y;
      sumSq += y * y;
      if (i >= stripeEnd && Math.max(r, g, b) - Math.min(r, g, b) > 16) coloured++;
    }
    const n = data.length / 4;
    return {
      width: bitmap.width,
      height: bitmap.height,
      luminanceSd: Math.sqrt(sumSq / n - (sum / n) ** 2),
      colouredShare: coloured / (n - 20 * bitmap.width),
    };
  }, png.toString('base64'));
}

/**
 * The page's preview tags point at an image of the right kind; returns the image's URL. A page with a card of
 * its own (`ownCard`) names its title in the image's alt text; others show the site's card.
 */
async function checkPreview(page: Page, path: string, ownCard: boolean): Promise<{ image: string; alt: string; colouredShare: number }> {
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
  return { image: head.image, alt: head.alt, colouredShare: pixels.colouredShare };
}

test('every article has its own link-preview image: PNG, 1200×630, under 100 KB, not blank @smoke', async ({ page }) => {
  const paths = await articlePaths(page);
  expect(paths.length).toBeGreaterThan(0);
  const images = new Set<string>();
  for (const path of paths) images.add((await checkPreview(page, path, true)).image);
  expect(images.size, 'one image per article').toBe(paths.length);
});

test('the home page, other pages and figure embed pages have link-preview images', async ({ page }) => {
  expect((await checkPreview(page, 'glossary/', false)).image, 'a page without a card of its own shows the site\'s').toBe((await checkPreview(page, '', false)).image);
  const kit = await (await page.request.get('kit/')).text();
  const embeds = [...new Set([...kit.matchAll(/href="[^"]*\/(embed\/[^/"]+\/)"/g)].map((m) => m[1] as string))];
  expect(embeds.length, 'figure embed links on the catalogue').toBeGreaterThan(0);
  for (const path of embeds) await checkPreview(page, path, true);
});

test('an article with a figure, and a figure\'s embed page, preview the figure\'s drawing with the title', async ({ page }) => {
  const titleCard = await checkPreview(page, '', false);
  const previews = [];
  for (const path of await articlePaths(page)) {
    const hasFigure = /<figure[^>]*\sid="fig-/.test(await (await page.request.get(path)).text());
    previews.push({ path, hasFigure, ...(await checkPreview(page, path, true)) });
  }
  previews.push({ path: 'embed/superposition-explorer/', hasFigure: true, ...(await checkPreview(page, 'embed/superposition-explorer/', true)) });
  expect(previews.filter((p) => p.hasFigure).length, 'articles with a figure').toBeGreaterThan(0);
  for (const { path, hasFigure, alt, colouredShare } of previews) {
    expect(alt.includes('With its figure:'), `${path}: the alt text describes the drawing`).toBe(hasFigure);
    // A title card's only coloured ink below the stripe is its kicker: a drawing in the card adds its marks.
    if (hasFigure) expect(colouredShare, `${path}: coloured share against the title card's`).toBeGreaterThan(2 * titleCard.colouredShare);
  }
});
