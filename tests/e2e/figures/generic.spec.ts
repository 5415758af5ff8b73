/**
 * The browser checks every registered figure gets by existing (the list: registered.ts), on the page that
 * first uses it (the embed page's "Open in the article" target: an article, or the catalogue) and on its
 * embed page: hydration without layout shift; in print the drawing and its text alternative are there and the
 * controls are not; Tab order and arrow keys on its controls; a shared link restores the view; without
 * JavaScript the drawing and its text alternative are there; it works inside an iframe on another origin.
 * Checks of one page share its load (a page load in a fresh browser context costs about a second of CPU).
 * The quality report's browser pass checks every page, embed pages included, for layout shifts, console errors
 * and axe in light and dark with every <details> (so every text alternative) open.
 * Figure-specific behaviour lives in <id>.spec.ts beside this file.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type APIRequestContext, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { embedCode } from '../../../src/figures/shared/embed-code.ts';
import { queryString, writeParams, type ParamDecls, type ParamValues } from '../../../src/lib/url-state.ts';
import { collectErrors } from '../reading/helpers.ts';
import { defaultRowCount, embedPath, figureAnchor, figureIds, loadFigure, otherValues, paramKey } from './registered.ts';
import { layoutShifts, recordLayoutShifts, waitForHydration } from './support.ts';

const homes = new Map<string, string>();

/** The page that first uses the figure, relative to the site's base: what its embed page links back to. */
async function homeOf(request: APIRequestContext, id: string): Promise<string> {
  const known = homes.get(id);
  if (known) return known;
  const html = await (await request.get(embedPath(id))).text();
  const href = /<a href="([^"#]*)#[^"]*"[^>]*data-article-link/.exec(html)?.[1];
  if (!href) throw new Error(`embed/${id}/ has no "Open in the article" link`);
  const home = href.replace(/^.*?(articles\/|kit\/)/, '$1');
  homes.set(id, home);
  return home;
}

/** The controls show these values (parameters without a control, like a seed, are skipped). */
async function expectControls(root: Locator, decls: ParamDecls, values: ParamValues<ParamDecls>): Promise<void> {
  const controls = root.locator('.fig__controls').first();
  for (const [name, decl] of Object.entries(decls)) {
    const value = values[name];
    if (decl.kind === 'toggle') {
      const button = controls.getByRole('button', { name: decl.label, exact: true });
      if ((await button.count()) > 0) await expect(button).toHaveAttribute('aria-pressed', String(value));
    } else if (decl.kind === 'vector') {
      for (const [i, component] of decl.components.entries()) await expect(controls.getByLabel(`${decl.label}: ${component}`, { exact: true })).toHaveValue(String((value as number[])[i]));
    } else {
      const control = controls.getByLabel(decl.label, { exact: true });
      if ((await control.count()) > 0) await expect(control).toHaveValue(String(value));
    }
  }
}

/** A view restored from a link: the controls show its values, the figure says so, and no reset note. */
async function expectRestored(root: Locator, decls: ParamDecls, values: ParamValues<ParamDecls>): Promise<void> {
  await expectControls(root, decls, values);
  await expect(root).toContainText('Settings from the link.');
  await expect(root.getByTestId('figure-reset-note')).toHaveCount(0);
}

/**
 * Moves the figure's first slider one step with an arrow key, or, in a figure without sliders, its first select
 * to a neighbouring option; returns the parameter's name (from the control's id).
 */
async function nudgeFirstControl(page: Page, root: Locator | FrameLocator, anchor: string): Promise<string> {
  const sliders = root.locator('.fig__controls input[type="range"]');
  if ((await sliders.count()) === 0) {
    const select = root.locator('.fig__controls select').first();
    const [before, index, options, id] = await select.evaluate((el: HTMLSelectElement) => [el.value, el.selectedIndex, el.options.length, el.id] as const);
    await select.focus();
    await page.keyboard.press(index + 1 < options ? 'ArrowDown' : 'ArrowUp');
    await expect.poll(() => select.inputValue()).not.toBe(before);
    return id.slice(anchor.length + 1).replace(/-\d+$/, '');
  }
  const slider = sliders.first();
  const [before, max, step, id] = await slider.evaluate((el: HTMLInputElement) => [Number(el.value), Number(el.max), Number(el.step), el.id] as const);
  await slider.focus();
  const up = before + step <= max;
  await page.keyboard.press(up ? 'ArrowRight' : 'ArrowLeft');
  await expect.poll(async () => Number(await slider.inputValue())).toBeCloseTo(up ? before + step : before - step, 6);
  return id.slice(anchor.length + 1).replace(/-\d+$/, '');
}

function sameEntries(a: string, b: string): void {
  expect([...new URLSearchParams(a)].sort()).toEqual([...new URLSearchParams(b)].sort());
}

let parentServer: Server | undefined;
const parentPages = new Map<string, string>();

test.afterAll(() => new Promise<void>((resolve) => (parentServer ? parentServer.close(() => resolve()) : resolve())));

/** A page on a second origin (localhost instead of 127.0.0.1, another port) that embeds `html`. */
async function parentPage(id: string, html: string): Promise<string> {
  parentPages.set(id, html);
  if (!parentServer) {
    parentServer = createServer((req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="en"><title>A teacher's page</title><body><h1>Lesson</h1>${parentPages.get(req.url?.slice(1) ?? '') ?? ''}</body></html>`);
    });
    await new Promise<void>((resolve) => parentServer!.listen(0, '127.0.0.1', resolve));
  }
  return `http://localhost:${(parentServer.address() as AddressInfo).port}/${id}`;
}

