import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { authoringFailure, checkArticleBody, jsxAttribute, visitComponents } from '../content/authoring-checks.ts';
import { checkArticleFrontmatter, checkLabValues } from '../content/article-checks.ts';
import { articleFrontmatter, buildSiteIndex, contentPaths, type SiteIndex } from '../content/site-index.ts';
import { figureAnchor } from '../../figures/contract.ts';
import { importFigureIslands } from './figure-islands.ts';
import { countComponentUses } from '../reading/usage.ts';
import { teachingMaterial } from '../reading/teaching-material.ts';

export interface AuthoringOptions {
  root: string;
  production: boolean;
  /** A build: the content does not change while it runs, so the site index is built once, not per compile. */
  readContentOnce?: boolean;
}

/**
 * Numbers citations and figures in reading order and fails the build on any authoring mistake,
 * naming file:line:column and the bad value. Citation order reaches the layout through
 * `remarkPluginFrontmatter.citations`, every component's uses through `remarkPluginFrontmatter.uses`, and the
 * questions and discussion prompts through `remarkPluginFrontmatter.teaching`.
 */
export function remarkAuthoring(options: AuthoringOptions) {
  let buildIndex: SiteIndex | undefined;
  // Outside a build every compile sees the content as it is now (files that changed are read again), so the
  // dev server knows a heading or reference added while it runs.
  const siteIndex = () => (options.readContentOnce ? (buildIndex ??= buildSiteIndex(contentPaths(options.root))) : buildSiteIndex(contentPaths(options.root)));
  return (tree: Root, file: VFile) => {
    if (!file.path || !file.path.endsWith('.mdx')) return;
    const index = siteIndex();
    const source = readFileSync(file.path, 'utf8');
    const name = relative(options.root, file.path);
    const isArticle = name.startsWith('content/articles/');
    const lineOffset = bodyLineOffset(tree, source);
    const errors = [
      ...(isArticle ? checkArticleFrontmatter(name, articleFrontmatter(index, name, source), source, index) : []),
      ...checkArticleBody(tree, index, { production: options.production, lineOffset }),
      ...checkLabValues(tree, index, lineOffset),
    ];
    // Thrown with a location, so the build's own "Location:" line points at the first mistake, not :0:0.
    if (errors.length > 0) throw authoringFailure(name, errors);
    const citations = numberComponents(tree);
    importFigureIslands(tree, options.root);
    const data = (file.data.astro ??= {}) as { frontmatter?: Record<string, unknown> };
    data.frontmatter = { ...(data.frontmatter ?? {}), citations, uses: countComponentUses(tree), teaching: teachingMaterial(tree) };
  };
}

/** 0 when the parser saw the whole file, else the number of front-matter lines it did not see. */
function bodyLineOffset(tree: Root, source: string): number {
  const first = tree.children[0]?.position?.start;
  if (!first || first.offset === undefined) return 0;
  const fileLine = source.slice(0, first.offset).split('\n').length;
  return fileLine === first.line ? 0 : source.split('\n').length - (tree.position?.end.line ?? 0);
}

function setAttribute(node: { attributes: unknown[] }, name: string, value: string): void {
  node.attributes.push({ type: 'mdxJsxAttribute', name, value });
}

/** Gives each Cite its number (first appearance order) and backlink id, each Figure its number and anchor. */
function numberComponents(tree: Root): string[] {
  const citations: string[] = [];
  const occurrences = new Map<string, number>();
  let figureNumber = 0;
  visitComponents(tree, (node) => {
    const id = jsxAttribute(node, 'id');
    if (!id) return;
    const seen = (occurrences.get(`${node.name}:${id}`) ?? 0) + 1;
    occurrences.set(`${node.name}:${id}`, seen);
    if (node.name === 'Cite') {
      if (!citations.includes(id)) citations.push(id);
      setAttribute(node, 'n', String(citations.indexOf(id) + 1));
      setAttribute(node, 'occurrence', String(seen));
    } else if (node.name === 'Figure') {
      figureNumber += 1;
      setAttribute(node, 'number', String(figureNumber));
      setAttribute(node, 'anchor', figureAnchor(id, seen));
    }
  });
  return citations;
}
