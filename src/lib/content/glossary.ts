import { isNode, isSeq, parseDocument } from 'yaml';
import { z } from 'astro/zod';

export const glossaryEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase words joined by hyphens'),
  term: z.string().min(1),
  definition: z.string().min(10),
  aliases: z.array(z.string()).default([]),
  related: z.array(z.string()).default([]),
});

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

/** A glossary mistake at file:line:column; `loc` gives the build's "Location:" line the same place. */
export class GlossaryError extends Error {
  readonly loc: { file: string; line: number; column: number };
  constructor(file: string, line: number, reason: string) {
    super(`${file}:${line}:1: ${reason}`);
    this.loc = { file, line, column: 1 };
  }
}

/** Parses content/glossary.yaml; fails on a bad entry, a duplicate id or a related id that does not exist. */
export function parseGlossary(text: string, file = 'content/glossary.yaml'): GlossaryEntry[] {
  const doc = parseDocument(text);
  const list = z.array(z.unknown()).safeParse(doc.toJS());
  if (!list.success) throw new GlossaryError(file, 1, 'expected a list of entries');
  const starts = isSeq(doc.contents) ? doc.contents.items.map((item) => (isNode(item) ? item.range?.[0] : undefined) ?? 0) : [];
  const lineOf = (i: number) => text.slice(0, starts[i] ?? 0).split('\n').length;
  const entries = list.data.map((item, i) => {
    const result = glossaryEntrySchema.safeParse(item);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new GlossaryError(file, lineOf(i), `entry ${i + 1}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    return result.data;
  });
  const ids = new Set<string>();
  entries.forEach((e, i) => {
    if (ids.has(e.id)) throw new GlossaryError(file, lineOf(i), `duplicate id "${e.id}"`);
    ids.add(e.id);
  });
  entries.forEach((e, i) => {
    for (const r of e.related) if (!ids.has(r)) throw new GlossaryError(file, lineOf(i), `"${e.id}" lists related term "${r}", which does not exist`);
  });
  return entries;
}
