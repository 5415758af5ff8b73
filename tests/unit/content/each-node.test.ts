/** eachNode visits what unist-util-visit visits, in the same order, on a real article's mdast and hast. */
import { readFileSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { eachNode } from '../../../src/lib/markdown/each-node.ts';

const source = readFileSync('content/articles/superposition.mdx', 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
const mdast = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath).parse(source);
const hast = await unified().use(remarkRehype, { passThrough: ['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm'] }).run(mdast);

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
    ['hast', hast],
  ])('visits every node of an article’s %s once, parents first, in document order, as unist-util-visit does', (_, tree) => {
    const expected = order((t, fn) => visit(t, fn), tree);
    expect(expected.length).toBeGreaterThan(300);
    const actual = order(eachNode, tree);
    expect(actual.length).toBe(expected.length);
    expect(actual.every((node, i) => node === expected[i])).toBe(true);
  });
});
