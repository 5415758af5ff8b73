import { describe, expect, test } from 'vitest';
import { compileArticle, frontmatter } from './helpers.ts';
import { normaliseBase, siteConfig } from '../../../src/lib/site-config.ts';

describe('the MDX pipeline', () => {
  test('renders equations with KaTeX at build time (inline and display)', async () => {
    const code = await compileArticle(`${frontmatter()}\nInline $a = \\mathrm{ReLU}(w \\cdot x + b)$.\n\n$$\nL = \\sum_i I_i (x_i - x'_i)^2\n$$\n`);
    expect(code).toContain('class: "katex"');
    expect(code).toContain('class: "katex-display"');
    expect(code).toContain('encoding: "application/x-tex"');
    expect(code).toContain('\\\\mathrm{ReLU}(w \\\\cdot x + b)');
  });

  test('bad TeX fails the build instead of printing red text', async () => {
    await expect(compileArticle(`${frontmatter()}\nBroken $\\frac{1}$.\n`)).rejects.toThrow(/fixture\.mdx:14:17: Invalid TeX — .*KaTeX parse error/); // where KaTeX stopped: the end of the TeX
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
