import { z } from 'astro/zod';
import { calendarDate } from './calendar-date.ts';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase words joined by hyphens');

/** A figure state worth showing in class: a figure of this article, set by a query of its own parameters. */
export const classroomStateSchema = z.object({
  figure: slug,
  /** The figure's parameters without the anchor prefix, e.g. `sparsity=0.9&model=relu`. */
  state: z.string(),
  note: z.string().min(10),
});

/** Front matter of one article in content/articles/*.mdx. CONTRIBUTING.md documents every field. */
export const articleSchema = z.object({
  title: z.string().min(3),
  summary: z.string().min(20).max(240),
  slug,
  order: z.number().int().positive(),
  authors: z.array(z.string().min(1)).min(1),
  published: calendarDate,
  updated: calendarDate,
  evidenceChecked: calendarDate,
  status: z.enum(['draft', 'published']),
  objectives: z.array(z.string().min(10)).min(1),
  keyTerms: z.array(z.string()).default([]),
  /** Slugs of earlier articles in the series that a reader needs first. */
  prerequisites: z.array(slug).default([]),
  classroom: z.array(classroomStateSchema).default([]),
});

export type ArticleData = z.infer<typeof articleSchema>;
export type ClassroomState = z.infer<typeof classroomStateSchema>;
