/**
 * Greedy line breaking: words go on the current line while `fits` says the line still fits. A word too long
 * for any line gets a line of its own. Past `maxLines`, the last line ends in an ellipsis (words removed until
 * it fits); `truncated` says so.
 */
export function wrapLines(text: string, fits: (line: string) => boolean, maxLines = Infinity): { lines: string[]; truncated: boolean } {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && fits(`${last} ${word}`)) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return { lines, truncated: false };
  if (maxLines <= 0) return { lines: [], truncated: true };
  const kept = lines.slice(0, maxLines);
  const words = (kept.pop() as string).split(' ');
  while (words.length > 1 && !fits(`${words.join(' ')}…`)) words.pop();
  return { lines: [...kept, `${words.join(' ')}…`], truncated: true };
}
