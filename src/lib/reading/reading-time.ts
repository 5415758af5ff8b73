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

/** Whole minutes, at least one. */
export function readingMinutes(source: string, wpm = WORDS_PER_MINUTE): number {
  return Math.max(1, Math.round(countWords(source) / wpm));
}
