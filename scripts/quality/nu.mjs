// The W3C Nu HTML checker (vnu-jar) over all built HTML in one Java run, with a short list of filtered
// messages. Every filter states why it is safe to ignore; docs/quality.md lists them for the README.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Filtered messages. `message` must match the checker's text, and `source` (the page text from the
 * reported position on) must match too, so a filter never hides a real error of the same kind.
 */
export const nuFilters = [
  {
    id: 'astro-island-style',
    message: /^A “style” element in “body” must be the first child of its parent\.$/,
    source: /^<style>astro-island,astro-slot,astro-static-slot\{display:contents\}<\/style>/,
    reason:
      'Astro injects <style>astro-island,astro-slot,astro-static-slot{display:contents}</style> before the first island of a page; ' +
      'it is an Astro artefact (not in our source), harmless in every browser, and its hash is in the CSP.',
  },
  {
    id: 'link-expect-blocking',
    message: /^A “link” element with a “blocking” attribute must have a “rel” attribute whose value is “stylesheet”\.$/,
    source: /^<link rel="expect" href="#[^"]+" blocking="render">/,
    reason:
      'The checker predates <link rel="expect" blocking="render"> (HTML standard, in Chromium since 124), which holds an embed page\'s ' +
      'first frame until its figure is parsed. Only that exact element is filtered; "blocking" on any other link still fails.',
  },
  {
    id: 'css-newer-than-checker',
    message: /^CSS: (“(anchor-name|position-anchor|position-area|position-try-fallbacks|container-type|paint-order)”: Property “\2” doesn't exist\.|Unrecognized at-rule “@container”|“color”: Cannot invoke "org\.w3c\.css\.values\.CssValue\.getType\(\)" because "val" is null\.)$/,
    source: /[\s\S]*/,
    reason:
      'The stylesheets are in the page (for the first paint), so the checker reads them with its CSS validator, which does not know ' +
      'anchor positioning, container queries or paint-order (all in current browsers) and crashes on light-dark() colours. ' +
      'Only these messages are filtered; any other CSS error still fails.',
  },
];

/**
 * The text of `html` at a checker position (1-based line, column).
 * @param {string} html
 * @param {number} line
 * @param {number} column
 */
export function sourceAt(html, line, column) {
  const lines = html.split('\n');
  const text = lines[line - 1] ?? '';
  return text.slice(Math.max(0, column - 1)) + '\n' + lines.slice(line).join('\n');
}

/**
 * One message of the checker's JSON output (the fields this module reads).
 * @typedef {{ type: string, subType?: string, message: string, url?: string, lastLine?: number, firstColumn?: number,
 *   lastColumn?: number, extract?: string, filter?: string }} NuMessage
 */
/** @typedef {{ message: string, line?: number | undefined, column?: number | undefined, extract?: string | undefined, filter?: string }} NuBrief */
/** @template M @typedef {{ errors: M[], warnings: M[], filtered: M[] }} NuClasses */

/**
 * Splits checker messages into errors, warnings and filtered ones (each filtered one carries its filter).
 * @param {NuMessage[]} messages
 * @param {(url: string) => string} [readSource]
 * @returns {NuClasses<NuMessage>}
 */
export function classifyMessages(messages, readSource = () => '') {
  /** @type {NuClasses<NuMessage>} */
  const out = { errors: [], warnings: [], filtered: [] };
  for (const m of messages) {
    const isError = m.type === 'error' || (m.type === 'non-document-error');
    const isWarning = m.type === 'info' && m.subType === 'warning';
    if (!isError && !isWarning) continue;
    const source = m.url && m.lastLine ? sourceAt(readSource(m.url), m.lastLine, m.firstColumn ?? m.lastColumn ?? 0) : '';
    const filter = nuFilters.find((f) => f.message.test(m.message) && f.source.test(source));
    if (filter) out.filtered.push({ ...m, filter: filter.id });
    else if (isError) out.errors.push(m);
    else out.warnings.push(m);
  }
  return out;
}

export function vnuJar() {
  const require = createRequire(import.meta.url);
  return join(require.resolve('vnu-jar/package.json'), '..', 'build', 'dist', 'vnu.jar');
}

/**
 * A deep stack for the checker's parser; for one short run, only the quick JIT compiler and one GC thread: half the
 * CPU time (6 against 12 core-seconds on this site's pages, the same messages).
 */
const jvmOptions = ['-Xss4m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/**
 * Runs the checker on files (absolute paths); returns the raw messages (each with its file).
 * @param {string[]} files
 * @param {{ java?: string }} [options]
 * @returns {{ messages: NuMessage[] }}
 */
export function runVnu(files, { java = 'java' } = {}) {
  if (files.length === 0) return { messages: [] };
  const result = spawnSync(java, [...jvmOptions, '-jar', vnuJar(), '--format', 'json', '--exit-zero-always', ...files], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw new Error(`could not run Java for the Nu checker: ${result.error.message}`);
  const text = (result.stderr || result.stdout).trim();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`the Nu checker did not print JSON (exit ${result.status}): ${text.slice(0, 500)}`);
  }
}

/**
 * Checks the pages; returns per-file errors/warnings/filtered plus totals.
 * @param {string} dist
 * @param {string[]} files  dist-relative
 * @returns {Record<string, NuClasses<NuBrief>>}
 */
export function checkHtml(dist, files) {
  const absolute = files.map((f) => join(dist, f));
  const { messages } = runVnu(absolute);
  /** @type {Map<string, string>} */
  const sources = new Map();
  /** @param {string} url */
  const readSource = (url) => {
    let text = sources.get(url);
    if (text === undefined) {
      try {
        text = readFileSync(fileURLToPath(url.replace(/^file:(?!\/\/)/, 'file://')), 'utf8');
      } catch {
        text = '';
      }
      sources.set(url, text);
    }
    return text;
  };
  /** @returns {NuClasses<NuBrief>} */
  const empty = () => ({ errors: [], warnings: [], filtered: [] });
  const byFile = Object.fromEntries(files.map((f) => [f, empty()]));
  for (const m of messages) {
    const file = m.url ? relative(dist, fileURLToPath(m.url.replace(/^file:(?!\/\/)/, 'file://'))).split('\\').join('/') : '(checker)';
    const entry = (byFile[file] ??= empty());
    const c = classifyMessages([m], readSource);
    for (const k of /** @type {const} */ (['errors', 'warnings', 'filtered'])) entry[k].push(...c[k].map(brief));
  }
  return byFile;
}

/**
 * @param {NuMessage} m
 * @returns {NuBrief}
 */
function brief(m) {
  return { message: m.message, line: m.lastLine, column: m.firstColumn ?? m.lastColumn, extract: m.extract, ...(m.filter ? { filter: m.filter } : {}) };
}
