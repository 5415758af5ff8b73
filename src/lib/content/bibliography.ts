import { parse } from '@retorquere/bibtex-parser';

/** One work in content/references.bib, flattened for display. */
export interface Reference {
  key: string;
  type: string;
  authors: string[];
  title: string;
  year: string;
  month?: string;
  venue?: string;
  url?: string;
  note?: string;
  /** The entry as written in the .bib file, for "copy BibTeX". */
  bibtex: string;
}

export class BibliographyError extends Error {}

type Creator = { lastName?: string; firstName?: string; name?: string };

function creatorName(c: Creator): string {
  if (c.name) return c.name;
  return [c.firstName, c.lastName].filter(Boolean).join(' ');
}

/** Parses BibTeX text; any syntax error or entry without title/year fails with the file and the reason. */
export function parseBibliography(text: string, file = 'content/references.bib'): Reference[] {
  const library = parse(text, { sentenceCase: false });
  const [firstError] = library.errors;
  if (firstError) throw new BibliographyError(`${file}: ${firstError.error}`);
  const seen = new Set<string>();
  return library.entries.map((entry) => {
    if (seen.has(entry.key)) throw new BibliographyError(`${file}: duplicate key "${entry.key}"`);
    seen.add(entry.key);
    const f = entry.fields as Record<string, unknown>;
    const str = (name: string) => (typeof f[name] === 'string' ? (f[name] as string) : undefined);
    const title = str('title');
    const year = str('year');
    if (!title || !year) throw new BibliographyError(`${file}: entry "${entry.key}" needs a title and a year`);
    const authors = ((f.author as Creator[] | undefined) ?? []).map(creatorName);
    const venue = str('journal') ?? str('booktitle') ?? str('howpublished') ?? (f.publisher as string[] | undefined)?.[0];
    const ref: Reference = { key: entry.key, type: entry.type, authors, title, year, bibtex: entry.input.trim() };
    const optional = { month: str('month'), venue, url: str('url'), note: str('note') };
    for (const [k, v] of Object.entries(optional)) if (v) (ref as unknown as Record<string, string>)[k] = v;
    return ref;
  });
}
