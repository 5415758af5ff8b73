// Runs every test suite and ends with one line "N passed, N failed" whose totals come from the
// runners' JSON reports. Exits non-zero on any failure, crash or empty suite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('reports', { recursive: true });
const SUBPATH = '/explainer/';
const results = [];

function run(title, command, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${title}: ${command}`);
  const { status } = spawnSync(command, { shell: true, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`◀ ${title}: exit ${status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Records a suite's totals from its JSON report; a missing report or an empty suite counts as a failure. */
function record(name, ok, report, totals) {
  const counted = report ? totals(report) : undefined;
  if (!counted) {
    results.push({ name, passed: 0, failed: 1, note: 'no report (crashed?)' });
  } else if (counted.passed + counted.failed === 0) {
    results.push({ name, passed: 0, failed: 1, note: 'ran no test' });
  } else {
    results.push({ name, ...counted, note: !ok && counted.failed === 0 ? 'runner exited non-zero' : '' });
    if (!ok && counted.failed === 0) results.at(-1).failed += 1;
  }
}

const vitestTotals = (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests });
const playwrightTotals = (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected + (r.errors?.length ?? 0) });

for (const f of ['reports/unit.json', 'reports/e2e.json', 'reports/e2e-subpath.json']) rmSync(f, { force: true });

const unitOk = run('unit tests', 'npx vitest run --reporter=default --reporter=json --outputFile.json=reports/unit.json');
record('unit (vitest)', unitOk, readJson('reports/unit.json'), vitestTotals);

const built = run('production build', 'npm run build', { SITE_BASE: '/', SITE_OUT_DIR: 'dist' });
if (built) {
  const e2eOk = run('browser tests', 'npx playwright test', { SITE_BASE: '/', SITE_OUT_DIR: 'dist', E2E_REPORT: 'reports/e2e.json' });
  record('browser (playwright)', e2eOk, readJson('reports/e2e.json'), playwrightTotals);
} else {
  results.push({ name: 'production build', passed: 0, failed: 1, note: 'build failed' });
}

const subEnv = { SITE_BASE: SUBPATH, SITE_OUT_DIR: 'dist-subpath', E2E_PORT: '4501', E2E_REPORT: 'reports/e2e-subpath.json' };
if (run(`sub-path build (${SUBPATH})`, 'npm run build', subEnv)) {
  const subOk = run('browser smoke tests on the sub-path build', 'npx playwright test --grep @smoke', subEnv);
  record(`browser smoke (${SUBPATH})`, subOk, readJson('reports/e2e-subpath.json'), playwrightTotals);
} else {
  results.push({ name: 'sub-path build', passed: 0, failed: 1, note: 'build failed' });
}

if (existsSync('scripts/quality/report.mjs') && built) {
  const qualityOk = run('quality report', 'node scripts/quality/report.mjs');
  record('quality budgets', qualityOk, readJson('reports/quality.json'), (r) => ({ passed: r.summary.passed, failed: r.summary.failed }));
}

console.log('\nSuite                              passed  failed');
for (const r of results) console.log(`${r.name.padEnd(34)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${r.note ?? ''}`);
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
