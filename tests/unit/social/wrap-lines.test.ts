import { describe, expect, it } from 'vitest';
import { wrapLines } from '../../../src/lib/social/wrap-lines.ts';

const upTo = (n: number) => (line: string) => line.length <= n;

describe('wrapLines', () => {
  it('fills each line with as many words as fit', () => {
    expect(wrapLines('one two three four five', upTo(9))).toEqual({ lines: ['one two', 'three', 'four five'], truncated: false });
  });

  it('gives a word too long for any line a line of its own', () => {
    expect(wrapLines('a extraordinarily b', upTo(5)).lines).toEqual(['a', 'extraordinarily', 'b']);
  });

  it('past maxLines, ends the last line with an ellipsis that still fits', () => {
    const { lines, truncated } = wrapLines('one two three four five six', upTo(9), 2);
    expect(truncated).toBe(true);
    expect(lines).toEqual(['one two', 'three…']);
    expect(lines.every(upTo(9))).toBe(true);
    expect(wrapLines('one two', upTo(9), 0)).toEqual({ lines: [], truncated: true });
  });
});
