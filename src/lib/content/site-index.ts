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
import { mdxParseFailure } from './mdx-errors.ts';
import { figureAnchor, figureFolders } from '../../figures/contract.ts';

/** Everything an article may point at: what the authoring checks compare each reference with. */
export interface SiteIndex {
  bibKeys: Set<string>;
  glossaryIds: Set<string>;
  figureIds: Set<string>;
  /** Route path (with trailing slash, no base) → anchors on that page and whether it is a draft. */
  pages: Map<string, { anchors: Anchors; draft: boolean }>;
  /** Every article's raw front matter, for checks across the series (unique order, …). */
  articles: ArticleFile[];
  /** Figure id → its build-time lab output (data.json), for figures that have one. */
  labData: Map<string, unknown>;
}

export interface ArticleFile {
  /** Path from the project root, e.g. content/articles/overview.mdx. */
  file: string;
  data: Record<string, unknown>;
}

/** The anchors of one page; only ever asked whether it has one. */
export interface Anchors {
  has(anchor: string): boolean;
}

/**
 * An article's anchors, found by parsing its MDX the first time a link asks for one. Most articles are never
 * the target of an anchored link, so a build parses only those that are, not every article once more.
 * The source is parsed with its front matter blanked, so an error's line is the file's line.
 */
function articleAnchors(file: string, source: string, body: string): Anchors {
  let anchors: Set<string> | undefined;
  return {
    has(anchor) {
      anchors ??= new Set([...headingAnchorsOf(file, source), ...figureAnchors(body), 'references', 'cite-this-page']);
      return anchors.has(anchor);
    },
  };
}

function headingAnchorsOf(file: string, source: string): string[] {
  const blanked = source.replace(FRONTMATTER, (frontMatter) => frontMatter.replace(/[^\n]/g, ''));
  try {
    return headingAnchors(parseMdxBody(blanked));
  } catch (error) {
    throw mdxParseFailure(error, blanked, `content/articles/${file}`);
  }
}

/** `fig-<id>`, `fig-<id>-2`, … in the order the figures appear. */
function figureAnchors(body: string): string[] {
  const seen = new Map<string, number>();
  return [...body.matchAll(/<Figure\s+id="([^"]+)"/g)].map(([, id]) => {
    seen.set(id!, (seen.get(id!) ?? 0) + 1);
    return figureAnchor(id!, seen.get(id!));
  });
}

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

/** An article file's front matter: the index's, which has parsed it, else parsed from `source` (a file it lacks). */
export function articleFrontmatter(index: SiteIndex, file: string, source: string): Record<string, unknown> {
  return index.articles.find((article) => article.file === file)?.data ?? splitFrontmatter(source).data;
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

type ReadCache = Map<string, { stamp: string; value: unknown }>;
/**
 * Kept on the global object, not in this module: a build loads this module twice (the content loader through
 * Vite, the authoring checks from astro.config.mjs through Node), and each copy would otherwise read and parse
 * every article, the glossary and the bibliography again.
 */
const readCache: ReadCache = ((globalThis as Record<symbol, ReadCache | undefined>)[Symbol.for('grown-not-built/site-index-reads')] ??= new Map());

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

/** What the index keeps of one article file: its front matter, route, whether it is a draft, and its anchors (lazily). */
function articleEntry(file: string, text: string) {
  const { data, body } = splitFrontmatter(text);
  const article: ArticleFile = { file: `content/articles/${file}`, data };
  if (typeof data.slug !== 'string') return { article }; // the schema check reports it for that file
  return { article, path: `/articles/${data.slug}/`, anchors: articleAnchors(file, text, body), draft: data.status === 'draft' };
}

/** Each figure's data.json, parsed. */
function readLabData(figuresDir: string, ids: Iterable<string>): Map<string, unknown> {
  const data = new Map<string, unknown>();
  for (const id of ids) {
    const path = join(figuresDir, id, 'data.json');
    if (existsSync(path)) data.set(id, readIfChanged(path, (text): unknown => JSON.parse(text)));
  }
  return data;
}

export function buildSiteIndex(paths: ContentPaths): SiteIndex {
  const bib = existsSync(paths.bibliography) ? readIfChanged(paths.bibliography, parseBibliography) : [];
  const glossary = existsSync(paths.glossary) ? readIfChanged(paths.glossary, parseGlossary) : [];
  const figureIds = figureFolders(paths.figures);
  const index: SiteIndex = {
    bibKeys: new Set(bib.map((r) => r.key)),
    glossaryIds: new Set(glossary.map((g) => g.id)),
    figureIds: new Set(figureIds),
    pages: new Map(),
    articles: [],
    labData: readLabData(paths.figures, figureIds),
  };
  for (const [path, anchors] of staticPages(index)) index.pages.set(path, { anchors: new Set(anchors), draft: false });
  const files = existsSync(paths.articles) ? readdirSync(paths.articles).filter((f) => f.endsWith('.mdx')) : [];
  for (const file of files) {
    const entry = readIfChanged(join(paths.articles, file), (text) => articleEntry(file, text));
    index.articles.push(entry.article);
    if (entry.path) index.pages.set(entry.path, { anchors: entry.anchors, draft: entry.draft });
  }
  return index;
}
