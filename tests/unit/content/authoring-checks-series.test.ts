import { describe, expect, test } from 'vitest';
import { compileArticle, frontmatter } from './helpers.ts';
import { calendarDateProblem } from '../../../src/lib/content/calendar-date.ts';

/** Front-matter mistakes that a schema on one file cannot see, or reported too vaguely before. */
describe('front-matter mistakes fail the build at the offending value', () => {
  test('an impossible date is refused, not rolled over to the next month', async () => {
    const source = `${frontmatter({ published: '2026-02-30' })}\nText.\n`;
    await expect(compileArticle(source)).rejects.toThrow(/fixture\.mdx:7:1: Invalid front matter: published: 2026-02-30 is not a date: February 2026 has 28 days \(found: "2026-02-30"\)/);
  });

  test('a date that is not written YYYY-MM-DD gets a plain message', async () => {
    const source = `${frontmatter({ updated: 'last week' })}\nText.\n`;
    await expect(compileArticle(source)).rejects.toThrow(/fixture\.mdx:8:1: Invalid front matter: updated: expected a date written YYYY-MM-DD, such as 2026-11-24 \(found: "last week"\)/);
    await expect(compileArticle(source)).rejects.not.toThrow(/received Date/);
  });

  test('an unknown keyTerms id is reported at its column, not dropped', async () => {
    const source = `${frontmatter({ keyTerms: '[feature, flux-capacitor]' })}\nText.\n`;
    await expect(compileArticle(source)).rejects.toThrow(/fixture\.mdx:12:21: Unknown glossary term in keyTerms — not in content\/glossary\.yaml \(found: flux-capacitor\)/);
  });

  test('keyTerms written as a block list point at the line of the unknown id', async () => {
    const source = `${frontmatter({ keyTerms: '\n  - feature\n  - flux-capacitor' })}\nText.\n`;
    await expect(compileArticle(source)).rejects.toThrow(/fixture\.mdx:14:5: Unknown glossary term in keyTerms/);
  });

  test('two articles with the same order', async () => {
    const source = `${frontmatter({ order: '1' })}\nText.\n`;
    await expect(compileArticle(source)).rejects.toThrow(
      /fixture\.mdx:5:8: Duplicate order — content\/articles\/target\.mdx also has order: 1; each article needs its own place in the series \(found: 1\)/,
    );
  });

  test('two articles with the same slug', async () => {
    const source = `${frontmatter({ slug: 'target' })}\nText.\n`;
    await expect(compileArticle(source)).rejects.toThrow(/fixture\.mdx:4:7: Duplicate slug — content\/articles\/target\.mdx also has slug: target; each article needs its own URL/);
  });

  test('a known keyTerms list and an unused order pass', async () => {
    await expect(compileArticle(`${frontmatter({ keyTerms: '[feature, superposition]', order: '9' })}\nText.\n`)).resolves.toContain('Text.');
  });

  test('the error carries its line and column, so the build\'s "Location:" is not :0:0', async () => {
    const error = await compileArticle(`${frontmatter({ order: '1' })}\nText.\n`).catch((e: unknown) => e);
    expect(error).toMatchObject({ line: 5, column: 8, loc: { file: 'content/articles/fixture.mdx', line: 5, column: 8 } });
  });
});

describe('calendar dates', () => {
  test('leap years, month lengths and the format', () => {
    expect(calendarDateProblem('2028-02-29')).toBeUndefined();
    expect(calendarDateProblem('2026-02-29')).toBe('2026-02-29 is not a date: February 2026 has 28 days');
    expect(calendarDateProblem('2026-04-31')).toBe('2026-04-31 is not a date: April 2026 has 30 days');
    expect(calendarDateProblem('2026-13-01')).toBe('2026-13-01 is not a date: there is no month 13');
    expect(calendarDateProblem('2026-00-10')).toBe('2026-00-10 is not a date: there is no month 0');
    expect(calendarDateProblem('2026-11-00')).toMatch(/November 2026 has 30 days/);
    expect(calendarDateProblem('24/11/2026')).toMatch(/expected a date written YYYY-MM-DD/);
  });
});
