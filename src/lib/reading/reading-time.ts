/** Words a reader gets through in a minute of careful reading (explainer prose, not skimming). */
export const WORDS_PER_MINUTE = 220;

/** Counts words in MDX source, ignoring front matter, code fences, JSX tags and math. */
export function countWords(source: string): number {
  const prose = source
    .replace(/^---[\s\S]*?\n---/, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/\[\^[^\]]+\]:?/g, ' ');
  return prose.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

// An article's page, the home page and the teaching page each ask for its minutes: its words are counted once.
// (A dev server sees a new source at every edit, hence the bound.)
const wordsBySource = new Map<string, number>();
const remembered = 500;

/** Whole minutes, at least one. */
export function readingMinutes(source: string, wpm = WORDS_PER_MINUTE): number {
  let words = wordsBySource.get(source);
  if (words === undefined) {
    if (wordsBySource.size >= remembered) wordsBySource.clear();
    wordsBySource.set(source, (words = countWords(source)));
  }
  return Math.max(1, Math.round(words / wpm));
}
