// Lab checkpoint assets are found in a build and held to their own size budget.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { KB, budgets, checkpointChecks } from '../../../scripts/quality/budgets.mjs';
import { checkpointAssets } from '../../../scripts/quality/checkpoints.mjs';

const dist = mkdtempSync(join(tmpdir(), 'checkpoints-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

test('finds every *.checkpoint.bin with its size and checks it against the budget', () => {
  mkdirSync(join(dist, 'lab'), { recursive: true });
  writeFileSync(join(dist, 'lab', 'small.checkpoint.bin'), new Uint8Array(100));
  writeFileSync(join(dist, 'lab', 'large.checkpoint.bin'), new Uint8Array(budgets.checkpoint + 1));
  writeFileSync(join(dist, 'lab', 'other.bin'), new Uint8Array(10));
  const assets = checkpointAssets(dist);
  expect(assets).toEqual([{ path: 'lab/large.checkpoint.bin', bytes: budgets.checkpoint + 1 }, { path: 'lab/small.checkpoint.bin', bytes: 100 }]);
  const checks = checkpointChecks(assets);
  expect(checks.map((c) => [c.id, c.pass])).toEqual([['checkpoint-size:lab/large.checkpoint.bin', false], ['checkpoint-size:lab/small.checkpoint.bin', true]]);
  expect(checks[1]!.limit).toBe(`${(budgets.checkpoint / KB).toFixed(1)} KB`);
});
