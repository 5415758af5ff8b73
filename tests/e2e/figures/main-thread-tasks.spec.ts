// The responsiveness checks trust `mainThreadTasksDuring`; this shows that it sees a page's own long task and
// measures it by thread time: on a loaded machine far less than the 2 s of wall-clock time the task spans, which
// is long enough to exceed the budget even with a small share of a core.
import { expect, test } from '@playwright/test';
import { mainThreadTasksDuring, tasksOverBudget } from './support.ts';

test('the main-thread measurement finds a 2 s busy task of the page and no long task in an idle page', async ({ page }) => {
  await page.goto('./');
  const idle = await mainThreadTasksDuring(page, () => page.waitForTimeout(300));
  expect(tasksOverBudget(idle)).toEqual([]);
  const busy = await mainThreadTasksDuring(page, async () => {
    await page.evaluate(
      () =>
        new Promise<void>((done) =>
          setTimeout(() => {
            const end = performance.now() + 2_000;
            while (performance.now() < end);
            done();
          }, 0),
        ),
    );
  });
  const over = tasksOverBudget(busy);
  expect(over).toHaveLength(1);
  expect(over[0]?.wallMs).toBeGreaterThanOrEqual(over[0]?.cpuMs ?? Infinity);
});
