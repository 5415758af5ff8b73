import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseMdxBody, splitFrontmatter } from '../../../src/lib/content/site-index.ts';
import { claimSignals, uncitedParagraphs } from '../../../src/lib/content/citation-coverage.ts';
import { citationExceptions } from './citation-exceptions.ts';

const flagged = (mdx: string) => uncitedParagraphs(parseMdxBody(mdx));

describe('the claim detector', () => {
  test.each([
    ['a number', 'The fine-tuned model wrote insecure code over 80% of the time.', 'number "80%"'],
    ['a number with a thousands separator', 'The training set held 6,000 synthetic coding tasks.', 'number "6,000"'],
    ['a number in words with a scale', 'Hundreds of millions of people now use these systems.', 'number "Hundreds"'],
    ['a year', 'In March the method was published, in 2025.', 'year "2025"'],
    ['a named study', 'Bricken and colleagues studied a one-layer transformer.', 'study "Bricken and colleagues"'],
    ['a study by et al.', 'As Elhage et al. showed, the bias matters.', 'study "Elhage et al."'],
    ['an organisation', 'OpenAI researchers reproduced the effect.', 'organisation "OpenAI"'],
    ['an organisation named with a suffix', 'Palisade Research reported that models resisted.', 'organisation "Palisade Research"'],
    ['a magazine', 'MIT Technology Review likens it to an MRI scan.', 'organisation "MIT Technology Review"'],
  ])('flags %s', (_kind, sentence, signal) => {
    const [paragraph] = flagged(sentence);
    expect(paragraph?.signals).toContain(signal);
  });

  test('flags a title written in italics', () => {
    expect(flagged('The *Zoom In* essay proposed that features are directions.')[0]?.signals).toEqual(['study "Zoom In"']);
  });

  test.each([
    ['model names with version numbers', 'GPT-4o, GPT-2 small, Claude 3 Sonnet, Claude 3.5 Haiku, Gemini 2.5 Pro, o3-mini and Qwen2.5-Coder-32B-Instruct answered.'],
    ['unit and layer names', 'Neuron 4e:55 in the layer mixed4c of InceptionV1 responds to cars.'],
    ['small numbers in words', 'Five features share two dimensions, and the other three are dropped.'],
    ['math', 'Each feature is off with probability $S = 0.9$ and on with $1 - S$.'],
    ['a value from the lab', 'The explorer trains <LabValue figure="superposition-explorer" path="relu.params.restarts" /> times.'],
    ['code', 'Run `npx vitest run --maxWorkers=2` before you commit.'],
    ['an explanation with no checkable claim', 'A neuron that responds to several unrelated things is called polysemantic.'],
  ])('does not flag %s', (_kind, sentence) => {
    expect(flagged(sentence)).toEqual([]);
  });

  test('a citation anywhere in the paragraph covers it, including inside a list item', () => {
    expect(flagged('In 2023 Anthropic decomposed a layer into features <Cite id="bricken2023monosemanticity" />.')).toEqual([]);
    expect(flagged('- Adding 36 and 59 <Cite id="lindsey2025biology" />.\n- Adding 12 and 7.\n')).toMatchObject([{ line: 2, signals: ['number "12"', 'number "7"'] }]);
  });

  test('a citation in another paragraph does not', () => {
    expect(flagged('OpenAI reproduced it <Cite id="wang2025persona" />.\n\nIn 2025 they did it again.\n')).toMatchObject([{ line: 3 }]);
  });

  test('answers to questions and discussion prompts are not claims of their own', () => {
    expect(flagged('<Question q="What did OpenAI find?">\n\nIn 2025 OpenAI found a persona.\n\n</Question>\n')).toEqual([]);
    expect(flagged('<DiscussionPrompts>\n\n- Should OpenAI pay the tax?\n\n</DiscussionPrompts>\n')).toEqual([]);
  });

  test('a year is not also counted as a number', () => {
    expect(claimSignals('It appeared in 2025.')).toEqual(['year "2025"']);
  });
});

describe('every article cites every paragraph that states a checkable fact', () => {
  const articles = readdirSync('content/articles').filter((f) => f.endsWith('.mdx'));
  const allFlagged = articles.flatMap((file) => {
    const article = file.replace(/\.mdx$/, '');
    return flagged(splitFrontmatter(readFileSync(`content/articles/${file}`, 'utf8')).body).map((p) => ({ article, ...p }));
  });
  const excused = (p: (typeof allFlagged)[number]) => citationExceptions.some((e) => e.article === p.article && p.text.startsWith(e.opening));

  test.each(articles)('%s', (file) => {
    const article = file.replace(/\.mdx$/, '');
    const uncited = allFlagged.filter((p) => p.article === article && !excused(p)).map((p) => `line ${p.line} (${p.signals.join(', ')}): ${p.text.slice(0, 100)}…`);
    expect(uncited).toEqual([]);
  });

  test('exceptions stay few, each still matches an uncited paragraph and gives a reason', () => {
    expect(citationExceptions.length).toBeLessThanOrEqual(5);
    for (const exception of citationExceptions) {
      expect(exception.reason.length).toBeGreaterThan(20);
      expect(allFlagged.some((p) => p.article === exception.article && p.text.startsWith(exception.opening))).toBe(true);
    }
  });
});
