import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkMath from 'remark-math';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { parseBibliography } from './bibliography.ts';
import { parseGlossary } from './glossary.ts';

/** Everything an article may point at: what the authoring checks compare each reference with. */
export interface SiteIndex {
  bibKeys: Set<string>;
  glossaryIds: Set<string>;
  figureIds: Set<string>;
  /** Route path (with trailing slash, no base) → anchors on that page and whether it is a draft. */
  pages: Map<string, { anchors: Anchors; draft: boolean }>;
}

/** The anchors of one page; only ever asked whether it has one. */
export interface Anchors {
  has(anchor: string): boolean;
}

/**
 * An article's anchors, found by parsing its MDX the first time a link asks for one. Most articles are never
 * the target of an anchored link, so a build parses only those that are, not every article once more.
 */
function articleAnchors(file: string, body: string): Anchors {
  let anchors: Set<string> | undefined;
  return {
    has(anchor) {
      anchors ??= new Set([...headingAnchorsOf(file, body), ...figureAnchors(body), 'references', 'cite-this-page']);
      return anchors.has(anchor);
    },
  };
}

function headingAnchorsOf(file: string, body: string): string[] {
  try {
    return headingAnchors(parseMdxBody(body));
  } catch (error) {
    throw new Error(`content/articles/${file}: not valid MDX: ${(error as Error).message}`);
  }
}

const figureAnchors = (body: string) => [...body.matchAll(/<Figure\s+id="([^"]+)"/g)].map((m) => `fig-${m[1]}`);

export interface ContentPaths {
  articles: string;
  bibliography: string;
  glossary: string;
  figures: string;
}

export function contentPaths(root: string): ContentPaths {
  return {
    articles: join(root, 'content/articles'),
    bibliography: join(root, 'content/references.bib'),
    glossary: join(root, 'content/glossary.yaml'),
    figures: join(root, 'src/figures'),
  };
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

export function splitFrontmatter(source: string): { data: Record<string, unknown>; body: string } {
  const match = FRONTMATTER.exec(source);
  if (!match) return { data: {}, body: source };
  const data: unknown = parseYaml(match[1] ?? '');
  return { data: (data ?? {}) as Record<string, unknown>, body: source.slice(match[0].length) };
}

/** Heading anchors as Astro writes them (github-slugger over the heading's text). */
export function headingAnchors(tree: Root): string[] {
  const slugger = new GithubSlugger();
  const anchors: string[] = [];
  visit(tree, 'heading', (node) => {
    anchors.push(slugger.slug(toString(node)));
  });
  return anchors;
}

// remark-math first: braces inside $…$ are TeX, not MDX expressions.
const mdxParser = unified().use(remarkParse).use(remarkMath).use(remarkMdx);

/** Parses an article body (front matter removed) as the site's pipeline reads it, math included. */
export function parseMdxBody(body: string): Root {
  return mdxParser.parse(body);
}

/** Figure ids are the folder names under src/figures that hold a figure.ts declaration. */
export function listFigureIds(figuresDir: string): string[] {
  if (!existsSync(figuresDir)) return [];
  return readdirSync(figuresDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(figuresDir, d.name, 'figure.ts')))
    .map((d) => d.name);
}

/** Pages every build has besides articles, with their fixed anchors. */
function staticPages(index: SiteIndex): [string, string[]][] {
  return [
    ['/', []],
    ['/glossary/', [...index.glossaryIds]],
    ['/references/', [...index.bibKeys]],
    ['/search/', []],
    ['/kit/', [...index.figureIds].map((id) => `figure-${id}`)],
    ...[...index.figureIds].map((id): [string, string[]] => [`/embed/${id}/`, []]),
  ];
}

/** Size and modification time: a file whose stamp is unchanged need not be read again. */
function stamp(path: string): string {
  const { size, mtimeMs } = statSync(path);
  return `${size}:${mtimeMs}`;
}

const readCache = new Map<string, { stamp: string; value: unknown }>();

/**
 * `read(path)`, or what it returned last time if the file has not changed since. The dev server checks
 * every article it compiles against the whole index; re-reading and re-parsing the bibliography and every
 * article each time cost more than compiling a short article.
 */
function readIfChanged<T>(path: string, read: (text: string) => T): T {
  const now = stamp(path);
  const cached = readCache.get(path);
  if (cached?.stamp === now) return cached.value as T;
  const value = read(readFileSync(path, 'utf8'));
  readCache.set(path, { stamp: now, value });
  return value;
}

/** What the index keeps of one article file: its route, whether it is a draft, and its anchors (lazily). */
function articleEntry(file: string, text: string): { path: string; anchors: Anchors; draft: boolean } | undefined {
  const { data, body } = splitFrontmatter(text);
  if (typeof data.slug !== 'string') return undefined; // the schema check reports it for that file
  return { path: `/articles/${data.slug}/`, anchors: articleAnchors(file, body), draft: data.status === 'draft' };
}

export function buildSiteIndex(paths: ContentPaths): SiteIndex {
  const bib = existsSync(paths.bibliography) ? readIfChanged(paths.bibliography, parseBibliography) : [];
  const glossary = existsSync(paths.glossary) ? readIfChanged(paths.glossary, parseGlossary) : [];
  const index: SiteIndex = {
    bibKeys: new Set(bib.map((r) => r.key)),
    glossaryIds: new Set(glossary.map((g) => g.id)),
    figureIds: new Set(listFigureIds(paths.figures)),
    pages: new Map(),
  };
  for (const [path, anchors] of staticPages(index)) index.pages.set(path, { anchors: new Set(anchors), draft: false });
  const files = existsSync(paths.articles) ? readdirSync(paths.articles).filter((f) => f.endsWith('.mdx')) : [];
  for (const file of files) {
    const entry = readIfChanged(join(paths.articles, file), (text) => articleEntry(file, text));
    if (entry) index.pages.set(entry.path, { anchors: entry.anchors, draft: entry.draft });
  }
  return index;
}
