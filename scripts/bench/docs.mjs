// Regenerated README tables: each lives between `<!-- NAME:start -->` and `<!-- NAME:end -->` and is only
// ever written by the script that measured it.
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * @param {string} text
 * @param {string} name  the section's marker name
 * @param {string} body
 */
export function replaceMarked(text, name, body) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i === -1 || j < i) throw new Error(`no ${start} … ${end} section`);
  return `${text.slice(0, i + start.length)}\n${body}\n${text.slice(j)}`;
}

/**
 * @param {string} path
 * @param {string} name  the section's marker name
 * @param {string} body
 */
export function updateMarked(path, name, body) {
  writeFileSync(path, replaceMarked(readFileSync(path, 'utf8'), name, body));
}
