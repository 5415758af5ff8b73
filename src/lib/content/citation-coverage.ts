import type { Nodes, Paragraph, Root } from 'mdast';

/**
 * Finds paragraphs that state something checkable (a number, a year, a named study or a named
 * organisation) without a single `<Cite>` in the same paragraph. Numbers the site's own toys measured are
 * written with `<LabValue>` and do not count; neither does math, code, or a digit inside a model's name.
 */

export interface UncitedParagraph {
  /** Line of the paragraph in the parsed text. */
  line: number;
  /** The paragraph's words as the detector read them. */
  text: string;
  /** What makes it a factual claim, e.g. `year "2025"`. */
  signals: string[];
}

/** Components whose paragraphs are not claims of their own: answers restate the article, prompts ask. */
const EXEMPT_CONTAINERS = new Set(['Question', 'DiscussionPrompts']);
/** Inline content that carries no claim to cite: math, code, lab values, footnote markers. */
const SILENT = new Set(['inlineMath', 'inlineCode', 'footnoteReference']);

const MODEL_NAMES = /\b(?:Claude|Gemini|Grok|Llama|Gemma|Qwen|GPT|DeepSeek|Pythia|InceptionV?)[\s-]?\d+(?:\.\d+)*[a-z]?\b/g;
const YEAR = /\b(?:19|20)\d\d\b/g;
const NUMBER = /(?<![\p{L}\d][-:.]?|[\p{L}\d])\d+(?:[.,]\d+)*(?:\s?%)?(?!-?\p{L}|\d)/gu;
const NUMBER_WORD = /\b(?:dozens?|hundreds?|thousands?|millions?|billions?|trillions?)\b/gi;
const STUDY = /\b\p{Lu}[\p{L}-]+(?: and \p{Lu}[\p{L}-]+)? (?:et al\.|and colleagues|and co-authors)/gu;
const ORGANISATIONS = /\b(?:Anthropic|OpenAI|Google DeepMind|DeepMind|Google|Meta|Microsoft|xAI|EleutherAI|Neuronpedia|MIT Technology Review)\b/g;
const INSTITUTION = /\b(?:\p{Lu}[\p{L}-]+ )+(?:Research|Institute|University|Laboratory|Foundation)\b/gu;

/** What in `text` needs a source. `titles` are emphasised names (*Nature*, *Zoom In*) found by the caller. */
export function claimSignals(text: string, titles: string[] = []): string[] {
  const prose = text.replace(MODEL_NAMES, ' ');
  const found = (pattern: RegExp, kind: string, source = prose) => [...source.matchAll(pattern)].map((m) => `${kind} "${m[0].trim()}"`);
  const years = found(YEAR, 'year');
  const yearValues = new Set(years.map((y) => y.slice(6, -1)));
  const numbers = found(NUMBER, 'number').filter((n) => !yearValues.has(n.slice(8, -1)));
  return [
    ...years,
    ...numbers,
    ...found(NUMBER_WORD, 'number'),
    ...found(STUDY, 'study', text),
    ...titles.map((t) => `study "${t}"`),
    ...found(ORGANISATIONS, 'organisation', text),
    ...found(INSTITUTION, 'organisation', text),
  ];
}

function isComponent(node: Nodes | undefined, names: Set<string> | string): boolean {
  if (!node || (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement')) return false;
  return typeof names === 'string' ? node.name === names : names.has(node.name ?? '');
}

/** The words of a paragraph, leaving out what carries no claim, plus the emphasised names in it. */
function readParagraph(paragraph: Paragraph): { text: string; titles: string[]; cited: boolean } {
  let cited = false;
  const titles: string[] = [];
  const words = (node: Nodes): string => {
    if (isComponent(node, 'Cite')) cited = true;
    if (SILENT.has(node.type) || isComponent(node, 'LabValue')) return ' ';
    if ('value' in node && typeof node.value === 'string' && node.type === 'text') return node.value;
    if (!('children' in node)) return '';
    const text = (node.children as Nodes[]).map(words).join('');
    if (node.type === 'emphasis' && /^\p{Lu}/u.test(text.trim())) titles.push(text.trim());
    return text;
  };
  const text = words(paragraph).replace(/\s+/g, ' ').trim();
  return { text, titles, cited };
}

export function uncitedParagraphs(tree: Root): UncitedParagraph[] {
  const found: UncitedParagraph[] = [];
  const walk = (node: Nodes): void => {
    if (isComponent(node, EXEMPT_CONTAINERS)) return;
    if (node.type === 'paragraph') {
      const { text, titles, cited } = readParagraph(node);
      const signals = cited ? [] : claimSignals(text, titles);
      if (signals.length > 0) found.push({ line: node.position?.start.line ?? 0, text, signals });
      return;
    }
    if ('children' in node) (node.children as Nodes[]).forEach(walk);
  };
  walk(tree);
  return found;
}
