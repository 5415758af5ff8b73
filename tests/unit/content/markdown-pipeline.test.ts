import { describe, expect, test } from 'vitest';
import { compileArticle, frontmatter } from './helpers.ts';
import { normaliseBase, siteConfig } from '../../../src/lib/site-config.ts';

describe('the MDX pipeline', () => {
  const equations = `${frontmatter()}\nInline $a = \\mathrm{ReLU}(w \\cdot x + b)$.\n\n$$\nL = \\sum_i I_i (x_i - x'_i)^2\n$$\n`;

  test('renders equations as MathML at build time (inline and display), with no KaTeX HTML to style', async () => {
    const code = await compileArticle(equations);
    expect(code).toContain('class: "katex"');
    expect(code).toContain('_components.math');
    expect(code).toContain('display: "block"');
    expect(code).toContain('encoding: "application/x-tex"');
    expect(code).toContain('\\\\mathrm{ReLU}(w \\\\cdot x + b)');
    expect(code).not.toContain('katex-html');
  });

  test('can render KaTeX\'s HTML instead, for the first-paint comparison', async () => {
    const code = await compileArticle(equations, { math: 'html' });
    expect(code).toContain('class: "katex-display"');
    expect(code).toContain('class: "katex-html"');
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
    const code = await compileArticle(source, { base: '/explainer/' });
    expect(code).toContain('href: "/explainer/glossary/#feature"');
    expect(code).toContain('href: "https://example.org/x"');
    expect(code).toContain('href: "#local"');
    const rootCode = await compileArticle(source, { base: '/' });
    expect(rootCode).toContain('href: "/glossary/#feature"');
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
