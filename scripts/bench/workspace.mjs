// Temporary copies of the project (or of a bare Astro + MDX site) for the benchmarks, and timed builds in them.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Paths not copied: dependencies (linked instead), outputs, caches, history. */
const skip = new Set(['node_modules', '.git', 'dist', 'dist-subpath', 'reports', '.astro', 'test-results', 'playwright-report']);

/**
 * Links each package of `root`'s node_modules into `to`, not the folder: Astro and Vite keep caches in
 * node_modules/.astro and .vite, and those must stay private to the copy.
 * @param {string} root
 * @param {string} to
 */
export function linkModules(root, to) {
  const modules = join(to, 'node_modules');
  mkdirSync(modules, { recursive: true });
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry.startsWith('.') && entry !== '.bin') continue;
    symlinkSync(join(root, 'node_modules', entry), join(modules, entry));
  }
}

/**
 * @param {string} root
 * @param {string} to
 */
export function copyProject(root, to) {
  cpSync(root, to, {
    recursive: true,
    filter: (src) => {
      const rel = relative(root, src);
      return !rel || !skip.has(rel.split(/[\\/]/)[0] ?? '');
    },
  });
  linkModules(root, to);
}

/** @param {string} dir */
export function countPages(dir) {
  let n = 0;
  /** @param {string} d */
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (e.name !== '_astro' && e.name !== 'pagefind' && !e.name.startsWith('.')) walk(join(d, e.name));
      } else if (e.name.endsWith('.html')) n += 1;
    }
  };
  if (existsSync(dir)) walk(dir);
  return n;
}

/** @param {bigint} since  from process.hrtime.bigint() */
const seconds = (since) => Number(process.hrtime.bigint() - since) / 1e9;

const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/**
 * CPU seconds (user + system) used so far by this process's finished children, from /proc (Linux). Unlike
 * wall time, it hardly changes when other work shares the machine; null where /proc is missing.
 */
/** @returns {number | null} */
export function childCpuSeconds() {
  if (!existsSync('/proc/self/stat')) return null;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields after the command name start at field 3 (state); cutime and cstime are fields 16 and 17.
  return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
}

/**
 * @param {string} what
 * @param {{ stdout: string, stderr: string }} result
 */
function failure(what, result) {
  const lines = `${result.stdout}${result.stderr}`.split('\n').filter((l) => !/^\s+at /.test(l));
  return new Error(`${what} failed:\n${lines.slice(-25).join('\n')}`);
}

/**
 * A cold production build in `cwd` (dist/ removed first): wall and CPU seconds of `astro build`, and wall
 * seconds with Pagefind's index when `pagefind` is set, as `npm run build` does. `nodeArgs` go to the Node
 * process that runs Astro (e.g. --cpu-prof).
 * @param {string} cwd
 * @param {{ pagefind?: boolean, nodeArgs?: string[], env?: Record<string, string> }} [options]
 */
export function build(cwd, { pagefind = false, nodeArgs = [], env = {} } = {}) {
  rmSync(join(cwd, 'dist'), { recursive: true, force: true });
  const cpuBefore = childCpuSeconds();
  const started = process.hrtime.bigint();
  const astro = spawnSync(process.execPath, [...nodeArgs, join(cwd, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_BASE: '/', SITE_OUT_DIR: 'dist', ...env },
  });
  const astroSeconds = seconds(started);
  const cpuAfter = childCpuSeconds();
  const astroCpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  if (astro.status !== 0) throw failure(`astro build in ${cwd}`, astro);
  if (pagefind) {
    const pf = spawnSync(join(cwd, 'node_modules/.bin/pagefind'), ['--site', 'dist'], { cwd, encoding: 'utf8' });
    if (pf.status !== 0) throw failure('pagefind', pf);
  }
  return { astroSeconds, astroCpuSeconds, totalSeconds: seconds(started), pages: countPages(join(cwd, 'dist')) };
}
