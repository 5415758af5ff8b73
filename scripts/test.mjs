// Runs every test suite and ends with one line "N passed, N failed" whose totals come from the runners'
// JSON reports, after a table of how long each stage took. Independent stages run two at a time (the
// machine has 2 cores); Lighthouse's performance runs come last, alone, so their timings are not disturbed.
// Exits non-zero on any failure, crash or empty suite. Adding a stage is one entry in `stages`.
//
//   npm test [-- --jobs 2] [--docs README.md]
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runStages } from './test/stages.mjs';
import { playwrightFailures, qualityFailures, vitestFailures } from './test/failures.mjs';
import { updateMarked } from './bench/docs.mjs';

const { values } = parseArgs({ options: { jobs: { type: 'string', default: '2' }, docs: { type: 'string' } } });
mkdirSync('reports', { recursive: true });
const SUBPATH = '/explainer/';
// The two builds are served at the same time, on E2E_PORT (default 4500) and the port after it.
const port = Number(process.env.E2E_PORT ?? 4500);
const rootEnv = { SITE_BASE: '/', SITE_OUT_DIR: 'dist', E2E_PORT: String(port) };
const subEnv = { SITE_BASE: SUBPATH, SITE_OUT_DIR: 'dist-subpath', E2E_PORT: String(port + 1), E2E_REPORT: 'reports/e2e-subpath.json' };

/** @typedef {{ passed: number, failed: number }} Totals */
/**
 * A stage of the suite. With `report` and `totals` it is a suite whose tests are counted; with only `suite`
 * it is one check (say, a type checker) that counts as one passed or failed test.
 * With `failures` it also names what failed, read from the same report.
 * @typedef {import('./test/stages.mjs').Stage & { report?: string, totals?: (report: any) => Totals, failures?: (report: any) => string[], suite?: string }} SuiteStage
 */
// `totals` takes a runner's parsed JSON report (JSON.parse gives `any`); each function below states the few fields it reads.

/** @param {{ numPassedTests: number, numFailedTests: number }} r */
const vitestTotals = (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests });
/** @param {{ stats: { expected: number, flaky: number, unexpected: number }, errors?: unknown[] }} r */
const playwrightTotals = (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected + (r.errors?.length ?? 0) });
/** @param {{ summary: Totals }} r */
const qualityTotals = (r) => ({ passed: r.summary.passed, failed: r.summary.failed });

/** @type {SuiteStage[]} */
// In priority order: a free slot goes to the first stage whose needs are met. The browser tests are the longest
// stage, so they start as soon as the build is there, and the rest fills the other slot beside them.
const stages = [
  { id: 'build', title: 'production build', command: 'npm run build', env: rootEnv },
  // One TypeScript program for everything: pages and components, the scripts (JSDoc-typed .mjs, checkJs), tests
  // and config files (tsconfig.json includes them all).
  { id: 'astro-check', title: 'type check (astro check)', command: 'npx astro check', suite: 'types (astro check)' },
  // Not alone: the responsiveness checks count each main-thread task's own CPU time, which other work on the
  // machine does not stretch. The @smoke tests are for the sub-path build; on this one the quality report's
  // browser pass checks what they do (axe and console errors on every page) and more.
  { id: 'e2e', title: 'browser tests', command: 'npx playwright test --grep-invert @smoke', env: { ...rootEnv, E2E_REPORT: 'reports/e2e.json' }, needs: ['build'], report: 'reports/e2e.json', totals: playwrightTotals, failures: playwrightFailures, suite: 'browser (playwright)' },
  { id: 'unit', title: 'unit tests', command: 'npx vitest run --reporter=default --reporter=json --outputFile.json=reports/unit.json', report: 'reports/unit.json', totals: vitestTotals, failures: (r) => vitestFailures(r, process.cwd()), suite: 'unit (vitest)' },
  // Before the sub-path build: the longer of the two takes the first free slot.
  { id: 'quality', title: 'quality report (every page)', command: 'node scripts/quality/report.mjs --lighthouse categories', env: rootEnv, needs: ['build'], report: 'reports/quality.json', totals: qualityTotals, failures: qualityFailures, suite: 'quality budgets' },
  // After the first build, not beside it: two Astro builds of one project would share its caches.
  { id: 'subpath-build', title: `sub-path build (${SUBPATH})`, command: 'npm run build', env: subEnv, needs: ['build'] },
  { id: 'subpath-e2e', title: 'browser smoke tests on the sub-path build', command: 'npx playwright test --grep @smoke', env: subEnv, needs: ['subpath-build'], report: 'reports/e2e-subpath.json', totals: playwrightTotals, failures: playwrightFailures, suite: `browser smoke (${SUBPATH})` },
  // Alone and last: Lighthouse's performance score is computed from timings that other work would stretch.
  { id: 'performance', title: 'Lighthouse performance (one page per template)', command: 'node scripts/quality/report.mjs --only lighthouse --lighthouse performance --out reports/quality-performance.json', env: rootEnv, needs: ['build'], exclusive: true, report: 'reports/quality-performance.json', totals: qualityTotals, failures: qualityFailures, suite: 'performance budgets' },
];

