import { z } from 'astro/zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why `text` is not a real calendar date written YYYY-MM-DD, or undefined when it is one. */
export function calendarDateProblem(text: string): string | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return 'expected a date written YYYY-MM-DD, such as 2026-11-24';
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12) return `${text} is not a date: there is no month ${month}`;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return `${text} is not a date: ${MONTHS[month - 1]} ${year} has ${daysInMonth} days`;
  return undefined;
}

/**
 * A front-matter date. YAML parsers differ: Astro's turns 2026-11-24 into a Date (and silently rolls an
 * impossible 2026-02-30 over to 2 March), the authoring checks' parser keeps the text, which is checked here.
 */
export const calendarDate = z.unknown().transform((value, ctx): Date => {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  const problem = typeof value === 'string' ? calendarDateProblem(value) : 'expected a date written YYYY-MM-DD, such as 2026-11-24';
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  return new Date(`${value as string}T00:00:00Z`);
});
