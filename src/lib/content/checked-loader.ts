import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import { checkArticleFrontmatter } from './article-checks.ts';
import { authoringFailure } from './authoring-checks.ts';
import { articleFrontmatter, buildSiteIndex, contentPaths } from './site-index.ts';

/**
 * Runs the articles' front-matter checks before the collection schema sees an entry. Astro's own YAML
 * parser rolls an impossible date over and its schema errors carry no line, so without this a bad field
 * would fail (or pass) with a vaguer message.
 */
export function withFrontmatterChecks(loader: Loader, root = process.cwd()): Loader {
  return {
    ...loader,
    load: async (context) => {
      const index = buildSiteIndex(contentPaths(root));
      return loader.load({
        ...context,
        parseData: async (entry) => {
          if (entry.filePath) {
            const source = readFileSync(entry.filePath, 'utf8');
            const file = relative(root, entry.filePath);
            const errors = checkArticleFrontmatter(file, articleFrontmatter(index, file, source), source, index);
            if (errors.length > 0) throw authoringFailure(file, errors);
          }
          return context.parseData(entry);
        },
      });
    },
  };
}
