import { z } from 'astro/zod';
import { calendarDate } from './calendar-date.ts';

/** Front matter of one article in content/articles/*.mdx. CONTRIBUTING.md documents every field. */
export const articleSchema = z.object({
  title: z.string().min(3),
  summary: z.string().min(20).max(240),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase words joined by hyphens'),
  order: z.number().int().positive(),
  authors: z.array(z.string().min(1)).min(1),
  published: calendarDate,
  updated: calendarDate,
  evidenceChecked: calendarDate,
  status: z.enum(['draft', 'published']),
  objectives: z.array(z.string().min(10)).min(1),
  keyTerms: z.array(z.string()).default([]),
});

export type ArticleData = z.infer<typeof articleSchema>;
