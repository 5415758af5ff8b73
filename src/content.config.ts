import { defineCollection } from 'astro:content';
import { glob, file } from 'astro/loaders';
import { readFile } from 'node:fs/promises';
import { articleSchema } from './lib/content/article-schema.ts';
import { glossaryEntrySchema, parseGlossary } from './lib/content/glossary.ts';
import { parseBibliography } from './lib/content/bibliography.ts';
import { withFrontmatterChecks } from './lib/content/checked-loader.ts';

const articles = defineCollection({
  loader: withFrontmatterChecks(glob({ pattern: '**/*.mdx', base: './content/articles' })),
  schema: articleSchema,
});

const glossary = defineCollection({
  loader: file('content/glossary.yaml', { parser: (text) => parseGlossary(text) }),
  schema: glossaryEntrySchema,
});

const references = defineCollection({
  loader: {
    name: 'bibtex-loader',
    load: async ({ store, parseData, watcher }) => {
      const path = 'content/references.bib';
      watcher?.add(path);
      store.clear();
      for (const ref of parseBibliography(await readFile(path, 'utf8'), path)) {
        store.set({ id: ref.key, data: await parseData({ id: ref.key, data: { ...ref } }) });
      }
    },
  },
});

export const collections = { articles, glossary, references };
