import { Parser, type Comment, type Options } from 'acorn';
import acornJsx from 'acorn-jsx';
import type { Nodes, Root } from 'mdast';
import { mdxToMdast } from 'satteri';
import type { Processor } from 'unified';
import { eachNode } from './each-node.ts';

/**
 * What remark-gfm and remark-math parse (frontmatter is Astro's), and curly quotes and ellipses: the parser sees
 * a quote's neighbours across components, where SmartyPants (remark-smart-punctuation.ts) curled some the wrong
 * way. Dashes stay SmartyPants' (-- is an em dash; here it would be an en dash).
 */
const features = { gfm: true, math: true, frontmatter: false, smartPunctuation: { quotes: true, dashes: false, ellipses: true } } as const;

const acornOptions: Options = { ecmaVersion: 'latest', sourceType: 'module', locations: true };
const JsParser = Parser.extend(acornJsx());

/** An estree program with its comments, as micromark-extension-mdxjs gives MDX's expressions and ESM. */
function parseProgram(code: string) {
  const comments: Comment[] = [];
  const program = JsParser.parse(code, { ...acornOptions, onComment: comments });
  return Object.assign(program, { comments });
}

/**
 * The program MDX compiles an expression from: one expression statement, or none for `{}` and comments alone.
 * A spread attribute (`{...props}`) is read inside an object literal, as MDX reads it.
 */
function expressionProgram(value: string, spread = false) {
  if (spread) return parseProgram(`({${value}\n})`);
  try {
    return parseProgram(`(${value}\n)`);
  } catch (error) {
    // `()` is no expression: an empty or comment-only one parses as a program without statements, or was bad.
    const empty = parseProgram(`${value}\n`);
    if (empty.body.length > 0) throw error;
    return empty;
  }
}

type MdxNode = { type: string; value?: unknown; data?: Record<string, unknown>; attributes?: MdxNode[] };

/** How remark-math's parser tells remark-rehype to write an equation: as code that rehype-katex then typesets. */
function mathHast(node: MdxNode): Record<string, unknown> {
  const text = [{ type: 'text', value: String(node.value) }];
  return node.type === 'math'
    ? { hName: 'pre', hChildren: [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: text }] }
    : { hName: 'code', hProperties: { className: ['language-math', 'math-inline'] }, hChildren: text };
}

/**
 * What micromark's MDX and math extensions put in `data` and Sätteri does not: MDX's JavaScript as estree (MDX's
 * compiler reads expressions and imports only from there) and the equations' hast.
 */
function completeTree(tree: Root): void {
  eachNode<Nodes>(tree, (node) => {
    const n = node as MdxNode;
    if (n.type === 'mdxjsEsm') n.data = { ...n.data, estree: parseProgram(String(n.value)) };
    else if (n.type === 'mdxFlowExpression' || n.type === 'mdxTextExpression') n.data = { ...n.data, estree: expressionProgram(String(n.value)) };
    else if (n.type === 'math' || n.type === 'inlineMath') n.data = { ...n.data, ...mathHast(n) };
    for (const attribute of n.attributes ?? []) {
      if (attribute.type === 'mdxJsxExpressionAttribute') attribute.data = { ...attribute.data, estree: expressionProgram(String(attribute.value), true) };
      const value = attribute.value as MdxNode | null | undefined;
      if (value && typeof value === 'object' && value.type === 'mdxJsxAttributeValueExpression') value.data = { ...value.data, estree: expressionProgram(String(value.value)) };
    }
  });
}

/**
 * Parses MDX with Sätteri, the Rust parser behind Astro 7's default Markdown processor, instead of micromark:
 * the same mdast (the site's plugins then run unchanged; tests/unit/content/native-parse.test.ts compares the
 * two on every article), parsed about twenty times faster, and its quotes already curled. A document Sätteri
 * (or acorn, reading its JavaScript) rejects is parsed again by micromark, so a mistake is reported with
 * remark-mdx's message and position (and the unclosed-math hint built on them: src/lib/content/mdx-errors.ts).
 */
export function remarkNativeParse(this: Processor) {
  const micromarkParse = this.parser;
  if (!micromarkParse) throw new Error('remarkNativeParse comes after remark-parse');
  this.parser = (document, file) => {
    try {
      const tree = mdxToMdast(document, { features }) as unknown as Root;
      completeTree(tree);
      return tree;
    } catch {
      return micromarkParse(document, file);
    }
  };
}
