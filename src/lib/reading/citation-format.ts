/** What a citation of one page of the site needs. */
export interface PageCitation {
  title: string;
  authors: string[];
  /** First publication. */
  published: Date;
  updated?: Date;
  /** Absolute canonical URL of the page. */
  url: string;
  siteName: string;
  slug: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const BIB_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "24 November 2026" — dates are calendar dates (UTC), never shifted by the build machine's zone. */
export function formatDate(d: Date): string {
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "2026-11-24", for <time datetime> and feeds. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** "A", "A and B", "A, B and C". */
export function joinAuthors(authors: string[]): string {
  if (authors.length <= 1) return authors[0] ?? '';
  return `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`;
}

/** Plain-text citation: Authors (Year). “Title.” Site, Day Month Year. URL */
export function plainCitation(p: PageCitation): string {
  return `${joinAuthors(p.authors)} (${p.published.getUTCFullYear()}). “${p.title}.” ${p.siteName}, ${formatDate(p.published)}. ${p.url}`;
}

/** Citation of one section: the page citation with the section title and its anchor. */
export function sectionCitation(p: PageCitation, section: Section): string {
  return `${joinAuthors(p.authors)} (${p.published.getUTCFullYear()}). “${p.title},” section “${section.title}.” ${p.siteName}, ${formatDate(p.published)}. ${p.url}#${section.anchor}`;
}

/** Braces protect BibTeX-special characters and keep a corporate author as one name. */
export function bibValue(s: string): string {
  return s.replace(/([{}])/g, '\\$1').replace(/([&%$#_])/g, '\\$1');
}

/** "Olah, Chris" or a single word is a person BibTeX can parse; anything else is kept whole in braces. */
function isPersonalName(a: string): boolean {
  const m = /^([^,]+),\s*([^,]+)$/.exec(a);
  if (m) return (m[2] as string).split(/\s+/).every((w) => /^\p{Lu}/u.test(w));
  return !/\s/.test(a);
}

/** A section of a page, for citing it on its own. */
export interface Section {
  title: string;
  anchor: string;
}

/**
 * A @misc entry for the page, or for one of its sections (key, title and url then name the section); the
 * key is the site's short name, the year and the slug. `accessed` becomes `urldate`.
 */
export function bibtexCitation(p: PageCitation, accessed: Date, section?: Section): string {
  const key = `${p.siteName.toLowerCase().replace(/[^a-z0-9]+/g, '')}${p.published.getUTCFullYear()}${p.slug.replace(/-/g, '')}`;
  const authors = p.authors.map((a) => (isPersonalName(a) ? bibValue(a) : `{${bibValue(a)}}`)).join(' and ');
  const fields: [string, string][] = [
    ['author', `{${authors}}`],
    ['title', `{${bibValue(p.title)}${section ? `, section “${bibValue(section.title)}”` : ''}}`],
    ['howpublished', `{${bibValue(p.siteName)}}`],
    ['year', `{${p.published.getUTCFullYear()}}`],
    ['month', BIB_MONTHS[p.published.getUTCMonth()] as string],
    ['url', `{${p.url}${section ? `#${section.anchor}` : ''}}`],
    ['urldate', `{${isoDate(accessed)}}`],
  ];
  if (p.updated && isoDate(p.updated) !== isoDate(p.published)) fields.push(['note', `{Updated ${formatDate(p.updated)}}`]);
  return `@misc{${key}${section ? `:${section.anchor}` : ''},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}`;
}

/** Google Scholar's date format: YYYY/MM/DD. */
export function scholarDate(d: Date): string {
  return isoDate(d).replace(/-/g, '/');
}
