import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blocked, ready, runStages } from '../../../scripts/test/stages.mjs';
import { tempDir } from '../support/temp-dir.ts';

const stage = (id: string, extra: Record<string, unknown> = {}) => ({ id, title: id, command: 'true', ...extra });
const ids = (list: { id: string }[]) => list.map((s) => s.id);

describe('test stage scheduling', () => {
  const stages = [stage('unit'), stage('build'), stage('e2e', { needs: ['build'] }), stage('sub', { needs: ['build'] }), stage('quality', { needs: ['build'], exclusive: true })];

  it('starts independent stages together, up to the number of slots', () => {
    const state = { unit: 'waiting', build: 'waiting', e2e: 'waiting', sub: 'waiting', quality: 'waiting' };
    expect(ids(ready(stages, state, 2))).toEqual(['unit', 'build']);
    expect(ids(ready(stages, state, 1))).toEqual(['unit']);
  });

  it('waits for what a stage needs, and keeps an exclusive stage alone', () => {
    expect(ids(ready(stages, { unit: 'running', build: 'passed', e2e: 'waiting', sub: 'waiting', quality: 'waiting' }, 2))).toEqual(['e2e']);
    expect(ids(ready(stages, { unit: 'passed', build: 'passed', e2e: 'running', sub: 'passed', quality: 'waiting' }, 2))).toEqual([]);
    expect(ids(ready(stages, { unit: 'passed', build: 'passed', e2e: 'passed', sub: 'passed', quality: 'waiting' }, 2))).toEqual(['quality']);
  });

  it('lets nothing queued after an exclusive stage overtake it', () => {
    const list = [stage('a'), stage('x', { exclusive: true }), stage('b')];
    expect(ids(ready(list, { a: 'running', x: 'waiting', b: 'waiting' }, 2))).toEqual([]);
    expect(ids(ready(list, { a: 'running', x: 'running', b: 'waiting' }, 2))).toEqual([]);
  });

  it('blocks the stages whose needs failed', () => {
    expect(ids(blocked(stages, { unit: 'passed', build: 'failed', e2e: 'waiting', sub: 'waiting', quality: 'waiting' }))).toEqual(['e2e', 'sub', 'quality']);
  });

  it('runs commands, times them, logs their output and skips what a failure blocks', async () => {
    const logDir = tempDir('stages-');
    const results = await runStages(
      [stage('ok', { command: 'echo hello' }), stage('bad', { command: 'exit 3' }), stage('after', { needs: ['bad'] })],
      { jobs: 2, logDir },
    );
    expect(results.map((r: { status: string }) => r.status)).toEqual(['passed', 'failed', 'skipped']);
    expect(results[0]?.seconds).toBeGreaterThanOrEqual(0);
    expect(readFileSync(join(logDir, 'ok.log'), 'utf8')).toBe('hello\n');
  });
});