/**
 * The machine's CPU counters (all cores), from /proc/stat; undefined where there is none.
 * @returns {{ busy: number, total: number } | undefined}
 */
function cpuTimes() {
  try {
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    return { busy: user + nice + system + irq + softirq + steal, total: user + nice + system + idle + iowait + irq + softirq + steal };
  } catch {
    return undefined;
  }
}

/**
 * The share of the time the cores were busy between two readings: on a CPU-bound suite, near 1 means that only
 * less work (not more parallelism) makes it faster.
 * @param {ReturnType<typeof cpuTimes>} a
 * @param {ReturnType<typeof cpuTimes>} b
 */
function busyShare(a, b) {
  return a && b && b.total > a.total ? (b.busy - a.busy) / (b.total - a.total) : undefined;
}

/** @param {string} path */
function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * A stage's counted tests; a missing report or an empty suite counts as a failure, as does a stage that failed.
 * A stage with a `suite` name but no report is one check.
 * @param {SuiteStage} stage
 * @param {import('./test/stages.mjs').StageResult} result
 * @param {unknown} report  the stage's parsed report, if it wrote one
 * @returns {Totals & { note?: string }}
 */
export function suiteTotals(stage, result, report) {
  if (!stage.report || !stage.totals) {
    if (result.status === 'passed') return { passed: stage.suite ? 1 : 0, failed: 0 };
    return { passed: 0, failed: 1, note: result.reason ?? `${stage.title} failed` };
  }
  const counted = report ? stage.totals(report) : undefined;
  if (result.status === 'skipped') return { passed: 0, failed: 1, note: result.reason ?? 'skipped' };
  if (!counted) return { passed: 0, failed: 1, note: 'no report (crashed?)' };
  if (counted.passed + counted.failed === 0) return { passed: 0, failed: 1, note: 'ran no test' };
  if (result.status === 'failed' && counted.failed === 0) return { ...counted, failed: 1, note: 'runner exited non-zero' };
  return { ...counted, note: '' };
}

for (const s of stages) if (s.report) rmSync(s.report, { force: true });
const load = `load average ${(loadavg()[0] ?? 0).toFixed(1)} on ${cpus().length} cores`;
const cpuAtStart = cpuTimes();
const started = Date.now();
const results = await runStages(stages, { jobs: Math.max(1, Number(values.jobs) || 1) });
const wall = (Date.now() - started) / 1000;
const busy = busyShare(cpuAtStart, cpuTimes());

const rows = stages.flatMap((stage, i) => {
  const result = results[i];
  if (!result) return [];
  const report = stage.report ? readJson(stage.report) : undefined;
  return [{ stage, result, report, totals: suiteTotals(stage, result, report) }];
});
const timeTable = [
  `\`npm test\` on a ${cpus().length}-core machine, ${new Date().toISOString().slice(0, 10)}, ${load} at the start: ${(wall / 60).toFixed(1)} min in all, stages two at a time where independent; the cores were busy ${busy === undefined ? '(not measured)' : `${(busy * 100).toFixed(0)} %`} of the time.`,
  '',
  '| Stage | Starts after | Began at | Took | Result |',
  '|---|---|---:|---:|---|',
  ...rows.map(({ stage, result }) => `| ${stage.title} | ${(stage.needs ?? []).join(', ') || '–'}${stage.exclusive ? ' (alone)' : ''} | ${result.startedAt.toFixed(0)} s | ${result.seconds.toFixed(1)} s | ${result.status} |`),
].join('\n');
console.log(`\n${timeTable}\n`);
writeFileSync('reports/test-times.json', `${JSON.stringify({ generatedAt: new Date().toISOString(), load, wallSeconds: wall, busyShare: busy, stages: results }, null, 1)}\n`);
if (values.docs) updateMarked(values.docs, 'test-times', timeTable);

console.log('Suite                              passed  failed');
for (const { stage, totals } of rows) {
  if (!stage.suite && totals.failed === 0) continue;
  console.log(`${(stage.suite ?? stage.title).padEnd(34)} ${String(totals.passed).padStart(6)}  ${String(totals.failed).padStart(6)}  ${totals.note ?? ''}`);
}
const failures = rows.flatMap(({ stage, report }) => (report && stage.failures ? stage.failures(report).map((f) => `  [${stage.id}] ${f}`) : []));
if (failures.length > 0) console.log(`\nWhat failed (${failures.length}):\n${failures.join('\n')}`);
const passed = rows.reduce((s, r) => s + r.totals.passed, 0);
const failed = rows.reduce((s, r) => s + r.totals.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
