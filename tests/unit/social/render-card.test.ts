import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { CARD_FONT_FILE, cardPalette, measureText, renderCardPng } from '../../../src/lib/social/render-card.ts';
import { textBlock } from '../../../src/lib/social/card-svg.ts';

const inkWidth = (line: string, size: number) =>
  new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630">${textBlock([line], 0, size, size, '#000')}</svg>`, {
    font: { fontFiles: [CARD_FONT_FILE], loadSystemFonts: false },
  }).getBBox()?.width ?? 0;

describe('renderCardPng', () => {
  it('measures lines no narrower than resvg draws them, and not much wider', () => {
    for (const line of ['Pulling features back out of superposition', 'AVAWAY: “To” Ty — 4,096 features']) {
      const drawn = inkWidth(line, 72);
      expect(drawn).toBeGreaterThan(0);
      expect(measureText(line, 72)).toBeGreaterThanOrEqual(drawn);
      expect(measureText(line, 72)).toBeLessThan(drawn * 1.06);
    }
  });

  it('renders a 1200×630 PNG in the site palette', async () => {
    const png = await renderCardPng({ kicker: 'Test', title: 'A card for the unit test', body: 'Body text.' });
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(cardPalette().background).toMatch(/^#[0-9a-f]{6}$/i);
  });
});
