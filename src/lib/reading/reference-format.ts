import type { Reference } from '../content/bibliography.ts';
import { joinAuthors } from './citation-format.ts';

/** Shortens long author lists the way reference lists do: the first three, then "et al.". */
export function referenceAuthors(authors: string[], max = 3): string {
  if (authors.length === 0) return '';
  if (authors.length > max) return `${authors.slice(0, max).join(', ')} et al.`;
  return joinAuthors(authors);
}

/** One line for a reference list or a popover: Authors (Year). Title. Venue. */
export function referenceText(r: Pick<Reference, 'authors' | 'title' | 'year' | 'venue'>): string {
  const who = referenceAuthors(r.authors);
  const parts = [who ? `${who} (${r.year}).` : `(${r.year}).`, `${r.title.replace(/[{}]/g, '')}.`];
  if (r.venue) parts.push(`${r.venue.replace(/[{}]/g, '')}.`);
  return parts.join(' ');
}

/** The line under a reference's title in a popover: Authors (Year). Venue. */
export function referenceByline(r: Pick<Reference, 'authors' | 'year' | 'venue'>): string {
  const who = referenceAuthors(r.authors);
  const venue = r.venue ? ` ${r.venue.replace(/[{}]/g, '')}.` : '';
  return `${who ? `${who} ` : ''}(${r.year}).${venue}`;
}
