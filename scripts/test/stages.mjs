// Runs the stages of the test suite as a small dependency graph: a stage starts once every stage it needs
// has passed and a slot is free (`jobs` at once); an `exclusive` stage runs alone, for timings that other
// work on the machine would disturb. Each line a stage prints is shown live with its name in front and kept
// in reports/logs/<id>.log.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {{ id: string, title: string, command: string, env?: Record<string, string>, needs?: string[], exclusive?: boolean }} Stage
 * @typedef {{ id: string, title: string, status: 'passed' | 'failed' | 'skipped', seconds: number, startedAt: number, endedAt: number, reason?: string }} StageResult
 */

/**
 * The next stages that may start now, in list order: needs met, a slot free, exclusivity respected.
 * @template {Stage} S
 * @param {S[]} stages
 * @param {Record<string, string | undefined>} state  by stage id: 'waiting', 'running' or a result's status
 * @param {number} jobs
 * @returns {S[]}
 */
export function ready(stages, state, jobs) {
  const running = stages.filter((s) => state[s.id] === 'running');
  if (running.some((s) => s.exclusive)) return [];
  const picked = [];
  for (const s of stages) {
    if (state[s.id] !== 'waiting') continue;
    if (!(s.needs ?? []).every((n) => state[n] === 'passed')) continue;
    const busy = running.length + picked.length;
    if (s.exclusive ? busy > 0 : busy >= jobs || picked.some((p) => p.exclusive)) {
      if (s.exclusive) break; // keep its turn: nothing after it starts before it
      continue;
    }
    picked.push(s);
    if (s.exclusive) break;
  }
  return picked;
}

/**
 * Stages that can never start because a stage they need failed or was skipped.
 * @template {Stage} S
 * @param {S[]} stages
 * @param {Record<string, string | undefined>} state  by stage id: 'waiting', 'running' or a result's status
 * @returns {S[]}
 */
export function blocked(stages, state) {
  return stages.filter((s) => state[s.id] === 'waiting' && (s.needs ?? []).some((n) => state[n] === 'failed' || state[n] === 'skipped'));
}

/**
 * @param {Stage} stage
 * @param {string} logDir
 * @param {number} origin  when the suite started (ms since the epoch)
 * @returns {Promise<StageResult>}
 */
function runOne(stage, logDir, origin) {
  return new Promise((resolve) => {
    const started = Date.now();
    const log = createWriteStream(join(logDir, `${stage.id}.log`));
    const prefix = `[${stage.id}] `;
    console.log(`▶ ${stage.title} (+${((started - origin) / 1000).toFixed(0)} s): ${stage.command}`);
    const child = spawn(stage.command, { shell: true, env: { ...process.env, ...stage.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    /**
     * @param {import('node:stream').Readable} stream
     * @param {NodeJS.WriteStream} out
     */
    const relay = (stream, out) => {
      let rest = '';
      stream.on('data', (chunk) => {
        log.write(chunk);
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) out.write(`${prefix}${line}\n`);
      });
      stream.on('end', () => rest && out.write(`${prefix}${rest}\n`));
    };
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on('close', (code) => {
      const ended = Date.now();
      const seconds = (ended - started) / 1000;
      console.log(`◀ ${stage.title}: exit ${code} in ${seconds.toFixed(1)} s`);
      // Resolved once the log is written out, so whoever reads it next finds all of it.
      log.end(() => resolve({ id: stage.id, title: stage.title, status: code === 0 ? 'passed' : 'failed', seconds, startedAt: (started - origin) / 1000, endedAt: (ended - origin) / 1000 }));
    });
  });
}

/**
 * Runs every stage; resolves to one result per stage, in list order.
 * @param {Stage[]} stages
 * @param {{ jobs?: number, logDir?: string }} [options]
 * @returns {Promise<StageResult[]>}
 */
export async function runStages(stages, { jobs = 2, logDir = 'reports/logs' } = {}) {
  mkdirSync(logDir, { recursive: true });
  const origin = Date.now();
  /** @type {Record<string, string>} */
  const state = Object.fromEntries(stages.map((s) => [s.id, 'waiting']));
  /** @type {Record<string, StageResult>} */
  const results = {};
  /** @type {Map<string, Promise<StageResult>>} */
  const running = new Map();
  for (;;) {
    for (const s of blocked(stages, state)) {
      state[s.id] = 'skipped';
      results[s.id] = { id: s.id, title: s.title, status: 'skipped', seconds: 0, startedAt: 0, endedAt: 0, reason: `needs ${(s.needs ?? []).filter((n) => state[n] !== 'passed').join(', ')}` };
    }
    for (const s of ready(stages, state, jobs)) {
      state[s.id] = 'running';
      running.set(s.id, runOne(s, logDir, origin));
    }
    if (running.size === 0) break;
    const done = await Promise.race(running.values());
    running.delete(done.id);
    state[done.id] = done.status;
    results[done.id] = done;
  }
  return stages.map((s) => {
    const result = results[s.id];
    if (!result) throw new Error(`stage ${s.id} never finished`);
    return result;
  });
}
