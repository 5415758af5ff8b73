import { describe, expect, it } from 'vitest';
import { plainArticle, syntheticArticle } from '../../../scripts/bench/articles.mjs';
import { replaceMarked } from '../../../scripts/bench/docs.mjs';
import { alternate, median } from '../../../scripts/bench/measure.mjs';
import { marginalRatio } from '../../../scripts/bench-build.mjs';
import { renderBlockingStylesheets } from '../../../scripts/bench-paint.mjs';
import { withMarker } from '../../../scripts/bench-dev.mjs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import { splitFrontmatter } from '../../../src/lib/content/site-index.ts';
import { articleSchema } from '../../../src/lib/content/article-schema.ts';
import type { Root } from 'mdast';

const count = (tree: Root, type: string) => {
  let n = 0;
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === type) n += 1;
    for (const c of node.children ?? []) walk(c as { type: string; children?: unknown[] });
  };
  walk(tree);
  return n;
};

describe('generated benchmark articles', () => {
  it('writes the plain article issue 13 describes, with front matter this site accepts', () => {
    const { file, text } = plainArticle(7);
    expect(file).toBe('bench-plain-0007.mdx');
    const { data, body } = splitFrontmatter(text);
    expect(articleSchema.safeParse(data).success).toBe(true);
    const tree = unified().use(remarkParse).use(remarkGfm).use(remarkMdx).parse(body); // as Astro's MDX reads it
    expect(count(tree, 'heading')).toBe(6);
    expect(count(tree, 'paragraph')).toBe(12 + 5); // 12 paragraphs, and one inside each list item
    expect(count(tree, 'list')).toBe(1);
    expect(count(tree, 'table')).toBe(1);
    expect(count(tree, 'code')).toBe(1);
    expect(count(tree, 'mdxJsxTextElement') + count(tree, 'mdxJsxFlowElement') + count(tree, 'inlineMath')).toBe(0);
    const words = body.replace(/```[\s\S]*?```/, '').split(/\s+/).filter((w) => /\w/.test(w)).length;
    expect(words).toBeGreaterThan(1400);
    expect(words).toBeLessThan(1700);
    expect(plainArticle(8).text).not.toBe(text);
  });

  it('writes rich articles that cite, define and show a figure', () => {
    const { text } = syntheticArticle(1, { terms: ['feature'], keys: ['k'], figure: 'fig' });
    expect(text).toContain('<Cite id="k" />');
    expect(text).toContain('<Term id="feature" />');
    expect(text).toContain('<Figure id="fig">');
  });
});

describe('benchmark arithmetic', () => {
  it('reports the cost per added page on each side and its ratio', () => {
    const build = (astroSeconds: number, pages: number) => ({ astroSeconds, astroCpuSeconds: null, totalSeconds: astroSeconds, pages });
    const times = {
      site: { 0: build(10, 10), 100: build(20, 110) },
      bare: { 0: build(4, 1), 100: build(9, 101) },
    };
    expect(marginalRatio(times, 100, 'astroSeconds')).toEqual({ site: 0.1, bare: 0.05, ratio: 2 });
  });

  it('alternates variants so none is always measured first', () => {
    expect(alternate(['a', 'b', 'c'], 2)).toEqual(['a', 'b', 'c', 'c', 'b', 'a']);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('counts the stylesheets that block the first paint', () => {
    expect(renderBlockingStylesheets('<link rel="stylesheet" href="a.css"><link rel=stylesheet href=b.css><link rel="stylesheet" media="print" href="p.css"><link rel="icon" href="i.svg">')).toBe(2);
  });

  it('edits the first paragraph of an article, leaving its front matter alone', () => {
    const edited = withMarker('---\ntitle: x\n---\n\nFirst paragraph.\n\nSecond.\n', 'MARK');
    expect(edited).toBe('---\ntitle: x\n---\n\nMARK First paragraph.\n\nSecond.\n');
  });

  it('replaces only the text between a table\'s markers', () => {
    const text = 'a\n<!-- t:start -->\nold\n<!-- t:end -->\nb';
    expect(replaceMarked(text, 't', 'new')).toBe('a\n<!-- t:start -->\nnew\n<!-- t:end -->\nb');
    expect(() => replaceMarked(text, 'other', 'x')).toThrow(/other:start/);
  });
});
