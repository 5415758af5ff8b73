import { test, expect, type Locator, type Page } from '@playwright/test';
import { OVERVIEW } from './helpers.ts';

const kinds = [
  { name: 'citation', trigger: 'a.cite-ref' },
  { name: 'glossary term', trigger: 'a.term' },
];

/** The page's one shared popover, once it shows what `trigger` points at. */
async function popoverOf(page: Page, trigger: Locator) {
  const description = (await trigger.getAttribute('aria-describedby')) as string;
  const text = (await page.locator(`[id="${description}"]`).textContent())?.trim() ?? '';
  return page.locator('.popover').filter({ hasText: text.slice(0, 40) });
}

for (const kind of kinds) {
  test.describe(`${kind.name} popover`, () => {
    test('opens on hover and closes when the mouse leaves', async ({ page }) => {
      await page.goto(OVERVIEW);
      const trigger = page.locator(kind.trigger).first();
      const pop = await popoverOf(page, trigger);
      await trigger.scrollIntoViewIfNeeded();
      await trigger.hover();
      await expect(pop).toBeVisible();
      await page.mouse.move(5, 5);
      await expect(pop).toBeHidden();
    });

    test('opens on keyboard focus; Enter moves focus in; Escape closes and returns focus', async ({ page }) => {
      await page.goto(OVERVIEW);
      const trigger = page.locator(kind.trigger).first();
      const pop = await popoverOf(page, trigger);
      // Reach the trigger with the keyboard: focus the element before it, then Tab.
      await trigger.evaluate((el) => {
        const all = [...document.querySelectorAll<HTMLElement>('a[href], button')].filter((e) => e.checkVisibility());
        all[all.indexOf(el as HTMLElement) - 1]?.focus();
      });
      await page.keyboard.press('Tab');
      await expect(trigger).toBeFocused();
      await expect(pop).toBeVisible();
      const url = page.url();
      await page.keyboard.press('Enter');
      expect(page.url()).toBe(url); // opened, did not navigate
      await expect(pop).toBeVisible();
      expect(await pop.evaluate((p) => p.contains(document.activeElement))).toBe(true);
      await expect(trigger).toHaveAttribute('aria-expanded', 'true');
      await page.keyboard.press('Escape');
      await expect(pop).toBeHidden();
      await expect(trigger).toBeFocused();
      await expect(trigger).toHaveAttribute('aria-expanded', 'false');
    });

    test('opens on tap and closes on a tap elsewhere', async ({ browser }) => {
      const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 375, height: 740 } });
      const page = await context.newPage();
      await page.goto(OVERVIEW);
      const trigger = page.locator(kind.trigger).first();
      const pop = await popoverOf(page, trigger);
      await trigger.scrollIntoViewIfNeeded();
      const url = page.url();
      await trigger.tap();
      await expect(pop).toBeVisible();
      expect(page.url()).toBe(url);
      const box = await pop.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
      await page.locator('h1').tap();
      await expect(pop).toBeHidden();
      await context.close();
    });
  });
}
