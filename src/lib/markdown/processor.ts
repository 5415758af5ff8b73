import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { kitElementOverrides } from '../../components/kit/element-overrides.ts';
import type { MathOutput } from '../site-config.ts';
import { remarkAuthoring } from './remark-authoring.ts';
import { remarkNativeParse } from './remark-native-parse.ts';
import { rehypeBaseLinks } from './rehype-base-links.ts';
import { rehypeFailOnMathErrors } from './rehype-fail-on-math-errors.ts';
import { rehypeSidenotes } from './rehype-sidenotes.ts';
import { rehypeTables } from './rehype-tables.ts';
import { remarkSmartPunctuation } from './remark-smart-punctuation.ts';
import { withTexBraceHints } from './tex-brace-hint.ts';

export interface ProcessorOptions {
  /** Project root (absolute path): where content/ and src/figures/ are found. */
  root: string;
  /** Deployment base path, e.g. "/" or "/explainer/". */
  base: string;
  /** Origin the site is served from, for the absolute addresses that print after internal links. */
  site: string;
  /** Production builds also refuse links to draft articles. */
  production: boolean;
  /** A build, whose content does not change while it runs: the authoring checks read it once. */
  readContentOnce?: boolean;
  /** Equations as MathML only, or as KaTeX's HTML (plus MathML for assistive technology). */
  math?: MathOutput;
  /** Sätteri's native parse (the default), or remark's own micromark parse, which tests compare it with. */
  parser?: 'native' | 'micromark';
}

/** The one Markdown/MDX pipeline of the site: a native parse, typography, math, authoring checks, side notes, base-aware links. */
export function markdownProcessor(options: ProcessorOptions) {
  const processor = unified({
    // The site's own SmartyPants pass replaces Astro's (same text, a fraction of the parsing).
    smartypants: false,
    remarkPlugins: [...(options.parser === 'micromark' ? [] : [remarkNativeParse]), remarkSmartPunctuation, remarkMath, [remarkAuthoring, { root: options.root, production: options.production, readContentOnce: options.readContentOnce }]],
    rehypePlugins: [[rehypeKatex, { output: options.math === 'html' ? 'htmlAndMathml' : 'mathml' }], [rehypeFailOnMathErrors, { root: options.root }], rehypeSidenotes, rehypeTables, [rehypeBaseLinks, { base: options.base, site: options.site }]],
  });
  return withTexBraceHints(processor, options.root);
}

/**
 * @astrojs/mdx's `optimize`: an article's static HTML compiles to strings instead of one JSX call per element, which
 * the build then bundles and renders (a build with 200 plain articles: a median 0.7 s less CPU in five alternating
 * builds each way). Elements the kit overrides stay components.
 */
export const mdxOptimize = { ignoreElementNames: [...kitElementOverrides] };
