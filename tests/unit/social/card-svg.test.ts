import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, cardAlt, cardSvg, layoutCard, type Card } from '../../../src/lib/social/card-svg.ts';

/** Every character half an em wide: 1040 px of text width holds 28 characters at 72 px, 69 at 30 px. */
const measure = (line: string, size: number) => line.length * size * 0.5;
const palette = { background: '#fdfcf9', text: '#1d1f21', muted: '#555a60', accent: '#005a8c', stripe: ['#e69f00', '#56b4e9'] };
const card = (title: string, body = 'A short body.'): Card => ({ kicker: 'Grown, not built · part 1 of 2', title, body });

describe('layoutCard', () => {
  it('sets a short title at the largest size', () => {
    expect(layoutCard(card('More features than neurons'), measure)).toMatchObject({ titleSize: 72, titleLines: ['More features than neurons'] });
  });

  it('shrinks a title that needs more than three lines at the larger sizes', () => {
    const long = 'Reading the notes: chain-of-thought monitoring and how pressure teaches a model to hide from it';
    const layout = layoutCard(card(long), measure);
    expect(layout.titleSize).toBeLessThan(72);
    expect(layout.titleLines.length).toBeLessThanOrEqual(3);
    expect(layout.titleLines.join(' ')).toBe(long);
  });

  it('gives the body only the lines that fit above the bottom margin', () => {
    const body = Array.from({ length: 120 }, () => 'word').join(' ');
    const layout = layoutCard(card('A title that takes two lines at the largest size', body), measure);
    const lastBaseline = Number([...cardSvg(card('x', body), layout, palette).matchAll(/y="(\d+)"/g)].at(-1)?.[1]);
    expect(layout.bodyLines.at(-1)).toMatch(/…$/);
    expect(lastBaseline).toBeLessThanOrEqual(CARD_HEIGHT - 40);
  });
});

describe('cardSvg', () => {
  it('escapes text and uses only the palette it is given', () => {
    const c = card('Q&A: <what> “models” do');
    const svg = cardSvg(c, layoutCard(c, measure), palette);
    expect(svg).toContain('Q&amp;A: &lt;what&gt; “models” do');
    const colours = new Set(svg.match(/#[0-9a-f]{6}/gi));
    expect([...colours].every((colour) => Object.values(palette).flat().includes(colour))).toBe(true);
    expect(svg).not.toContain('var(');
  });

  it('describes the card for alt text', () => {
    expect(cardAlt(card('Two heads'))).toBe('Grown, not built · part 1 of 2: “Two heads”. A short body.');
  });
});
