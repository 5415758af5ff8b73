// How fast an edit shows in `astro dev`: starts the dev server of a copy of this site and of a bare Astro +
// MDX site with the same article, then, alternating between the two, rewrites one sentence of the article
// and polls the page until the new sentence is served. Reports the time from the write to the first
// response that has it.
//
//   npm run bench:dev [-- --edits 5] [--article superposition] [--ports 4540,4541] [--docs README.md]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeBareSite } from './bench/bare-site.mjs';
import { updateMarked } from './bench/docs.mjs';
import { alternate, machineLoad, median } from './bench/measure.mjs';
import { copyProject } from './bench/workspace.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @typedef {'site' | 'bare'} Side  this site, or the bare Astro + MDX site */
/** @type {Side[]} */
const sideNames = ['site', 'bare'];
/** @typedef {{ article: string, edits: number, latencies: Record<Side, number[]>, medians: Record<Side, number>, load: string[] }} DevResult */

/**
 * Polls `url` until its body contains `text`; resolves to the milliseconds since `since`.
 * @param {string} url
 * @param {string} text
 * @param {number} since  a performance.now() time
 * @param {number} timeoutMs
 */
async function until(url, text, since, timeoutMs) {
  for (;;) {
    try {
      const body = await (await fetch(url)).text();
      if (body.includes(text)) return performance.now() - since;
    } catch {
      // not listening yet, or restarting
    }
    if (performance.now() - since > timeoutMs) throw new Error(`${url} did not show "${text}" within ${timeoutMs / 1000} s`);
    await sleep(25);
  }
}

/**
 * @param {string} dir
 * @param {number | undefined} port
 */
function startDev(dir, port) {
  const child = spawn(process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_BASE: '/' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return { child, output: () => output, stop: () => { try { process.kill(-(child.pid ?? 0), 'SIGTERM'); } catch { /* already gone */ } } };
}

/**
 * The article with its first paragraph's opening replaced by `marker`, so the page must change.
 * @param {string} source
 * @param {string} marker
 */
export function withMarker(source, marker) {
  const end = source.indexOf('\n---', 4) + 4;
  const paragraph = source.indexOf('\n\n', end) + 2;
  return `${source.slice(0, paragraph)}${marker} ${source.slice(paragraph)}`;
}

/**
 * @param {{ edits: number, article: string, ports: number[] }} options
 * @returns {Promise<DevResult>}
 */
async function run({ edits, article, ports }) {
  const work = mkdtempSync(join(tmpdir(), 'bench-dev-'));
  const source = readFileSync(join(root, 'content/articles', `${article}.mdx`), 'utf8');
  const slug = /^slug:\s*(\S+)/m.exec(source)?.[1] ?? article;
  const sides = { site: join(work, 'site'), bare: join(work, 'bare') };
  copyProject(root, sides.site);
  writeBareSite(root, sides.bare, { siteArticles: true });
  writeFileSync(join(sides.bare, 'content/articles', `${article}.mdx`), source);
  const load = [machineLoad()];
  const servers = { site: startDev(sides.site, ports[0]), bare: startDev(sides.bare, ports[1]) };
  /** @param {Side} name */
  const url = (name) => `http://127.0.0.1:${name === 'site' ? ports[0] : ports[1]}/articles/${slug}/`;
  try {
    for (const name of sideNames) {
      const t0 = performance.now();
      await until(url(name), '</html>', t0, 600_000).catch((e) => { throw new Error(`${e.message}\n${servers[name].output().slice(-2000)}`); });
      console.log(`${name}: dev server answered the article in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    /** @type {Record<Side, number[]>} */
    const latencies = { site: [], bare: [] };
    let k = 0;
    for (const name of alternate(sideNames, edits)) {
      k += 1;
      const marker = `Edited-${k}-${Date.now().toString(36)}.`;
      const file = join(sides[name], 'content/articles', `${article}.mdx`);
      const since = performance.now();
      writeFileSync(file, withMarker(source, marker));
      const ms = await until(url(name), marker, since, 120_000);
      latencies[name].push(ms);
      console.log(`  edit ${k} (${name}): shown after ${ms.toFixed(0)} ms`);
      await sleep(500); // let the watcher settle before the next edit
    }
    load.push(machineLoad());
    return { article: `/articles/${slug}/`, edits, latencies, medians: { site: median(latencies.site), bare: median(latencies.bare) }, load };
  } finally {
    for (const s of Object.values(servers)) s.stop();
    await sleep(500);
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * @param {DevResult} result
 * @param {string} date
 */
export function devTable({ article, edits, latencies, medians, load }, date) {
  /** @param {number} x */
  const ms = (x) => `${(x / 1000).toFixed(2)} s`;
  return [
    `Measured ${date} with \`npm run bench:dev\`: ${edits} edits of ${article} on each dev server, alternating (2-core machine, ${load.join(' → ')}). Time from writing the file to the first response that has the edit.`,
    '',
    '| Dev server | Median | Each edit | Ratio |',
    '|---|---:|---:|---:|',
    `| this site | ${ms(medians.site)} | ${latencies.site.map(ms).join(', ')} | ${(medians.site / medians.bare).toFixed(2)}× |`,
    `| bare Astro + MDX, same article | ${ms(medians.bare)} | ${latencies.bare.map(ms).join(', ')} | 1× |`,
  ].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      edits: { type: 'string', default: '5' },
      article: { type: 'string', default: 'superposition' },
      ports: { type: 'string', default: '4540,4541' },
      docs: { type: 'string' },
      json: { type: 'string', default: 'reports/bench-dev.json' },
    },
  });
  const result = await run({ edits: Math.max(1, Number(values.edits)), article: values.article, ports: values.ports.split(',').map(Number) });
  const table = devTable(result, new Date().toISOString().slice(0, 10));
  console.log(`\n${table}`);
  mkdirSync(dirname(values.json), { recursive: true });
  writeFileSync(values.json, `${JSON.stringify({ generatedAt: new Date().toISOString(), ...result }, null, 1)}\n`);
  if (values.docs) updateMarked(values.docs, 'dev-table', table);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
