import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes } from '../../../src/lib/reading/reading-time.ts';
import { buildToc } from '../../../src/lib/reading/toc.ts';
import { bibtexCitation, formatDate, joinAuthors, plainCitation, scholarDate, sectionCitation, type PageCitation } from '../../../src/lib/reading/citation-format.ts';
import { referenceAuthors, referenceByline, referenceText } from '../../../src/lib/reading/reference-format.ts';
import { countComponentUses, usesOf } from '../../../src/lib/reading/usage.ts';
import { parseMdxBody, splitFrontmatter } from '../../../src/lib/content/site-index.ts';
import { withBase } from '../../../src/lib/reading/site.ts';
import { themeScript } from '../../../src/lib/reading/theme-script.ts';

const page: PageCitation = {
  title: 'Grown, not built',
  authors: ['Grown, not built editors'],
  published: new Date('2026-11-24T00:00:00Z'),
  updated: new Date('2026-11-30T00:00:00Z'),
  url: 'https://example.org/site/articles/overview/',
  siteName: 'Grown, not built',
  slug: 'overview',
};

describe('reading time', () => {
  it('counts prose words and skips front matter, code, math and JSX', () => {
    const src = '---\ntitle: "x y z"\n---\nOne two <Cite id="a" /> three.\n\n```ts\nconst a = 1;\n```\n\n$$x + y$$\n';
    expect(countWords(src)).toBe(3);
  });
  it('rounds to whole minutes, at least one', () => {
    expect(readingMinutes('word')).toBe(1);
    expect(readingMinutes(Array(2200).fill('w').join(' '))).toBe(10);
  });
});

describe('table of contents', () => {
  it('nests h3 under h2, drops h1/h4 and the footnote label', () => {
    const toc = buildToc([
      { depth: 1, slug: 't', text: 'T' },
      { depth: 2, slug: 'a', text: 'A' },
      { depth: 3, slug: 'a1', text: 'A1' },
      { depth: 4, slug: 'a1x', text: 'A1x' },
      { depth: 2, slug: 'b', text: 'B' },
      { depth: 2, slug: 'footnote-label', text: 'Footnotes' },
    ]);
    expect(toc.map((e) => e.slug)).toEqual(['a', 'b']);
    expect(toc[0]?.children.map((e) => e.slug)).toEqual(['a1']);
  });
  it('keeps an h3 that comes before any h2', () => {
    expect(buildToc([{ depth: 3, slug: 'x', text: 'X' }]).map((e) => e.slug)).toEqual(['x']);
  });
});

describe('citation formats', () => {
  it('formats dates in UTC', () => {
    expect(formatDate(page.published)).toBe('24 November 2026');
    expect(scholarDate(page.published)).toBe('2026/11/24');
  });
  it('joins authors', () => {
    expect(joinAuthors(['A'])).toBe('A');
    expect(joinAuthors(['A', 'B', 'C'])).toBe('A, B and C');
  });
  it('writes a plain-text citation with the URL', () => {
    expect(plainCitation(page)).toBe('Grown, not built editors (2026). “Grown, not built.” Grown, not built, 24 November 2026. https://example.org/site/articles/overview/');
  });
  it('cites a section with its title and anchor', () => {
    const s = sectionCitation(page, { title: 'Parameters and activations', anchor: 'parameters-and-activations' });
    expect(s).toContain('section “Parameters and activations.”');
    expect(s.endsWith('https://example.org/site/articles/overview/#parameters-and-activations')).toBe(true);
  });
  const accessed = new Date('2026-12-01T09:00:00Z');
  it('writes BibTeX with a corporate author kept whole, the update as a note and the access date', () => {
    const b = bibtexCitation(page, accessed);
    expect(b).toContain('urldate = {2026-12-01}');
    expect(b.startsWith('@misc{grownnotbuilt2026overview,')).toBe(true);
    expect(b).toContain('author = {{Grown, not built editors}}');
    expect(b).toContain('month = nov');
    expect(b).toContain('note = {Updated 30 November 2026}');
    expect(b.trim().endsWith('}')).toBe(true);
  });
  it('leaves "Last, First" authors to BibTeX', () => {
    expect(bibtexCitation({ ...page, authors: ['Olah, Chris', 'Ada Lovelace'] }, accessed)).toContain('author = {Olah, Chris and {Ada Lovelace}}');
  });
  it('writes BibTeX for a section: its own key, its title escaped, its anchor in the url', () => {
    const b = bibtexCitation(page, accessed, { title: 'Costs & 50% gains', anchor: 'costs-50-gains' });
    expect(b.startsWith('@misc{grownnotbuilt2026overview:costs-50-gains,')).toBe(true);
    expect(b).toContain('title = {Grown, not built, section “Costs \\& 50\\% gains”}');
    expect(b).toContain('url = {https://example.org/site/articles/overview/#costs-50-gains}');
  });
});

describe('reference formats', () => {
  const ref = { authors: ['A One', 'B Two', 'C Three', 'D Four'], title: 'Toy {Models}', year: '2022', venue: 'Thread' };
  it('shortens long author lists', () => {
    expect(referenceAuthors(ref.authors)).toBe('A One, B Two, C Three et al.');
    expect(referenceAuthors(['A', 'B'])).toBe('A and B');
  });
  it('writes one line without BibTeX braces', () => {
    expect(referenceText(ref)).toBe('A One, B Two, C Three et al. (2022). Toy Models. Thread.');
    expect(referenceByline({ authors: [], year: '2020' })).toBe('(2020).');
  });
});

describe('component uses', () => {
  const count = (src: string) => countComponentUses(parseMdxBody(splitFrontmatter(src).body));
  it('counts each id of each component, ignoring code blocks', () => {
    const src = '---\ntitle: x\n---\nA <Cite id="a" /> b <Cite id="b" /> <Cite id="a" /> <Term id="t" />\n\n```mdx\n<Cite id="c" />\n```\n';
    const uses = count(src);
    expect([...usesOf(uses, 'Cite')]).toEqual([['a', 2], ['b', 1]]);
    expect(usesOf(uses, 'Term').get('t')).toBe(1);
    expect(usesOf(uses, 'Figure').size).toBe(0);
  });
  it('reads braces inside math as TeX, so an article with equations still counts its citations', () => {
    const src = 'Loss $L = \\sum_i I_i (x_i - x\'_i)^2$ and $\\sum_{j \\neq i} (\\hat{W}_i \\cdot W_j)^2$ <Cite id="a" />.\n\n$$\nx_{i} = 0\n$$\n\n<Term id="t" />\n';
    expect(usesOf(count(src), 'Cite').get('a')).toBe(1);
    expect(usesOf(count(src), 'Term').get('t')).toBe(1);
  });
  it('reads no uses from an article that has not been compiled', () => {
    expect(usesOf(undefined, 'Cite').size).toBe(0);
  });
});

describe('site helpers', () => {
  it('joins base and path', () => {
    expect(withBase('/', '/glossary/')).toBe('/glossary/');
    expect(withBase('/sub/', 'glossary/')).toBe('/sub/glossary/');
    expect(withBase('/sub', '/x/')).toBe('/sub/x/');
  });
  it('keeps the theme script free of anything a CSP hash could not cover', () => {
    expect(themeScript).not.toMatch(/<\/script/i);
    expect(themeScript).toContain("localStorage.getItem('theme')");
  });
});
