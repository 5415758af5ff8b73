import { test, expect, type Page } from '@playwright/test';
import { collectErrors, scrollSettled } from './helpers.ts';

const SUPERPOSITION = 'articles/superposition/';

/** Focuses the element before `selector`'s last match, then presses Tab, as a keyboard reader would arrive. */
async function tabToLast(page: Page, selector: string) {
  const trigger = page.locator(selector).last();
  await trigger.evaluate((el) => {
    // The element before it that is not itself a citation or term (their own popovers would open).
    const all = [...document.querySelectorAll<HTMLElement>('a[href], button')].filter((e) => e.checkVisibility());
    const before = all.slice(0, all.indexOf(el as HTMLElement)).filter((e) => !e.matches('.cite-ref, .term'));
    before.at(-1)?.focus();
    window.scrollTo(0, 0);
  });
  await page.keyboard.press('Tab');
  for (let i = 0; i < 20 && !(await trigger.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(trigger).toBeFocused();
  return trigger;
}

const openPopover = (page: Page) => page.locator('[popover]:popover-open');

for (const selector of ['a.term', 'a.cite-ref']) {
  test(`a popover opened by Tab far down the page (${selector}) sits by its trigger, in view`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(SUPERPOSITION);
    const trigger = await tabToLast(page, selector);
    await expect(openPopover(page)).toHaveCount(1);
    await scrollSettled(page);
    // Both boxes from one frame: read one call apart, a scroll still running moves one and not the other.
    const { t, p } = await trigger.evaluate((el) => {
      const box = (e: Element) => e.getBoundingClientRect().toJSON() as DOMRect;
      return { t: box(el), p: box(document.querySelector('[popover]:popover-open') as Element) };
    });
    const gap = Math.min(Math.abs(p.y - (t.y + t.height)), Math.abs(t.y - (p.y + p.height)));
    expect(gap, 'popover edge to trigger edge').toBeLessThan(24);
    expect(p.y).toBeGreaterThanOrEqual(0);
    expect(p.y + p.height).toBeLessThanOrEqual(800);
  });

  test(`Tab from a focused ${selector} goes on through the page, not into its popover`, async ({ page }) => {
    await page.goto(SUPERPOSITION);
    await tabToLast(page, selector);
    await expect(openPopover(page)).toHaveCount(1);
    await page.keyboard.press('Tab');
    const insidePopover = await page.evaluate(() => !!document.activeElement?.closest('[popover]'));
    expect(insidePopover).toBe(false);
  });
}

test('Enter then Escape on a term far down the page throws nothing and returns focus', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(SUPERPOSITION);
  const trigger = await tabToLast(page, 'a.term');
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  const pop = openPopover(page);
  await expect(pop).toHaveCount(1);
  expect(await pop.evaluate((p) => p.contains(document.activeElement))).toBe(true);
  await expect(page.locator(':focus')).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(openPopover(page)).toHaveCount(0);
  await expect(trigger).toBeFocused();
  await page.waitForTimeout(300);
  expect(errors).toEqual([]);
});
