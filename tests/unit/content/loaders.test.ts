import { cpSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseBibliography } from '../../../src/lib/content/bibliography.ts';
import { parseGlossary } from '../../../src/lib/content/glossary.ts';
import { tempDir } from '../support/temp-dir.ts';

const fixtureBib = readFileSync(new URL('./__fixtures__/site/content/references.bib', import.meta.url), 'utf8');

describe('BibTeX loading', () => {
  test('flattens an entry for display and keeps its source for copying', () => {
    const [ref] = parseBibliography(fixtureBib);
    expect(ref).toMatchObject({
      key: 'elhage2022toy',
      type: 'article',
      authors: ['Nelson Elhage', 'Tristan Hume', 'others'],
      title: 'Toy Models of Superposition',
      year: '2022',
      month: '9',
      venue: 'Transformer Circuits Thread',
      url: 'https://transformer-circuits.pub/2022/toy_model/index.html',
    });
    expect(ref?.bibtex).toMatch(/^@article\{elhage2022toy,/);
  });

  test('LaTeX escapes and case protection become plain text', () => {
    const [ref] = parseBibliography('@misc{x, title = {A {GPT} \\& {SAE} story}, year = {2024}}');
    expect(ref?.title).toBe('A GPT & SAE story');
  });

  test('a syntax error fails with the file name', () => {
    expect(() => parseBibliography('@misc{x, title = {Open', 'content/references.bib')).toThrow(/^content\/references\.bib: /);
  });

  test('duplicate keys and entries without a year fail', () => {
    expect(() => parseBibliography(fixtureBib + fixtureBib)).toThrow(/duplicate key "elhage2022toy"/);
    expect(() => parseBibliography('@misc{y, title = {T}}')).toThrow(/"y" needs a title and a year/);
  });
});

describe('glossary loading', () => {
  test('reads entries with defaults', () => {
    const entries = parseGlossary('- id: feature\n  term: feature\n  definition: A direction in activation space.\n');
    expect(entries).toEqual([{ id: 'feature', term: 'feature', definition: 'A direction in activation space.', aliases: [], related: [] }]);
  });

  test('a bad entry names its position and field', () => {
    expect(() => parseGlossary('- id: Bad Id\n  term: x\n  definition: long enough text\n')).toThrow(/^content\/glossary\.yaml:1:1: entry 1: id: lowercase words joined by hyphens/);
  });

  test('duplicate ids and unknown related terms fail', () => {
    const entry = '- id: a\n  term: a\n  definition: long enough text\n';
    expect(() => parseGlossary(entry + entry)).toThrow(/^content\/glossary\.yaml:4:1: duplicate id "a"/);
    expect(() => parseGlossary(`${entry}  related: [zzz]\n`)).toThrow(/"a" lists related term "zzz", which does not exist/);
  });
});

describe('the site index', () => {
  test('two copies of its module (a build loads two) parse each file once between them, and read a changed file again', async () => {
    type SiteIndexModule = typeof import('../../../src/lib/content/site-index.ts');
    const first = (await import('../../../src/lib/content/site-index.ts')) as SiteIndexModule;
    // @ts-expect-error a query makes Vite load a second copy of the module, as Node and Vite each do in a build
    const second = (await import('../../../src/lib/content/site-index.ts?second-copy')) as SiteIndexModule;
    expect(second.buildSiteIndex).not.toBe(first.buildSiteIndex);
    const root = tempDir('site-index-');
    cpSync(fileURLToPath(new URL('./__fixtures__/site', import.meta.url)), root, { recursive: true });
    const paths = first.contentPaths(root);
    const [a, b] = [first.buildSiteIndex(paths), second.buildSiteIndex(paths)];
    expect(a.articles.length).toBeGreaterThan(0);
    a.articles.forEach((article, i) => expect(b.articles[i]!.data).toBe(article.data));
    const file = join(paths.articles, readdirSync(paths.articles)[0]!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: "Changed"'));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(second.buildSiteIndex(paths).articles.find((article) => file.endsWith(article.file))?.data.title).toBe('Changed');
  });
});
