/**
 * The whole report (weight, Nu checker, browser pass; Lighthouse is left to CI for time) on two fixture
 * sites: real Astro output within budget passes; a site that breaks each kind of budget fails, each page
 * for its own reason.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = fileURLToPath(new URL('./__fixtures__/', import.meta.url));

type Check = { scope: string; id: string; pass: boolean };
type Run = { status: number | null; stdout: string; report: { checks: Check[]; summary: { passed: number; failed: number }; pages: { path: string; browser: { externalRequests: string[] } }[] } };

/** The report on a fixture site, in a child process (both sites are checked at once: each mostly waits on its browser). */
function runReport(site: string, outDir: string): Promise<Run> {
  const out = join(outDir, `${site}.json`);
  const child = spawn(process.execPath, ['scripts/quality/report.mjs', '--dist', join(fixtures, site), '--only', 'weight,nu,browser', '--out', out, '--quiet'], {
    cwd: root,
    env: { ...process.env, SITE_BASE: '/' },
  });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, report: JSON.parse(readFileSync(out, 'utf8')) }));
  });
}

describe('quality report on fixture sites', () => {
  let good: Run;
  let bad: Run;
  const outDir = tempDir('quality-', 'suite');
  beforeAll(async () => {
    [good, bad] = await Promise.all([runReport('astro-site', outDir), runReport('bad-site', outDir)]);
  }, 300_000);

  test('real Astro output within every budget passes', () => {
    const { status, report, stdout } = good;
    expect(report.checks.filter((c) => !c.pass), stdout).toEqual([]);
    expect(status).toBe(0);
    expect(report.summary.failed).toBe(0);
    expect(report.summary.passed).toBeGreaterThan(30);
    expect(report.pages.map((p) => p.path).sort()).toEqual(['/', '/articles/one/', '/embed/counter/']);
    expect(stdout).toMatch(/\d+ passed, 0 failed/);
  });

  test('a site that breaks each kind of budget fails, each page for its own reason', () => {
    const { status, report } = bad;
    expect(status).toBe(1);
    const failedAt = (path: string) => report.checks.filter((c) => c.scope === path && !c.pass).map((c) => c.id);
    expect(failedAt('/framework/')).toEqual(expect.arrayContaining(['no-framework-runtime', 'first-paint-js']));
    expect(failedAt('/unsafe-inline/')).toEqual(['csp-policy']);
    expect(failedAt('/no-csp/')).toEqual(['csp-policy']);
    expect(failedAt('/external/')).toContain('external-requests');
    expect(report.pages.find((p) => p.path === '/external/')?.browser.externalRequests).toEqual(['https://cdn.example.invalid/pixel.png']);
    expect(failedAt('/invalid/')).toContain('nu-errors');
    expect(failedAt('/console-error/')).toEqual(['console-errors']);
    expect(failedAt('/layout-shift/')).toEqual(['cls']);
    expect(failedAt('/wide/')).toEqual(['no-sideways-scroll-375px']);
    expect(failedAt('/')).toEqual([]);
    expect(report.summary.failed).toBe(report.checks.filter((c) => !c.pass).length);
  });

  test('an empty or missing dist fails instead of passing vacuously', () => {
    const out = join(tempDir('quality-'), 'quality.json');
    const result = spawnSync(process.execPath, ['scripts/quality/report.mjs', '--dist', join(fixtures, 'no-such-dist'), '--out', out, '--quiet'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.failed).toBeGreaterThan(0);
  });
});
