import { describe, expect, test } from 'vitest';
import { kitElementOverrides } from '../../../src/components/kit/element-overrides.ts';
import { articleHtml, compileArticle, frontmatter } from './helpers.ts';
import { renderCompiled } from './render-compiled.ts';
import { normaliseBase, siteConfig } from '../../../src/lib/site-config.ts';

describe('the MDX pipeline', () => {
  const equations = `${frontmatter()}\nInline $a = \\mathrm{ReLU}(w \\cdot x + b)$.\n\n$$\nL = \\sum_i I_i (x_i - x'_i)^2\n$$\n`;

  test('renders equations as MathML at build time (inline and display), with no KaTeX HTML to style', async () => {
    const html = await articleHtml(equations);
    expect(html).toContain('Inline <span class="katex"><math xmlns="http://www.w3.org/1998/Math/MathML">');
    expect(html).toContain('<span class="katex"><math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
    expect(html).toContain('<annotation encoding="application/x-tex">a = \\mathrm{ReLU}(w \\cdot x + b)</annotation>');
    expect(html).not.toContain('katex-html');
  });

  test('can render KaTeX\'s HTML instead, for the first-paint comparison', async () => {
    const html = await articleHtml(equations, { math: 'html' });
    expect(html).toContain('<span class="katex-display">');
    expect(html).toContain('<span class="katex-html" aria-hidden="true">');
  });

  test('static HTML compiles to strings, the elements the kit overrides stay components, table cells align by style', async () => {
    const code = await compileArticle(`${frontmatter()}\n## A section\n\n### A subsection\n\nPlain *prose*.\n\n| a | b |\n|--:|:-:|\n| 1 | 2 |\n`);
    expect(code).toContain('"set:html": "<p>Plain <em>prose</em>.</p>');
    for (const name of kitElementOverrides) expect(code).toContain(`_components.${name}`);
    expect(renderCompiled(code)).toContain('<table><thead><tr><th style="text-align:right">a</th><th style="text-align:center">b</th></tr></thead><tbody><tr><td style="text-align:right">1</td><td style="text-align:center">2</td></tr></tbody></table>');
  });

  test('bad TeX fails the build instead of printing red text', async () => {
    await expect(compileArticle(`${frontmatter()}\nBroken $\\frac{1}$.\n`)).rejects.toThrow(/fixture\.mdx:14:17: Invalid TeX — .*KaTeX parse error/); // where KaTeX stopped: the end of the TeX
  });

  test('counts each component\'s uses while compiling, for the pages that list them', async () => {
    const code = await compileArticle(`${frontmatter()}\nA <Cite id="elhage2022toy" />, <Term id="feature" /> and <Cite id="elhage2022toy" />.\n\n\`\`\`mdx\n<Cite id="nowhere" />\n\`\`\`\n`);
    const exported = /export const frontmatter = (\{[\s\S]*?\n\});/.exec(code)?.[1];
    expect(JSON.parse(exported ?? '{}')).toMatchObject({ citations: ['elhage2022toy'], uses: { Cite: { elhage2022toy: 2 }, Term: { feature: 1 } } });
  });

  test('root-relative links get the base path; external and anchor-only links do not', async () => {
    const source = `${frontmatter()}\n[a](/glossary/#feature) [b](https://example.org/x) [c](#local)\n`;
    const html = await articleHtml(source, { base: '/explainer/' });
    expect(html).toContain('<a href="/explainer/glossary/#feature" data-print-url="https://example.org/explainer/glossary/#feature">a</a>');
    expect(html).toContain('<a href="https://example.org/x">b</a>');
    expect(html).toContain('<a href="#local">c</a>');
    expect(await articleHtml(source, { base: '/' })).toContain('<a href="/glossary/#feature" data-print-url="https://example.org/glossary/#feature">a</a>');
  });
});

describe('site configuration', () => {
  test('base paths are normalised to leading and trailing slashes', () => {
    expect(normaliseBase(undefined)).toBe('/');
    expect(normaliseBase('explainer')).toBe('/explainer/');
    expect(normaliseBase('/a/b//')).toBe('/a/b/');
  });

  test('reads URL and base from the environment with defaults', () => {
    expect(siteConfig({})).toMatchObject({ url: 'http://127.0.0.1:4321', base: '/' });
    expect(siteConfig({ SITE_URL: 'https://x.org/', SITE_BASE: '/explainer' })).toMatchObject({ url: 'https://x.org', base: '/explainer/' });
  });
});
