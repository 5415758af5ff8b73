import { describe, expect, it } from 'vitest';
import { firstLine, playwrightFailures, qualityFailures, vitestFailures } from '../../../scripts/test/failures.mjs';

describe('what failed, from the runners’ reports', () => {
  it('keeps the first line of a message, without colours, at most 200 characters', () => {
    expect(firstLine('\n  \u001b[31mAssertionError\u001b[39m: expected 1 to be 2\n    at x.ts:3')).toBe('AssertionError: expected 1 to be 2');
    expect(firstLine('x'.repeat(300))).toHaveLength(200);
    expect(firstLine(undefined)).toBe('');
  });

  it('names failed vitest tests by file and full name, and files that failed to load', () => {
    const report = {
      testResults: [
        { name: '/repo/tests/unit/a.test.ts', status: 'failed', assertionResults: [
          { fullName: 'lab trains', status: 'passed' },
          { fullName: 'lab stops', status: 'failed', failureMessages: ['Error: Test timed out in 120000ms.\nstack'] },
        ] },
        { name: '/repo/tests/unit/b.test.ts', status: 'failed', message: 'SyntaxError: bad', assertionResults: [] },
        { name: '/repo/tests/unit/c.test.ts', status: 'passed', assertionResults: [{ fullName: 'ok', status: 'passed' }] },
      ],
    };
    expect(vitestFailures(report, '/repo')).toEqual([
      'tests/unit/a.test.ts › lab stops: Error: Test timed out in 120000ms.',
      'tests/unit/b.test.ts: SyntaxError: bad',
    ]);
  });

  it('names unexpected Playwright results with file, line and titles, and global errors', () => {
    const report = {
      suites: [{ title: 'figures/x.spec.ts', specs: [], suites: [{ title: 'figure x', specs: [
        { title: 'hydrates', file: 'figures/x.spec.ts', line: 12, tests: [{ status: 'unexpected', results: [{ error: { message: 'Timeout 5000ms exceeded.' } }] }] },
        { title: 'prints', file: 'figures/x.spec.ts', line: 30, tests: [{ status: 'flaky', results: [] }] },
      ] }] }],
      errors: [{ message: 'webServer failed' }],
    };
    expect(playwrightFailures(report)).toEqual(['figures/x.spec.ts:12 › figure x › hydrates: Timeout 5000ms exceeded.', 'error: webServer failed']);
  });

  it('names broken quality budgets with value and limit', () => {
    const report = { checks: [
      { scope: '/a/', id: 'cls', pass: false, value: 0.01, limit: 0, detail: 'header moved' },
      { scope: '/b/', id: 'axe', pass: true, value: 0, limit: 0 },
    ] };
    expect(qualityFailures(report)).toEqual(['/a/ › cls: 0.01 (limit 0) header moved']);
  });
});
