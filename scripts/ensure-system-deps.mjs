// Before the tests: make sure a Chromium (and Java, for the HTML checker) exist, installing Debian's
// packages when running as root on a machine that lacks them. Playwright cannot download its own here.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** @param {string} cmd */
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
/** @type {string[]} */
const missing = [];
if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
if (!has('java')) missing.push('default-jre-headless');

if (missing.length > 0) {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !has('apt-get')) {
    console.warn(`Missing ${missing.join(', ')}: install them (Debian: apt-get install -y ${missing.join(' ')}); Playwright's own browser is used if present.`);
  } else {
    console.log(`Installing ${missing.join(', ')} from Debian's packages…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...missing]]) {
      const { status } = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (status !== 0) process.exit(status ?? 1);
    }
  }
}
