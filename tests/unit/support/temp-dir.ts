import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

/**
 * A fresh directory under the system's temporary directory, removed when the test that asked for it finishes
 * (scope 'test', called inside a test) or when its suite does (scope 'suite', called in a `describe` body):
 * test runs leave nothing behind.
 */
export function tempDir(prefix: string, scope: 'test' | 'suite' = 'test'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  (scope === 'test' ? onTestFinished : afterAll)(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
