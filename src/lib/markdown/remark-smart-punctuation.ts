import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import { visit } from 'unist-util-visit';
import type { Node, Parent } from 'unist';
import type { Root } from 'mdast';

/**
 * SmartyPants (curly quotes, em dashes, ellipses) with retext-smartypants, giving the same text as Astro's
 * default remark-smartypants but parsing far less. remark-smartypants turns the whole document's text into a
 * natural-language tree twice (once for quotes, once more node by node for dashes and ellipses), which was
 * half of a plain article's compile time. Here:
 * - quotes: the text is cut where remark-smartypants puts a space between blocks (paragraph, heading, table
 *   cell), since a quote's treatment depends only on its neighbours in its sentence; only runs of blocks that
 *   contain a quote are parsed, each with its neighbouring blocks up to the nearest word on either side;
 * - ellipses and ``backticks'': only text nodes that contain such a sequence are parsed (with their dashes);
 * - dashes elsewhere: two hyphens, and only two, become an em dash, as retext-smartypants reads them, unparsed.
 * tests/unit/content/smart-punctuation.test.ts checks that the result equals remark-smartypants' on
 * generated documents. After the site's native parse (remark-native-parse.ts), which curls quotes and turns
 * ellipses itself, what is left here is mostly dashes.
 */
export function remarkSmartPunctuation() {
  const quotes = retext().use(retextSmartypants, { ellipses: false, dashes: false, backticks: false });
  const others = retext().use(retextSmartypants, { quotes: false });
  const curl = (text: string) => quotes.processSync(text).toString();
  return (tree: Root) => {
    const pieces = blockPieces(tree);
    const curled = pieces.map((piece) => piece.text);
    for (const [first, last] of runsWithQuotes(pieces)) {
      // The run's first sentence may continue the one before it, and its last the one after: those are parsed too.
      const [before, after] = [adjacentText(pieces, first, -1), adjacentText(pieces, last, 1)];
      const run = pieces.slice(first, last + 1).map((p) => p.text).join('');
      let text = curl(before + run + after).slice(before.length, before.length + run.length);
      for (let i = first; i <= last; i += 1) {
        curled[i] = text.slice(0, pieces[i]!.text.length);
        text = text.slice(pieces[i]!.text.length);
      }
    }
    pieces.forEach((piece, i) => {
      let start = piece.lead;
      for (const node of piece.nodes) {
        const end = start + node.value.length;
        if (node.type === 'text') {
          const text = curled[i]!.slice(start, end);
          node.value = /\.\s*\.|``|''/.test(text) ? others.processSync(text).toString() : emDashes(text);
        }
        start = end;
      }
    });
  };
}

/** SmartyPants' dashes in text without ellipses or backticks: exactly two hyphens are an em dash, three or more stay. */
const emDashes = (text: string) => text.replace(/(?<!-)--(?!-)/g, '—');

/** The document's text as remark-smartypants concatenates it, cut at the space it puts before each block. */
function blockPieces(tree: Root): Piece[] {
  const pieces: Piece[] = [{ lead: 0, text: '', nodes: [] }];
  visit(tree, visited, (node) => {
    if (isLiteral(node)) {
      const piece = pieces.at(-1)!;
      piece.text += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
      piece.nodes.push(node);
    } else {
      pieces.push({ lead: 1, text: ' ', nodes: [] });
    }
  });
  return pieces;
}

/** [first, last] indices of each run of consecutive pieces that contain a quote. */
function runsWithQuotes(pieces: Piece[]): [number, number][] {
  const runs: [number, number][] = [];
  pieces.forEach((piece, i) => {
    if (!/["']/.test(piece.text)) return;
    const run = runs.at(-1);
    if (run && run[1] === i - 1) run[1] = i;
    else runs.push([i, i]);
  });
  return runs;
}

/**
 * The text next to piece `i` (before it for `step` -1, after it for 1) that a sentence of it may share:
 * up to and including the nearest piece with a word in it (a sentence without words joins its neighbour).
 */
function adjacentText(pieces: Piece[], i: number, step: -1 | 1): string {
  const texts: string[] = [];
  for (let k = i + step; k >= 0 && k < pieces.length; k += step) {
    const text = pieces[k]!.text;
    texts.push(text);
    if (/[\p{L}\p{N}]/u.test(text)) break;
  }
  return (step < 0 ? texts.reverse() : texts).join('');
}

interface Literal extends Node {
  type: string;
  value: string;
}

/** The text of one block (from the space that starts it, `lead` characters), and the literal nodes it came from. */
interface Piece {
  lead: number;
  text: string;
  nodes: Literal[];
}

const LITERALS = new Set(['text', 'inlineCode']);
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const IGNORED_ELEMENTS = new Set(['style', 'script']);

const isLiteral = (node: Node): node is Literal => LITERALS.has(node.type) && typeof (node as Literal).value === 'string';

/** The nodes remark-smartypants reads: text and inline code (kept as placeholders), and the blocks that separate them. */
function visited(node: Node, _index: number | undefined, parent: Parent | undefined): boolean {
  if (!parent) return false;
  if (parent.type === 'mdxJsxTextElement') {
    const name = (parent as Parent & { name?: unknown }).name;
    if (typeof name !== 'string' || IGNORED_ELEMENTS.has(name)) return false;
  }
  return isLiteral(node) || BLOCKS.has(node.type);
}
