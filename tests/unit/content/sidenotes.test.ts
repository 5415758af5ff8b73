import { expect, test } from 'vitest';
import { compileArticle, frontmatter } from './helpers.ts';

test('footnotes get a build-time side note beside the citing paragraph, without ids or back-links', async () => {
  const code = await compileArticle(`${frontmatter()}\nA claim.[^aside]\n\nOther text.\n\n[^aside]: The remark in the margin.\n`);
  const sidenote = code.indexOf('class: "sidenote"');
  const paragraph = code.indexOf('"A claim."');
  expect(sidenote).toBeGreaterThan(-1);
  expect(sidenote).toBeLessThan(paragraph);
  const aside = code.slice(sidenote, paragraph);
  expect(aside).toContain('"aria-hidden": "true"');
  expect(aside).toContain('"data-pagefind-ignore": true');
  expect(aside).toContain('The remark in the margin.');
  expect(aside).not.toMatch(/id: "user-content-fn/);
  expect(aside).not.toContain('data-footnote-backref');
  expect(code).toMatch(/id: "user-content-fn-aside"/);
});

test('in a tight list the side note goes inside the item, never between items', async () => {
  const code = await compileArticle(`${frontmatter()}
- one[^n]
- two

[^n]: Note.
`);
  expect(code).toMatch(/_components\.li, \{\s*children: \[_jsxs\(_components\.aside/);
});

test('the copy is inert: links become text, a citation keeps only its number, no duplicate ids', async () => {
  const code = await compileArticle(`${frontmatter()}\nA claim.[^n]\n\n[^n]: See [the glossary](/glossary/#feature) and <Cite id="elhage2022toy" />.\n`);
  const aside = code.slice(code.indexOf('class: "sidenote"'), code.indexOf('"A claim."'));
  expect(aside).toContain('class: "sidenote-link"');
  expect(aside).not.toContain('href:');
  expect(aside).toContain('children: "[1]"');
  expect(aside).not.toContain('Cite');
  expect(code.match(/occurrence: "1"/g)).toHaveLength(1);
});
