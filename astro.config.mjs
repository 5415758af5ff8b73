// @ts-check
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { markdownProcessor, mdxOptimize } from './src/lib/markdown/processor.ts';
import { siteConfig } from './src/lib/site-config.ts';
import { themeScript } from './src/lib/reading/theme-script.ts';
import { headersFile } from './src/lib/deploy/headers-file.ts';
import { trimCspHashesInBuild } from './src/lib/deploy/csp-per-page.ts';

const config = siteConfig(process.env);
const root = fileURLToPath(new URL('.', import.meta.url));
const production = process.argv.includes('build');
if (production && !process.env.SITE_URL) {
  console.warn(
    `\n\u001b[1;33m!!! SITE_URL is not set: canonical URLs, the feed, the sitemap and printed citations will name ${config.url}.\n` +
      '!!! Set SITE_URL to the origin the site is served from (see "Deploying" in README.md).\u001b[0m\n',
  );
}

/**
 * Writes `_headers` for this build's base path (framing rules: see src/lib/deploy/headers-file.ts) and leaves in
 * each page's CSP only the hashes of what the page has (src/lib/deploy/csp-per-page.ts).
 */
function headers() {
  return /** @type {import('astro').AstroIntegration} */ ({
    name: 'headers-file',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await writeFile(new URL('_headers', dir), headersFile(config.base));
        await trimCspHashesInBuild(fileURLToPath(dir));
      },
    },
  });
}

export default defineConfig({
  site: config.url,
  base: config.base,
  outDir: process.env.SITE_OUT_DIR ?? 'dist',
  trailingSlash: 'always',
  integrations: [
    mdx({ optimize: mdxOptimize }),
    // Preact's Vite preset runs Babel over every file it includes, by default all of src/ (the lab's TypeScript too):
    // only the .tsx files have JSX. The built site is byte-identical either way; a build takes 11.8 core-seconds, not 16.5.
    preact({ include: [/\.tsx$/] }),
    // Embed pages are noindex: they stay out of the sitemap.
    sitemap({ filter: (page) => !new URL(page).pathname.includes('/embed/') }),
    headers(),
  ],
  markdown: {
    processor: markdownProcessor({ root, base: config.base, site: config.url, production, readContentOnce: production, math: config.math }),
    shikiConfig: {
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
      // Both colours become CSS variables (--shiki-light / --shiki-dark) in each token's style attribute, which
      // the CSP allows (style-src-attr); src/styles/code.css picks one per theme.
      defaultColor: false,
    },
  },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: {
        resources: ["'self'"],
        // The theme script is inline and written by the layout, not by Astro: hash the same string here.
        hashes: [`sha256-${createHash('sha256').update(themeScript).digest('base64')}`],
      },
      styleDirective: {
        // Figures set custom properties in style="" attributes (as does KaTeX's HTML with SITE_MATH=html);
        // only attributes are allowed inline, stylesheets are hashed.
        resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }],
      },
    },
  },
  build: {
    // Stylesheets go into the page, hashed in its CSP: a linked stylesheet costs a phone on a slow network a round
    // trip before the first paint (npm run bench:paint). KaTeX's (SITE_MATH=html only) stays a file, for its fonts.
    inlineStylesheets: 'always',
  },
  vite: {
    build: {
      // KaTeX fonts stay files (font-src 'self'), never data: URLs. A page script without imports (the
      // enhancement module) goes into the page up to 12 KB, for the same reason as the stylesheets.
      assetsInlineLimit: (file, content) => (/\.(woff2?|ttf)$/.test(file) ? false : file.endsWith('.js') ? content.length <= 12_288 : undefined),
    },
    // Module workers, so the lab worker loads each model as its own chunk (src/lab/model-loaders.ts);
    // the default 'iife' format inlines every dynamic import into the worker.
    worker: { format: 'es' },
  },
});
