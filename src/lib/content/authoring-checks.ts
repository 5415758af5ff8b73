import type { Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Position } from 'unist';
import { eachNode } from '../markdown/each-node.ts';
import { articleSchema } from './article-schema.ts';
import type { SiteIndex } from './site-index.ts';

export interface AuthoringError {
  message: string;
  /** The offending value as written. */
  value: string;
  line: number;
  column: number;
}

/** A component in an article's body (`<Cite id="…" />`, `<Figure>…</Figure>`). */
type JsxNode = MdxJsxFlowElement | MdxJsxTextElement;

export function jsxAttribute(node: JsxNode, name: string): string | undefined {
  const attr = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof attr?.value === 'string' ? attr.value : undefined;
}

export function visitComponents(tree: Root, visitor: (node: JsxNode) => void): void {
  eachNode<Nodes>(tree, (node) => {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') visitor(node);
  });
}

export function at(position: Position | undefined, lineOffset: number): { line: number; column: number } {
  return { line: (position?.start.line ?? 1) + lineOffset, column: position?.start.column ?? 1 };
}

/** Components whose id must name something that exists, and where to look it up. */
const ID_CHECKS: { component: string; set: 'bibKeys' | 'glossaryIds' | 'figureIds'; what: string }[] = [
  { component: 'Cite', set: 'bibKeys', what: 'citation key — not in content/references.bib' },
  { component: 'Term', set: 'glossaryIds', what: 'glossary term — not in content/glossary.yaml' },
  { component: 'Figure', set: 'figureIds', what: 'figure id — no folder src/figures/<id>/ with a figure.ts' },
];

/**
 * Checks one article's body against the site: citation keys, glossary terms, figure ids and internal links.
 * `lineOffset` maps body lines to file lines when the front matter was stripped before parsing.
 */
export function checkArticleBody(tree: Root, index: SiteIndex, opts: { production: boolean; lineOffset?: number }): AuthoringError[] {
  const errors: AuthoringError[] = [];
  const offset = opts.lineOffset ?? 0;
  visitComponents(tree, (node) => {
    const check = ID_CHECKS.find((c) => c.component === node.name);
    if (!check) return;
    const id = jsxAttribute(node, 'id');
    if (id === undefined) {
      errors.push({ message: `<${check.component}> needs an id="…" attribute`, value: '', ...at(node.position, offset) });
    } else if (!index[check.set].has(id)) {
      errors.push({ message: `Unknown ${check.what}`, value: id, ...at(node.position, offset) });
    }
  });
  eachNode<Nodes>(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    const url = node.url;
    const problem = checkInternalLink(url, index, opts.production);
    if (problem) errors.push({ message: problem, value: url, ...at(node.position, offset) });
  });
  return errors;
}

/** Returns why a root-relative link is broken, or undefined when it is fine or not internal. */
export function checkInternalLink(url: string, index: SiteIndex, production: boolean): string | undefined {
  if (!url.startsWith('/') || url.startsWith('//')) return undefined;
  const [pathAndQuery = '', anchor] = url.split('#', 2);
  const path = pathAndQuery.split('?')[0] ?? '';
  const normalised = path.endsWith('/') || /\.[a-z0-9]+$/i.test(path) ? path : `${path}/`;
  const page = index.pages.get(normalised);
  if (!page) return `Broken internal link — no page at ${normalised}`;
  if (production && page.draft) return `Link to a draft article — ${normalised} is not published in production`;
  if (anchor && !page.anchors.has(anchor)) return `Broken internal link — no anchor #${anchor} on ${normalised}`;
  return undefined;
}

/** Validates front matter with the article schema; each error points at the line of the offending field. */
export function checkFrontmatter(data: Record<string, unknown>, source: string): AuthoringError[] {
  const result = articleSchema.safeParse(data);
  if (result.success) return [];
  const lines = source.split(/\r?\n/);
  return result.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const lineIndex = lines.findIndex((l) => l.startsWith(`${field}:`));
    const value = field in data ? JSON.stringify(data[field]) : '(missing)';
    return {
      message: `Invalid front matter: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
      value,
      line: lineIndex >= 0 ? lineIndex + 1 : 1,
      column: 1,
    };
  });
}

export function formatAuthoringError(file: string, e: AuthoringError): string {
  return `${file}:${e.line}:${e.column}: ${e.message}${e.value ? ` (found: ${e.value})` : ''}`;
}

/** An authoring mistake as the build reports it: every error at file:line:column, the first as its location. */
export function authoringFailure(file: string, errors: AuthoringError[], kind = 'authoring error'): Error {
  const line = errors[0]?.line ?? 1;
  const column = errors[0]?.column ?? 1;
  const list = errors.map((e) => formatAuthoringError(file, e)).join('\n');
  // `loc` is read by the content layer, `line`/`column` by the MDX compiler: both print them as "Location:".
  return Object.assign(new Error(`${errors.length} ${kind}${errors.length > 1 ? 's' : ''}:\n${list}`), { name: 'AuthoringError', loc: { file, line, column }, line, column });
}
