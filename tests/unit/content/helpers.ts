import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import type { AstroMarkdownOptions } from '@astrojs/markdown-remark';
import { markdownProcessor, mdxOptimize, type ProcessorOptions } from '../../../src/lib/markdown/processor.ts';
import { tempDir } from '../support/temp-dir.ts';
import { renderCompiled } from './render-compiled.ts';

const fixtureSite = fileURLToPath(new URL('./__fixtures__/site', import.meta.url));

/**
 * The options a build gives the MDX renderer: Astro's defaults, with SmartyPants off as @astrojs/mdx reads it
 * from the site's processor (its own typography replaces Astro's).
 */
const buildMdxOptions = { ...markdownConfigDefaults, smartypants: false } as AstroMarkdownOptions;

/** The MDX renderer of `processor` with the options a build gives it. */
export function buildMdxRenderer(processor: ReturnType<typeof markdownProcessor>) {
  return processor.createMdxRenderer!(buildMdxOptions, { optimize: mdxOptimize });
}

export const frontmatter = (overrides: Record<string, string> = {}) => {
  const fields: Record<string, string> = {
    title: '"A fixture article"',
    summary: '"A fixture used by the authoring tests to exercise one rule."',
    slug: 'fixture',
    order: '3',
    authors: '["Fixture"]',
    published: '2026-11-24',
    updated: '2026-11-24',
    evidenceChecked: '2026-11-24',
    status: 'published',
    objectives: '["Trigger exactly one authoring error."]',
    ...overrides,
  };
  return `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`;
};

type CompileOptions = Partial<Pick<ProcessorOptions, 'base' | 'production' | 'math' | 'parser'>>;

/**
 * Writes an article into a fresh copy of the fixture site and compiles it through the site's own
 * MDX pipeline, as the build does (front matter blanked out, lines kept).
 */
export async function compileArticle(source: string, opts: CompileOptions = {}) {
  return (await fixtureSiteCompiler(opts)).compile(source);
}

/** The HTML `source` renders as an article, with kit components as tags of their names (render-compiled.ts). */
export async function articleHtml(source: string, opts: CompileOptions = {}) {
  return renderCompiled(await compileArticle(source, opts));
}

/** A fresh copy of the fixture site (removed when the test ends) and one MDX renderer over it, as one build or dev server uses. */
export async function fixtureSiteCompiler(opts: CompileOptions = {}) {
  const root = tempDir('gnb-site-');
  cpSync(fixtureSite, root, { recursive: true });
  const processor = markdownProcessor({ root, base: opts.base ?? '/', site: 'https://example.org', production: opts.production ?? true, math: opts.math ?? 'mathml', parser: opts.parser ?? 'native' });
  const renderer = await buildMdxRenderer(processor);
  return {
    root,
    async compile(source: string, file = 'fixture.mdx') {
      const path = join(root, 'content/articles', file);
      writeFileSync(path, source);
      const body = source.replace(/^---[\s\S]*?---/, (fm) => fm.replace(/[^\n]/g, ''));
      return (await renderer.process(body, path, {})).code;
    },
  };
}
