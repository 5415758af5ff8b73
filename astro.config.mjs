// @ts-check
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { markdownProcessor } from './src/lib/markdown/processor.ts';
import { siteConfig } from './src/lib/site-config.ts';

const config = siteConfig(process.env);
const root = fileURLToPath(new URL('.', import.meta.url));
const production = process.argv.includes('build');

export default defineConfig({
  site: config.url,
  base: config.base,
  outDir: process.env.SITE_OUT_DIR ?? 'dist',
  trailingSlash: 'always',
  integrations: [mdx(), preact(), sitemap()],
  markdown: {
    processor: markdownProcessor({ root, base: config.base, production }),
    shikiConfig: {
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
    },
  },
  vite: {
    build: {
      // KaTeX fonts stay files (font-src 'self'), never data: URLs.
      assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
    },
  },
});
