/**
 * The native parse (Sätteri) against remark's own (micromark): every article and a document with each construct
 * the kit and Markdown allow compile to the same JavaScript but for which curly quote a quote mark became (the
 * parser curls quotes; remark's path, SmartyPants), and a document neither can parse fails with remark-mdx's
 * message either way. Then the typography the parser gives, where SmartyPants got it wrong included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { markdownProcessor } from '../../../src/lib/markdown/processor.ts';
import { articleHtml, buildMdxRenderer, compileArticle, fixtureSiteCompiler, frontmatter } from './helpers.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** Compiled code with every curly quote made straight again: what is left must not depend on the parser. */
const quotesStraightened = (code: string) => code.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
const articles = join(root, 'content/articles');

/** The site's renderer with either parser, over the real content (as `astro build` compiles an article). */
async function siteCompiler(parser: 'native' | 'micromark') {
  const processor = markdownProcessor({ root, base: '/', site: 'https://example.org', production: true, readContentOnce: true, math: 'mathml', parser });
  const renderer = await buildMdxRenderer(processor);
  return async (file: string) => {
    const source = readFileSync(file, 'utf8');
    return (await renderer.process(source.replace(/^---[\s\S]*?---/, (fm) => fm.replace(/[^\n]/g, '')), file, {})).code;
  };
}

const everyConstruct = `${frontmatter()}
import { shout } from './shout.ts';
export const answer = { value: 42, list: [1, 2] };

# A heading with *emphasis*, \`code\` and {answer.value}

Text with **strong**, _emphasis_, ~~struck~~, a [link](/glossary/#feature "title"), an ![image](/a.png),
a bare https://example.org/path?q=1 and www.example.org, a footnote[^note],
an escaped \\* star, an entity &amp; &copy;, "quotes" -- dashes --- and... an ellipsis, and a hard
break\\
here. Inline $x_i^2$ math, a <Term id="feature" /> term and a <Cite id="elhage2022toy" /> citation.

> A quotation with a list:
>
> - one
> - two

1. First
   - nested *item*
2. [ ] a task
3. [x] a done task

| left | centre | right |
|:-----|:------:|------:|
| a    | $b$    | \`c\` |

$$
L = \\sum_i I_i (x_i - x'_i)^2
$$

\`\`\`js title="example.js"
const x = 1; // highlighted
\`\`\`

---

<Aside>
  A side note with {shout('an expression')} and a [link](https://example.org).
</Aside>

<div title={\`Template \${answer.value}\`} {...{ spread: true }}>
  {/* a comment in an expression */}
</div>

{answer.list.map((n) => <span key={n}>{n}</span>)}

[^note]: The footnote's text, with *emphasis*.
`;

describe('the native MDX parse', () => {
  // Shiki stops tokenising a line after 500 ms and colours the rest as one token: the first line of a language,
  // whose grammar is compiled then, can pass that on a busy machine. Each comparison starts after a first compile
  // of the same text has loaded every grammar it needs, so that neither side depends on the machine's load.
  test('every article compiles to the same JavaScript as with remark\'s parser', async () => {
    const [native, micromark] = await Promise.all([siteCompiler('native'), siteCompiler('micromark')]);
    const files = readdirSync(articles).filter((name) => name.endsWith('.mdx'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) await native(join(articles, name));
    for (const name of files) expect(quotesStraightened(await native(join(articles, name))), name).toBe(quotesStraightened(await micromark(join(articles, name))));
  });

  test('each construct of Markdown, GFM, math and MDX compiles to the same JavaScript as with remark\'s parser', async () => {
    const compiler = await fixtureSiteCompiler({ parser: 'native' });
    await compiler.compile(everyConstruct);
    const native = await compiler.compile(everyConstruct);
    expect(native).toContain('shout(\'an expression\')');
    expect(native).toContain('spread: true');
    expect(native).toContain('_components.math');
    expect(quotesStraightened(native)).toBe(quotesStraightened(await compileArticle(everyConstruct, { parser: 'micromark' })));
  });

  test('quotes curl by their neighbours, across emphasis, links and components; -- is an em dash, ... an ellipsis', async () => {
    const text = async (body: string) => (await articleHtml(`${frontmatter()}\n${body}\n`)).replace(/<[^>]*>/g, '');
    expect(await text('"Grown, *not* built" -- the [model\'s](/glossary/) view... of \'80s work.')).toContain('“Grown, not built” — the model’s view… of ’80s work.');
    // Where SmartyPants, which cannot see across a component, curled the other way: ‘s after a citation, ”… opening a quotation.
    expect(await text('The paper <Cite id="elhage2022toy" />\'s figure.')).toContain('The paper ’s figure.');
    expect(await text('The text so far is "… [A][B] … [A]", and more.')).toContain('The text so far is “… [A][B] … [A]”, and more.');
  });

  test('a document that is not MDX fails with remark-mdx\'s message and position', async () => {
    const failure = (body: string, parser: 'native' | 'micromark') =>
      compileArticle(`${frontmatter()}\n${body}\n`, { parser }).then(() => 'compiled', (error: Error & { line?: number; column?: number }) => `${error.line}:${error.column}: ${error.message}`);
    for (const [body, expected] of [
      ['A <Cite id="elhage2022toy"> that is never closed.', /^14:1: Expected a closing tag for `<Cite>` \(14:3-14:28\)/],
      ['An expression that is not JavaScript: {1 +}.', /^14:\d+: Could not parse expression with acorn/],
    ] as const) {
      const message = await failure(body, 'native');
      expect(message).toMatch(expected);
      expect(message).toBe(await failure(body, 'micromark'));
    }
  });
});
