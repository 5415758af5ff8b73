import { parse } from 'yaml';
import { z } from 'astro/zod';

export const glossaryEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase words joined by hyphens'),
  term: z.string().min(1),
  definition: z.string().min(10),
  aliases: z.array(z.string()).default([]),
  related: z.array(z.string()).default([]),
});

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

export class GlossaryError extends Error {}

/** Parses content/glossary.yaml; fails on a bad entry, a duplicate id or a related id that does not exist. */
export function parseGlossary(text: string, file = 'content/glossary.yaml'): GlossaryEntry[] {
  const raw: unknown = parse(text);
  const list = z.array(z.unknown()).safeParse(raw);
  if (!list.success) throw new GlossaryError(`${file}: expected a list of entries`);
  const entries = list.data.map((item, i) => {
    const result = glossaryEntrySchema.safeParse(item);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new GlossaryError(`${file}: entry ${i + 1}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    return result.data;
  });
  const ids = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.id)) throw new GlossaryError(`${file}: duplicate id "${e.id}"`);
    ids.add(e.id);
  }
  for (const e of entries)
    for (const r of e.related)
      if (!ids.has(r)) throw new GlossaryError(`${file}: "${e.id}" lists related term "${r}", which does not exist`);
  return entries;
}
