import type { Root } from 'mdast';
import { at, checkFrontmatter, jsxAttribute, visitComponents, type AuthoringError } from './authoring-checks.ts';
import { labValueProblem } from './lab-values.ts';
import type { SiteIndex } from './site-index.ts';

/**
 * Checks that need more than one article's own schema: glossary ids in `keyTerms`, a unique place in the
 * series, and `<LabValue>` references into figures' lab data. Each error points at the offending value.
 */

/** Where `needle` is written in the front matter: first at or after the line of `field:`, else that line. */
function fieldPosition(source: string, field: string, needle?: string): { line: number; column: number } {
  const lines = source.split(/\r?\n/);
  const start = lines.findIndex((l) => l.startsWith(`${field}:`));
  if (start < 0) return { line: 1, column: 1 };
  if (needle !== undefined) {
    const word = new RegExp(`(?<![\\w-])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`);
    for (let i = start; i < lines.length && (i === start || !/^\S/.test(lines[i] ?? '')); i++) {
      const match = word.exec(i === start ? (lines[i] ?? '').slice(field.length + 1) : (lines[i] ?? ''));
      if (match) return { line: i + 1, column: match.index + 1 + (i === start ? field.length + 1 : 0) };
    }
  }
  return { line: start + 1, column: 1 };
}

/** Every id in `keyTerms` must be a glossary entry: an unknown one would otherwise be dropped silently. */
export function checkKeyTerms(data: Record<string, unknown>, source: string, index: SiteIndex): AuthoringError[] {
  if (!Array.isArray(data.keyTerms)) return [];
  return data.keyTerms
    .filter((id): id is string => typeof id === 'string' && !index.glossaryIds.has(id))
    .map((id) => ({ message: 'Unknown glossary term in keyTerms — not in content/glossary.yaml', value: id, ...fieldPosition(source, 'keyTerms', id) }));
}

/** `order` places an article in the series and `slug` in the URL space: neither may be shared. */
export function checkSeriesPosition(file: string, data: Record<string, unknown>, source: string, index: SiteIndex): AuthoringError[] {
  const others = index.articles.filter((a) => a.file !== file);
  const errors: AuthoringError[] = [];
  for (const field of ['order', 'slug'] as const) {
    const value = data[field];
    if (value === undefined) continue;
    const clash = others.find((a) => a.data[field] === value);
    if (!clash) continue;
    const why = field === 'order' ? 'each article needs its own place in the series' : 'each article needs its own URL';
    errors.push({ message: `Duplicate ${field} — ${clash.file} also has ${field}: ${String(value)}; ${why}`, value: String(value), ...fieldPosition(source, field, String(value)) });
  }
  return errors;
}

/** All front-matter checks for one article file (`file` relative to the project root). */
export function checkArticleFrontmatter(file: string, data: Record<string, unknown>, source: string, index: SiteIndex): AuthoringError[] {
  return [...checkFrontmatter(data, source), ...checkKeyTerms(data, source, index), ...checkSeriesPosition(file, data, source, index)];
}

/** Each `<LabValue>` must name a figure with lab data and a path to a number in it. */
export function checkLabValues(tree: Root, index: SiteIndex, lineOffset = 0): AuthoringError[] {
  const errors: AuthoringError[] = [];
  visitComponents(tree, (node) => {
    if (node.name !== 'LabValue') return;
    const figure = jsxAttribute(node, 'figure');
    const path = jsxAttribute(node, 'path');
    const where = at(node.position, lineOffset);
    if (figure === undefined || path === undefined) {
      errors.push({ message: '<LabValue> needs figure="…" and path="…" attributes', value: '', ...where });
      return;
    }
    const problem = labValueProblem({ figure, path, format: jsxAttribute(node, 'format') }, index.labData.get(figure));
    if (problem) errors.push({ message: `Unknown lab value — ${problem}`, value: `${figure}:${path}`, ...where });
  });
  return errors;
}