for (const id of figureIds) {
  const anchor = figureAnchor(id);
  const rootOf = (page: Page) => page.locator(`#${anchor}`);

  /** Loads `path` recording layout shifts; the figure hydrates without changing its height or shifting. */
  async function hydratesInPlace(page: Page, path: string): Promise<void> {
    await recordLayoutShifts(page);
    await page.goto(path);
    await rootOf(page).scrollIntoViewIfNeeded();
    const before = await rootOf(page).boundingBox();
    await waitForHydration(page, rootOf(page));
    await page.waitForTimeout(300);
    expect((await rootOf(page).boundingBox())?.height, path).toBe(before?.height);
    const inFigure = (await layoutShifts(page)).filter((s) => s.sources.some((src) => /fig|figure/.test(src)));
    expect(inFigure, path).toEqual([]);
  }

  test.describe(`${id}`, () => {
    test('in its article: hydrates without layout shift; prints the drawing and text alternative without controls; Tab reaches every control in order, an arrow key moves a slider (or a select), and the URL follows', async ({ page, request }) => {
      const errors = collectErrors(page);
      await hydratesInPlace(page, await homeOf(request, id));

      await page.emulateMedia({ media: 'print' });
      await expect(rootOf(page).locator('svg[role="img"], svg[role="group"]').first()).toBeVisible();
      await expect(rootOf(page).locator('details.fig__alt table')).toBeVisible();
      await expect(rootOf(page).locator('.fig__controls').first()).toBeHidden();
      await page.emulateMedia({ media: 'screen' });

      const controls = rootOf(page).locator('.fig__controls').first().locator('input, select, button');
      const count = await controls.count();
      expect(count).toBeGreaterThan(0);
      await controls.first().focus();
      expect(await controls.first().evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
      for (let k = 1; k < count; k++) {
        await page.keyboard.press('Tab');
        await expect(controls.nth(k)).toBeFocused();
      }
      const name = await nudgeFirstControl(page, rootOf(page), anchor);
      await expect.poll(() => new URL(page.url()).searchParams.has(paramKey(anchor, name))).toBe(true);
      expect(errors).toEqual([]);
    });

    test('a shared link restores the view in the article', async ({ page, request }) => {
      const figure = await loadFigure(id);
      const values = otherValues(figure.params);
      const query = queryString(writeParams('', anchor, figure.params, values));
      await page.goto(`${await homeOf(request, id)}${query}#${anchor}`);
      await waitForHydration(page, rootOf(page));
      await expectRestored(rootOf(page), figure.params, values);
      await expect.poll(() => new URL(page.url()).search).not.toBe('');
      sameEntries(new URL(page.url()).search, query);
    });

    test('a shared link to the embed page, inside an iframe on another origin: restores the view, links back with it, fits its content, takes keys', async ({ page, baseURL }) => {
      const figure = await loadFigure(id);
      const values = otherValues(figure.params);
      const query = queryString(writeParams('', anchor, figure.params, values));
      const src = new URL(`${embedPath(id)}${query}`, baseURL).href;
      const parent = await parentPage(id, embedCode({ src, title: figure.title, height: figure.embedHeight }));
      expect(new URL(parent).origin).not.toBe(new URL(baseURL!).origin);
      await page.goto(parent);
      const frame = page.frameLocator('iframe');
      await frame.locator('.fig').first().scrollIntoViewIfNeeded();
      await expect(frame.locator('.fig[data-hydrated="true"]')).toBeVisible();
      await expectRestored(frame.locator(`#${anchor}`), figure.params, values);
      // The embed page keeps the state in its address, and its way back to the article carries it.
      const embedded = page.frames().find((f) => f.url().startsWith(src.split('?')[0]!));
      await expect.poll(() => new URL(embedded!.url()).search).not.toBe('');
      sameEntries(new URL(embedded!.url()).search, query);
      const back = new URL((await frame.getByRole('link', { name: /Open in the article/ }).getAttribute('href'))!, src);
      sameEntries(back.search, query);
      const iframe = page.locator('iframe');
      await expect
        .poll(async () => {
          const frameHeight = await iframe.evaluate((el) => el.getBoundingClientRect().height);
          const content = await frame.locator('html').evaluate((html) => html.scrollHeight);
          return Math.abs(frameHeight - content);
        })
        .toBeLessThanOrEqual(1);
      await nudgeFirstControl(page, frame, anchor);
    });
  });

  test.describe(`${id} without JavaScript`, () => {
    test.use({ javaScriptEnabled: false });
    test('the drawing, its text alternative at the defaults and disabled controls are in the HTML', async ({ page, request }) => {
      const figure = await loadFigure(id);
      for (const path of [await homeOf(request, id), embedPath(id)]) {
        await page.goto(path);
        await expect(rootOf(page).locator('svg[role="img"]').first()).toBeVisible();
        const alternative = rootOf(page).locator('details.fig__alt');
        await expect(alternative).toContainText('default settings');
        await expect(alternative.locator('tbody tr')).toHaveCount(defaultRowCount(figure));
        await expect(rootOf(page)).toContainText('The controls need JavaScript.');
        const controls = rootOf(page).locator('.fig__controls').first().locator('input, select, button');
        expect(await controls.count()).toBeGreaterThan(0);
        for (const control of await controls.all()) await expect(control).toBeDisabled();
      }
    });
  });
}
