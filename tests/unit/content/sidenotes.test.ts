import { expect, test } from 'vitest';
import { articleHtml, frontmatter } from './helpers.ts';

test('footnotes get a build-time side note beside the citing paragraph, without ids or back-links', async () => {
  const html = await articleHtml(`${frontmatter()}\nA claim.[^aside]\n\nOther text.\n\n[^aside]: The remark in the margin.\n`);
  const sidenote = html.indexOf('<aside class="sidenote" aria-hidden="true" data-pagefind-ignore>');
  const paragraph = html.indexOf('<p>A claim.');
  expect(sidenote).toBeGreaterThan(-1);
  expect(sidenote).toBeLessThan(paragraph);
  const aside = html.slice(sidenote, paragraph);
  expect(aside).toContain('The remark in the margin.');
  expect(aside).not.toContain(' id=');
  expect(aside).not.toContain('data-footnote-backref');
  expect(html).toContain('<li id="user-content-fn-aside">');
});

test('in a tight list the side note goes inside the item, never between items', async () => {
  const html = await articleHtml(`${frontmatter()}
- one[^n]
- two

[^n]: Note.
`);
  expect(html).toMatch(/<ul>\s*<li><aside class="sidenote"[^>]*><span class="sidenote-number">1<\/span>\s*<p>Note\.\s*<\/p>\s*<\/aside>one<sup>/);
});

test('the copy is inert: links become text, a citation keeps only its number, no duplicate ids', async () => {
  const html = await articleHtml(`${frontmatter()}\nA claim.[^n]\n\n[^n]: See [the glossary](/glossary/#feature) and <Cite id="elhage2022toy" />.\n`);
  const aside = html.slice(html.indexOf('<aside class="sidenote"'), html.indexOf('<p>A claim.'));
  expect(aside).toContain('See <span class="sidenote-link">the glossary</span> and <span class="sidenote-cite">[1]</span>.');
  expect(aside).not.toContain('href=');
  expect(aside).not.toContain('<Cite');
  expect(html.match(/<Cite id="elhage2022toy" n="1" occurrence="1">/g)).toHaveLength(1);
});
