/** eachNode visits what unist-util-visit visits, in the same order, on a real article's mdast and hast. */
import { readFileSync } from 'node:fs';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { eachNode } from '../../../src/lib/markdown/each-node.ts';

const source = readFileSync('content/articles/superposition.mdx', 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
const mdast = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath).parse(source);
// The hast a rehype plugin is given: Astro's Markdown processor over the same text, the tree caught by a last plugin.
let hast: Node | undefined;
await (await createMarkdownProcessor({ rehypePlugins: [() => (tree: Node) => void (hast = tree)] })).render(source);

const order = (walk: (tree: Node, fn: (node: Node) => void) => void, tree: Node) => {
  const seen: Node[] = [];
  walk(tree, (node) => {
    seen.push(node);
  });
  return seen;
};

describe('eachNode', () => {
  it.each([
    ['mdast', mdast],
    ['hast', hast!],
  ])('visits every node of an article’s %s once, parents first, in document order, as unist-util-visit does', (_, tree) => {
    const expected = order((t, fn) => visit(t, fn), tree);
    expect(expected.length).toBeGreaterThan(300);
    const actual = order(eachNode, tree);
    expect(actual.length).toBe(expected.length);
    expect(actual.every((node, i) => node === expected[i])).toBe(true);
  });
});
