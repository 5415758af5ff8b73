import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
  pages: Map<string, { anchors: Set<string>; draft: boolean }>;
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

/** Each figure's data.json, parsed. */
function readLabData(figuresDir: string): Map<string, unknown> {
  const data = new Map<string, unknown>();
  for (const id of figureFolders(figuresDir)) {
    const path = join(figuresDir, id, 'data.json');
    if (existsSync(path)) data.set(id, JSON.parse(readFileSync(path, 'utf8')));
  }
  return data;
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

export function buildSiteIndex(paths: ContentPaths): SiteIndex {
  const bib = existsSync(paths.bibliography) ? parseBibliography(readFileSync(paths.bibliography, 'utf8')) : [];
  const glossary = existsSync(paths.glossary) ? parseGlossary(readFileSync(paths.glossary, 'utf8')) : [];
  const index: SiteIndex = {
    bibKeys: new Set(bib.map((r) => r.key)),
    glossaryIds: new Set(glossary.map((g) => g.id)),
    figureIds: new Set(figureFolders(paths.figures)),
    pages: new Map(),
    articles: [],
    labData: readLabData(paths.figures),
  };
  for (const [path, anchors] of staticPages(index)) index.pages.set(path, { anchors: new Set(anchors), draft: false });
  const files = existsSync(paths.articles) ? readdirSync(paths.articles).filter((f) => f.endsWith('.mdx')) : [];
  for (const file of files) {
    const source = readFileSync(join(paths.articles, file), 'utf8');
    const { data, body } = splitFrontmatter(source);
    index.articles.push({ file: `content/articles/${file}`, data });
    if (typeof data.slug !== 'string') continue; // the schema check reports it for that file
    let anchors: string[];
    // Parsed with the front matter blanked, so an error's line is the file's line.
    const blanked = source.replace(FRONTMATTER, (fm) => fm.replace(/[^\n]/g, ''));
    try {
      anchors = headingAnchors(parseMdxBody(blanked));
    } catch (error) {
      throw mdxParseFailure(error, blanked, `content/articles/${file}`);
    }
    const seen = new Map<string, number>();
    const figures = [...body.matchAll(/<Figure\s+id="([^"]+)"/g)].map(([, id]) => {
      seen.set(id!, (seen.get(id!) ?? 0) + 1);
      return figureAnchor(id!, seen.get(id!));
    });
    index.pages.set(`/articles/${data.slug}/`, {
      anchors: new Set([...anchors, ...figures, 'references', 'cite-this-page']),
      draft: data.status === 'draft',
    });
  }
  return index;
}
