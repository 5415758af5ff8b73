// The floor the site is compared with: a bare Astro + MDX site (one content collection, one page route,
// one layout, Astro's default Markdown settings), built from this project's own installed packages.
// With `siteArticles`, it can also compile this site's own articles: remark-math reads $…$ so TeX braces are
// not taken for MDX expressions (equations stay as TeX text), and each authoring-kit component is a plain
// element around its text (a lab value, a placeholder number).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { linkModules } from './workspace.mjs';

/** @param {{ siteArticles: boolean }} options */
const files = ({ siteArticles }) => ({
  'package.json': `${JSON.stringify({ name: 'bare-astro-mdx', private: true, type: 'module' }, null, 1)}\n`,
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
${siteArticles ? "import remarkMath from 'remark-math';\n" : ''}
export default defineConfig({ site: 'https://example.org', trailingSlash: 'always', integrations: [mdx()]${siteArticles ? ', markdown: { remarkPlugins: [remarkMath] }' : ''} });
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = { articles: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content/articles' }) }) };
`,
  'src/layouts/Layout.astro': `---
const { title } = Astro.props;
---
<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title}</title>
  </head>
  <body>
    <main>
      <h1>{title}</h1>
      <slot />
    </main>
  </body>
</html>
`,
  'src/components/Inline.astro': `---
const { id } = Astro.props;
---
<span>{Astro.slots.has('default') ? <slot /> : id}</span>
`,
  'src/components/Value.astro': `---
// A number the site reads from a figure's build-time lab data; the bare site has no lab, so a number of the same size.
---
<span>0.00</span>
`,
  'src/components/Block.astro': `---
const { title, q } = Astro.props;
---
<div>{(title ?? q) && <p>{title ?? q}</p>}<slot /></div>
`,
  'src/pages/articles/[slug].astro': `---
import { getCollection, render } from 'astro:content';
import Layout from '../../layouts/Layout.astro';
${siteArticles ? "import Inline from '../../components/Inline.astro';\nimport Block from '../../components/Block.astro';\nimport Value from '../../components/Value.astro';\n\nconst components = { Cite: Inline, Term: Inline, LabValue: Value, Figure: Block, Aside: Block, Question: Block, DiscussionPrompts: Block };\n" : 'const components = {};\n'}
export async function getStaticPaths() {
  return (await getCollection('articles')).map((article) => ({ params: { slug: article.data.slug }, props: { article } }));
}
const { article } = Astro.props;
const { Content } = await render(article);
---
<Layout title={article.data.title}>
  <Content components={components} />
</Layout>
`,
  'src/pages/index.astro': `---
import Layout from '../layouts/Layout.astro';
---
<Layout title="Bare Astro + MDX"><p>The floor for the benchmarks.</p></Layout>
`,
});

/**
 * Writes the bare site into `dir` (empty or new) with `root`'s packages linked in; articles go in
 * content/articles.
 * @param {string} root
 * @param {string} dir
 * @param {{ siteArticles?: boolean }} [options]
 */
export function writeBareSite(root, dir, { siteArticles = false } = {}) {
  for (const [path, text] of Object.entries(files({ siteArticles }))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(join(dir, 'content/articles'), { recursive: true });
  linkModules(root, dir);
}
