import { describe, expect, test } from 'vitest';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileArticle, fixtureSiteCompiler, frontmatter } from './helpers.ts';

/** Each authoring mistake fails the build with file:line:column, the reason and the bad value. */
async function expectBuildError(source: string, pattern: RegExp, opts?: { production?: boolean }) {
  await expect(compileArticle(source, opts)).rejects.toThrow(pattern);
}

describe('authoring errors fail the build with file, line, column and value', () => {
  test('invalid front matter names the field, its line and the value', async () => {
    const source = `${frontmatter({ slug: '"Not A Slug"' })}\nText.\n`;
    await expectBuildError(source, /content\/articles\/fixture\.mdx:4:1: Invalid front matter: slug: lowercase words joined by hyphens \(found: "Not A Slug"\)/);
  });

  test('missing front matter field is reported as missing', async () => {
    const source = frontmatter().replace(/^summary:.*\n/m, '') + '\nText.\n';
    await expectBuildError(source, /fixture\.mdx:1:1: Invalid front matter: summary: .*\(found: \(missing\)\)/);
  });

  test('unknown citation key', async () => {
    const source = `${frontmatter()}\nA claim <Cite id="nobody2099" />.\n`;
    await expectBuildError(source, /fixture\.mdx:14:9: Unknown citation key — not in content\/references\.bib \(found: nobody2099\)/);
  });

  test('unknown glossary term', async () => {
    const source = `${frontmatter()}\nSome <Term id="flux-capacitor">flux</Term>.\n`;
    await expectBuildError(source, /fixture\.mdx:14:6: Unknown glossary term — not in content\/glossary\.yaml \(found: flux-capacitor\)/);
  });

  test('unknown figure id', async () => {
    const source = `${frontmatter()}\n<Figure id="no-such-figure">Caption.</Figure>\n`;
    await expectBuildError(source, /fixture\.mdx:14:1: Unknown figure id — no folder src\/figures\/<id>\/ with a figure\.ts \(found: no-such-figure\)/);
  });

  test('internal link to a page that does not exist', async () => {
    const source = `${frontmatter()}\nSee [this](/articles/missing/).\n`;
    await expectBuildError(source, /fixture\.mdx:14:5: Broken internal link — no page at \/articles\/missing\/ \(found: \/articles\/missing\/\)/);
  });

  test('internal link to a heading anchor that does not exist', async () => {
    const source = `${frontmatter()}\nSee [this](/articles/target/#no-such-heading).\n`;
    await expectBuildError(source, /Broken internal link — no anchor #no-such-heading on \/articles\/target\//);
  });

  test('in production, a link to a draft article', async () => {
    const source = `${frontmatter()}\nSee [the draft](/articles/draft-piece/).\n`;
    await expectBuildError(source, /fixture\.mdx:14:5: Link to a draft article — \/articles\/draft-piece\/ is not published in production/);
    await expect(compileArticle(source, { production: false })).resolves.toContain('draft-piece');
  });

  test('several mistakes are all listed', async () => {
    const source = `${frontmatter()}\n<Cite id="a1" /> <Term id="b2">b</Term>\n`;
    await expectBuildError(source, /2 authoring errors:\n.*a1\)\n.*b2\)/);
  });
});

describe('valid articles compile', () => {
  test('known citation, term, figure and links pass and are numbered', async () => {
    const source = `${frontmatter()}
Claim <Cite id="elhage2022toy" />, again <Cite id="elhage2022toy" />, a <Term id="superposition" /> and [a heading](/articles/target/#sparse-features-can-share-dimensions), [the glossary](/glossary/#feature).

<Figure id="demo-figure">Caption.</Figure>
`;
    const code = await compileArticle(source);
    expect(code).toContain('"citations": ["elhage2022toy"]');
    expect(code).toMatch(/n: "1",\s*occurrence: "2"/);
    expect(code).toMatch(/number: "1",\s*anchor: "fig-demo-figure"/);
  });
});

describe('the dev server', () => {
  test('sees a heading added to another article while it runs', async () => {
    const site = await fixtureSiteCompiler({ production: false });
    const source = `${frontmatter()}\nSee [the new section](/articles/target/#a-new-section).\n`;
    await expect(site.compile(source)).rejects.toThrow(/no anchor #a-new-section/);
    appendFileSync(join(site.root, 'content/articles/target.mdx'), '\n## A new section\n');
    await expect(site.compile(source)).resolves.toContain('#a-new-section');
  });
});
