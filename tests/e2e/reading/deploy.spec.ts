import { test, expect } from '@playwright/test';

/** What a deployer gets: feed, headers and the 404 page, at whatever base path the build has. */

test('the feed links to the site at its base and names authors as RSS 2.0 allows @smoke', async ({ request, baseURL }) => {
  const base = new URL(baseURL as string).pathname;
  const xml = await (await request.get('rss.xml')).text();
  const channelLink = /<channel>[\s\S]*?<link>([^<]+)<\/link>/.exec(xml)?.[1] ?? '';
  expect(new URL(channelLink).pathname).toBe(base);
  // RSS 2.0's <author> is an email address; names go in Dublin Core's <dc:creator>.
  expect(xml).not.toMatch(/<author>(?![^<]*@)/);
  expect(xml).toMatch(/<dc:creator>[^<]+<\/dc:creator>/);
  expect(xml).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
});

test('embed pages may be framed from anywhere, other pages only by the site, at this base @smoke', async ({ request }) => {
  const article = await request.get('articles/overview/');
  expect(article.headers()['content-security-policy']).toBe("frame-ancestors 'self'");
  const embed = await request.get('embed/superposition-explorer/');
  expect(embed.headers()['content-security-policy']).toBe('frame-ancestors *');
});

test('the 404 page names no canonical URL of its own @smoke', async ({ page }) => {
  await page.goto('this-page-does-not-exist/');
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
  await expect(page.locator('meta[property="og:url"]')).toHaveCount(0);
});
