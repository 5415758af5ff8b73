import { describe, expect, test } from 'vitest';
import { splitByResize } from '../../../scripts/quality/browser.mjs';

const shift = (at: number) => ({ value: 0.001, at, sources: [] });

describe('layout shifts that follow a change of the window size are set apart', () => {
  test('a shift within half a second after a resize is the harness’s; others are the page’s', () => {
    const shifts = [shift(100), shift(397), shift(1400)];
    expect(splitByResize(shifts, [380])).toEqual({ content: [shift(100), shift(1400)], afterResize: [shift(397)] });
  });
  test('a shift in the frame that handled the resize counts as after it', () => {
    expect(splitByResize([shift(170)], [180]).afterResize).toEqual([shift(170)]);
  });
  test('without a resize every shift is the page’s', () => {
    expect(splitByResize([shift(170)], [])).toEqual({ content: [shift(170)], afterResize: [] });
  });
});
