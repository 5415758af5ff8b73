import { chromium } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { checkBrowserPath, chromiumArgs, chromiumPath } from '../../e2e/support/chromium.ts';

const features = (commandLine: string[]) => commandLine.filter((a) => a.startsWith('--disable-features=')).map((a) => a.slice('--disable-features='.length).split(','));

// The shell the checks run, and the full browser Lighthouse's timed runs use (one of them when they are the same).
describe.each([...new Set([checkBrowserPath, chromiumPath])])('Chromium as the checks launch it (%s)', (executablePath) => {
  it('keeps every feature Playwright disables (Chromium applies only the last --disable-features), starts no spare renderer and opens no omnibox popup', async () => {
    // --enable-automation only so that the browser tells its command line.
    const browser = await chromium.launch({ args: [...chromiumArgs, '--enable-automation'], ...(executablePath ? { executablePath } : {}) });
    try {
      const cdp = await browser.newBrowserCDPSession();
      const { arguments: commandLine } = (await cdp.send('Browser.getBrowserCommandLine')) as { arguments: string[] };
      const lists = features(commandLine);
      const applied = lists.at(-1) ?? [];
      expect(applied).toContain('WebUIOmniboxPopup');
      expect(applied).toContain('SpareRendererForSitePerProcess');
      for (const name of lists.flat()) expect(applied, `${name} is disabled by an earlier switch only`).toContain(name);

      const page = await browser.newPage();
      await page.setContent('<p>A page</p>');
      const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{}] });
      expect(targetInfos.map((t) => t.url).filter((url) => url.includes('omnibox'))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
