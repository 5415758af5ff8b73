import { describe, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileArticle, fixtureSiteCompiler, frontmatter } from './helpers.ts';
import { unclosedDollar } from '../../../src/lib/content/mdx-errors.ts';

describe('TeX mistakes are reported where they are', () => {
  test('an error in display math points at its line inside the $$ block, not at 1:1', async () => {
    const source = `${frontmatter()}\nText.\n\n$$\nx = 1 \\\\\ny = \\frac{1}\n$$\n`;
    await expect(compileArticle(source)).rejects.toThrow(/fixture\.mdx:18:13: Invalid TeX — ParseError: KaTeX parse error: Unexpected end of input/);
  });

  test('an error in inline math points at the place KaTeX stopped', async () => {
    await expect(compileArticle(`${frontmatter()}\nText $a}$ more.\n`)).rejects.toThrow(/fixture\.mdx:14:8: Invalid TeX — .*Expected 'EOF', got '\}'/);
  });

  test('an unclosed $ whose TeX has a brace is named as the cause, not left to the MDX parser', async () => {
    const error = (await compileArticle(`${frontmatter()}\nThe cost $x_{i is high.\n`).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/fixture\.mdx:14:10: Unclosed inline math — this \$ is never closed, so the TeX after it was read as MDX/);
    expect(error.message).toMatch(/the MDX parser says: "Unexpected end of file in expression, expected a corresponding closing brace for `\{`" at 14:24/);
    expect(error).toMatchObject({ line: 14, column: 10 });
  });

  test('the same mistake in another article is reported for that article when a link makes the index read it', async () => {
    const site = await fixtureSiteCompiler();
    writeFileSync(join(site.root, 'content/articles/broken.mdx'), `${frontmatter({ slug: 'broken', order: '7' })}\n## Costs\n\nThe cost $x_{i is high.\n`);
    await expect(site.compile(`${frontmatter()}\nSee [the costs](/articles/broken/#costs).\n`)).rejects.toThrow(/content\/articles\/broken\.mdx:16:10: Unclosed inline math/);
  });

  test('a brace error with every $ closed stays the MDX parser\'s own', async () => {
    await expect(compileArticle(`${frontmatter()}\nMath $x$ then {y here.\n`)).rejects.toThrow(/^Unexpected end of file in expression/);
  });

  test('unclosedDollar matches runs of the same length and ignores \\$', () => {
    expect(unclosedDollar('a $x$ b')).toBeUndefined();
    expect(unclosedDollar('a $x b')).toEqual({ line: 1, column: 3 });
    expect(unclosedDollar('a $$x$ b')).toEqual({ line: 1, column: 3 });
    expect(unclosedDollar('costs \\$5 and $y$')).toBeUndefined();
    expect(unclosedDollar('one\ntwo $z')).toEqual({ line: 2, column: 5 });
  });
});
