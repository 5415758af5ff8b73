import type { Page } from '@playwright/test';
import { figureAnchor } from '../../../src/figures/contract.ts';

const FIGURE_ID = 'parameters-vs-activations';
export const ANCHOR = figureAnchor(FIGURE_ID);
export const OVERVIEW = 'articles/overview/';
export const key = (name: string, anchor = ANCHOR) => `${anchor}.${name}`;

/** Records layout shifts from the first paint on (call before page.goto). */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __shifts: { value: number; sources: string[] }[] };
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; sources?: { node?: Node }[] }[]) {
        w.__shifts.push({
          value: entry.value,
          sources: (entry.sources ?? []).map((s) => (s.node instanceof Element ? s.node.outerHTML.slice(0, 80) : String(s.node?.nodeName))),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

export async function layoutShifts(page: Page): Promise<{ value: number; sources: string[] }[]> {
  return page.evaluate(() => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts);
}

export async function waitForHydration(page: Page, root = page.locator(`#${ANCHOR}`)): Promise<void> {
  await root.scrollIntoViewIfNeeded();
  await root.locator('.fig[data-hydrated="true"]').waitFor();
}

/** The URL's value for a figure parameter once the (throttled) replaceState has happened. */
export async function urlParam(page: Page, name: string): Promise<string | null> {
  return new URL(page.url()).searchParams.get(key(name));
}

/** A main-thread task of the page's renderer: wall-clock and thread (CPU) time, in milliseconds. */
export interface MainThreadTask {
  wallMs: number;
  cpuMs: number;
  /** For a task over 30 ms of thread time: its longest nested events ("V8.GC_MARK_COMPACTOR 61.2 ms"), to say what it was. */
  longest?: string[];
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * The renderer main-thread tasks that run while `action` does, from a Chrome trace. Each task's thread time
 * (`cpuMs`) counts only the time the thread was on a core, so other processes on a loaded machine do not stretch
 * it the way they stretch a PerformanceObserver long task's wall-clock duration; a budget on `cpuMs` measures the
 * page's own work.
 */
export async function mainThreadTasksDuring(page: Page, action: () => Promise<void>): Promise<MainThreadTask[]> {
  const browser = page.context().browser();
  if (!browser) throw new Error('mainThreadTasksDuring needs a page from a launched browser');
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline'] });
  let trace: Buffer;
  try {
    await action();
    // One more task through the main thread: the task the action waited on has ended and written its event
    // before tracing stops (under load the stop could overtake a task that had just resolved the action).
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  } finally {
    trace = await browser.stopTracing();
  }
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`));
  const ms = (us: number | undefined) => (us ?? 0) / 1000;
  return onMain
    .filter((e) => e.name === 'RunTask')
    .map((task) => {
      const cpuMs = ms(task.tdur ?? task.dur);
      if (cpuMs <= 30) return { wallMs: ms(task.dur), cpuMs };
      const end = task.ts + (task.dur ?? 0);
      const longest = onMain
        .filter((e) => e !== task && e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end)
        .sort((a, b) => (b.tdur ?? b.dur ?? 0) - (a.tdur ?? a.dur ?? 0))
        .slice(0, 6)
        .map((e) => `${e.name} ${ms(e.tdur ?? e.dur).toFixed(1)} ms`);
      return { wallMs: ms(task.dur), cpuMs, longest };
    });
}

/** The tasks whose own work (thread time) exceeds a budget: what a responsiveness check expects to be empty. */
export function tasksOverBudget(tasks: MainThreadTask[], budgetMs = 50): MainThreadTask[] {
  return tasks.filter((t) => t.cpuMs > budgetMs);
}
