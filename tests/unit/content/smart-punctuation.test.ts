import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkSmartypants from 'remark-smartypants';
import type { Root } from 'mdast';
import { remarkSmartPunctuation } from '../../../src/lib/markdown/remark-smart-punctuation.ts';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath);
const reference = unified().use(remarkSmartypants);
const fast = unified().use(remarkSmartPunctuation);

/** The tree after each pass, from the same parse. */
function both(source: string): [Root, Root] {
  const tree = parser.parse(source);
  const expected = structuredClone(tree);
  reference.runSync(expected);
  fast.runSync(tree);
  return [tree, expected];
}

// Pieces of prose that exercise every rule (quotes in each position, decades, nested quotes, dashes,
// ellipses, backticks) and every kind of node around them (emphasis, links, inline code, math, components).
const inline = fc.constantFrom(
  'word', 'model', 'Word', ' ', ' ', ', ', '. ', '? ', '! ', 'e.g. ', '"', "'", "'s", "'80s", '"\'', 'don\'t', '--', '---', '...', '. . .', '``', "''",
  '(', ')', '*', '`code`', '$x$', '[a link](/x)', '<Term id="t">a term</Term>', '<Term id="t" />', '<Cite id="c" />', '1.5', 'Dr.',
);
const line = fc.array(inline, { minLength: 1, maxLength: 14 }).map((parts) => parts.join(''));
const block = fc.oneof(
  line,
  line.map((text) => `## ${text}`),
  line.map((text) => `- ${text}\n- ${text}`),
  fc.tuple(line, line).map(([a, b]) => `| ${a} | ${b} |\n|---|---|\n| ${b} | ${a} |`),
  line.map((text) => `<Aside>\n${text}\n</Aside>`),
  line.map((text) => `<Figure id="f">${text}</Figure>`),
  line.map((text) => `\`\`\`js\n${text}\n\`\`\``),
);
const documentText = fc.array(block, { minLength: 1, maxLength: 6 }).map((blocks) => blocks.join('\n\n'));

/** Whether `source` parses as MDX at all (generated pieces can form an unclosed emphasis or component). */
function parses(source: string): boolean {
  try {
    parser.parse(source);
    return true;
  } catch {
    return false;
  }
}

describe('smart punctuation', () => {
  test('gives the same text as remark-smartypants on generated documents', () => {
    fc.assert(
      fc.property(documentText.filter(parses), (source) => {
        const [tree, expected] = both(source);
        expect(tree).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  test('curls quotes across emphasis and links, and turns dashes and ellipses', () => {
    const [tree] = both('"Grown, *not* built" -- the [model\'s](/x) view... of \'80s work.\n\n## "Why" it\'s `a\'b`');
    const text: string[] = [];
    const collect = (node: { type: string; value?: unknown; children?: unknown[] }) => {
      if (node.type === 'text' || node.type === 'inlineCode') text.push(String(node.value));
      for (const child of node.children ?? []) collect(child as typeof node);
    };
    collect(tree);
    expect(text.join('|')).toBe('“Grown, |not| built” — the |model’s| view… of ’80s work.|“Why” it’s |a\'b');
  });
});
