/**
 * The axe helper shared by the browser tests and the quality report finds what it must: violations anywhere
 * or only within given selectors, contrast failures of one colour scheme only, and violations inside a frame.
 */
import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeInBothSchemes, axeViolations } from '../../e2e/support/axe.ts';
import { launchBrowser } from '../../../scripts/quality/browser.mjs';

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>Fixture</title><style>
  .dim { color: #222; background: #fff; } @media (prefers-color-scheme: dark) { .dim { color: #333; background: #000; } }
  </style></head><body><main><h1>Fixture</h1>${body}</main></body></html>`;

describe('axe helper', () => {
  let browser: Browser;
  let tab: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    tab = await (await browser.newContext()).newPage();
  }, 60_000);
  afterAll(() => browser?.close());

  it('finds violations on the page, and only within the selectors it is given', async () => {
    await tab.setContent(page('<div id="a"><img src="data:,"></div><div id="b"><button></button></div>'));
    expect((await axeViolations(tab)).map((v) => v.id).sort()).toEqual(['button-name', 'image-alt']);
    expect((await axeViolations(tab, ['#b'])).map((v) => v.id)).toEqual(['button-name']);
    // A second run on the same page reuses the axe already there and still finds the same.
    expect((await axeViolations(tab, ['#a'])).map((v) => v.id)).toEqual(['image-alt']);
  });

  it('checks contrast in each colour scheme', async () => {
    await tab.setContent(page('<p class="dim">Readable by day, not by night.</p>'));
    expect(await axeInBothSchemes(tab)).toEqual([expect.stringMatching(/^dark: color-contrast: /)]);
  });

  it('runs every rule in the light scheme and, in the dark one, only those that depend on colour', async () => {
    await tab.setContent(page('<p class="dim">Readable by day, not by night.</p><img src="data:,">'));
    expect(await axeInBothSchemes(tab)).toEqual([expect.stringMatching(/^light: image-alt: /), expect.stringMatching(/^dark: color-contrast: /)]);
  });

  it('looks inside frames', async () => {
    await tab.setContent(page(`<iframe title="Inner" srcdoc="<!doctype html><html lang='en'><title>Inner</title><p>Inside <img src='data:,'></p></html>"></iframe>`));
    await tab.frameLocator('iframe').locator('img').waitFor({ state: 'attached' });
    await tab.waitForFunction(() => document.querySelector('iframe')?.contentDocument?.readyState === 'complete');
    const violations = await axeViolations(tab);
    expect(violations.map((v) => v.id)).toEqual(['image-alt']);
    expect(violations[0]?.nodes.map((n) => n.target)).toEqual([['iframe[src="about:srcdoc"]', 'img']]);
  });
});
