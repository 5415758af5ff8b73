// The generated articles the build benchmarks add: "rich" ones that use every authoring feature, and
// "plain" ones (prose, headings, a list, a table and a code block only) to compare with a bare Astro site.

/**
 * @param {string} yamlText  content/glossary.yaml
 * @returns {string[]}
 */
export function glossaryIds(yamlText) {
  return [...yamlText.matchAll(/^- id:\s*([\w-]+)/gm)].map(([, id = '']) => id);
}

/**
 * @param {string} bibText  content/references.bib
 * @returns {string[]}
 */
export function bibKeys(bibText) {
  return [...bibText.matchAll(/^@\w+\s*\{\s*([^,\s]+)\s*,/gm)].map(([, key = '']) => key);
}

/**
 * @param {'rich' | 'plain'} kind
 * @param {number} i
 */
const slugOf = (kind, i) => `bench-${kind}-${String(i).padStart(4, '0')}`;

/**
 * @param {number} i
 * @param {string} slug
 * @param {string} title
 * @param {string} summary
 * @param {string} objective
 * @param {string[]} keyTerms
 */
function frontmatter(i, slug, title, summary, objective, keyTerms) {
  return `---
title: "${title}"
summary: "${summary}"
slug: ${slug}
order: ${1000 + i}
authors: ["Benchmark generator"]
published: 2026-11-24
updated: 2026-11-24
evidenceChecked: 2026-11-24
status: published
objectives:
  - "${objective}"
keyTerms: [${keyTerms.join(', ')}]
---
`;
}

/**
 * One rich article: valid front matter, four sections, citations, terms, an equation and a figure.
 * @param {number} i
 * @param {{ terms: string[], keys: string[], figure?: string | undefined }} site  glossary ids, bibliography keys, a figure id
 */
export function syntheticArticle(i, { terms, keys, figure }) {
  /**
   * @param {string[]} list
   * @param {number} k
   */
  const pick = (list, k) => list[(i * 7 + k * 3) % list.length] ?? '';
  const slug = slugOf('rich', i);
  /** @param {number} k */
  const paragraph = (k) =>
    `Researchers measured how the ${pick(terms, k)} behaves in a small model <Cite id="${pick(keys, k)}" />, ` +
    `and compared it with <Term id="${pick(terms, k + 1)}" /> across several runs <Cite id="${pick(keys, k + 1)}" />. ` +
    `The result held for some settings and not for others, which is why each claim here names its source and its limits. ` +
    `A second study repeated the measurement on a larger model and reported a similar pattern with wider error bars <Cite id="${pick(keys, k + 2)}" />.`;
  const sections = [1, 2, 3, 4]
    .map((s) => `## Section ${s} of synthetic article ${i}\n\n${paragraph(s)}\n\n${paragraph(s + 4)}\n\nThe quantity $a = \\mathrm{ReLU}(w \\cdot x + b)$ appears again here.`)
    .join('\n\n');
  const figureBlock = figure ? `\n\n<Figure id="${figure}">\nA synthetic caption for benchmark article ${i}: the same registered figure, rendered again.\n</Figure>\n` : '';
  return {
    file: `${slug}.mdx`,
    text: `${frontmatter(i, slug, `Synthetic benchmark article ${i}`, 'A generated article that exercises citations, glossary terms, an equation and a figure for the build benchmark.', 'Exercise the build with citations, glossary terms and a figure.', [pick(terms, 0), pick(terms, 1)])}
This generated article exists only to time the build <Cite id="${pick(keys, 0)}" />.
${figureBlock}
${sections}
`,
  };
}

const WORDS = (
  'the model learns a direction for each feature and reads it back with a small error that grows when more features ' +
  'share the same space so the network trades interference for capacity whenever the inputs are sparse enough ' +
  'researchers probe these directions train small dictionaries and compare what they find across seeds layers and sizes'
).split(' ');

/**
 * A deterministic sentence of `n` words, varied by `seed`, so no two paragraphs are the same text.
 * @param {number} seed
 * @param {number} n
 */
function sentence(seed, n) {
  const words = Array.from({ length: n }, (_, k) => WORDS[(seed * 31 + k * 7 + (k * k) % 11) % WORDS.length]);
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * About 120 words: four sentences.
 * @param {number} i
 * @param {number} p
 */
const paragraph = (i, p) => [0, 1, 2, 3].map((s) => sentence(i * 97 + p * 13 + s, 30)).join(' ');

/**
 * One plain article as issue 13 describes it: about 1,500 words, 6 ## / ### headings, 12 paragraphs,
 * a 5-item list, a 4-row table and a 10-line JavaScript code block; no citations, terms, equations or figures.
 * Its front matter satisfies this site's schema; a bare Astro site ignores what it does not use.
 * @param {number} i
 */
export function plainArticle(i) {
  const slug = slugOf('plain', i);
  const headings = ['## Where the question comes from', '### A first measurement', '## What the model stores', '### Reading one direction', '## How far it generalises', '### What is still open'];
  const body = headings
    .map((h, s) => `${h} ${i}\n\n${paragraph(i, 2 * s)}\n\n${paragraph(i, 2 * s + 1)}`)
    .join('\n\n');
  const list = [1, 2, 3, 4, 5].map((k) => `- ${sentence(i + k, 8)}`).join('\n');
  const table = ['| Setting | Features | Loss |', '|---|---:|---:|', ...[1, 2, 3, 4].map((k) => `| run ${k} | ${k * 5} | 0.${k}${i % 10} |`)].join('\n');
  const code = [
    '```js',
    `// Sparse inputs for article ${i}.`,
    'export function sparseInput(n, p, random) {',
    '  const x = new Float64Array(n);',
    '  for (let i = 0; i < n; i += 1) {',
    '    if (random() < p) x[i] = random();',
    '  }',
    '  return x;',
    '}',
    'const sample = sparseInput(20, 0.1, Math.random);',
    'console.log(sample);',
    '```',
  ].join('\n');
  return {
    file: `${slug}.mdx`,
    text: `${frontmatter(i, slug, `Plain benchmark article ${i}`, 'A generated article of plain prose, a list, a table and code, for the build benchmark.', 'Time the build on prose alone.', [])}
${body}

${list}

${table}

${code}
`,
  };
}
