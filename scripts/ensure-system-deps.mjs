// Before the tests: make sure a Chromium (and Java, for the HTML checker) exist, installing Debian's
// packages when running as root on a machine that lacks them. Playwright cannot download its own here.
// Debian's chromium-headless-shell (the same build without the browser's UI, for the checks) is wanted but not
// needed: without it the checks run on the full browser (tests/e2e/support/chromium.ts).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** @param {string} cmd */
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
/** @type {string[]} */
const missing = [];
if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
if (!has('java')) missing.push('default-jre-headless');
const wanted = existsSync('/usr/bin/chromium-headless-shell') ? [] : ['chromium-headless-shell'];

const canInstall = process.getuid?.() === 0 && has('apt-get');
if (missing.length > 0 && !canInstall) {
  console.warn(`Missing ${missing.join(', ')}: install them (Debian: apt-get install -y ${missing.join(' ')}); Playwright's own browser is used if present.`);
} else if (missing.length + wanted.length > 0 && canInstall) {
  console.log(`Installing ${[...missing, ...wanted].join(', ')} from Debian's packages…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  /** @param {string[]} args */
  const apt = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status;
  const updated = apt(['update', '-qq']);
  if (missing.length > 0) {
    const status = updated === 0 ? apt(['install', '-y', '-qq', ...missing]) : updated;
    if (status !== 0) process.exit(status ?? 1);
  }
  if (wanted.length > 0 && (updated !== 0 || apt(['install', '-y', '-qq', ...wanted]) !== 0)) {
    console.warn(`Could not install ${wanted.join(', ')}: the checks run on the full browser.`);
  }
}
