import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, cardAlt, cardSvg, layoutCard, type Card } from '../../../src/lib/social/card-svg.ts';
import type { FigureDrawing } from '../../../src/lib/social/figure-drawing.ts';

/** Every character half an em wide: 1040 px of text width holds 28 characters at 72 px, 69 at 30 px. */
const measure = (line: string, size: number) => line.length * size * 0.5;
const palette = { background: '#fdfcf9', text: '#1d1f21', muted: '#555a60', accent: '#005a8c', border: '#d8d4ca', stripe: ['#e69f00', '#56b4e9'] };
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

  it('shrinks a title with a word too wide for the line', () => {
    const layout = layoutCard(card('The sparsity–fidelity–reconstruction–tradeoff'), measure);
    expect(layout.titleLines.every((line) => measure(line, layout.titleSize) <= 1040)).toBe(true);
  });

  it('gives the body only the lines that fit above the bottom margin', () => {
    const body = Array.from({ length: 120 }, () => 'word').join(' ');
    const layout = layoutCard(card('A title that takes two lines at the largest size', body), measure);
    const lastBaseline = Number([...cardSvg(card('x', body), layout, palette).matchAll(/y="(\d+)"/g)].at(-1)?.[1]);
    expect(layout.bodyLines.at(-1)).toMatch(/…$/);
    expect(lastBaseline).toBeLessThanOrEqual(CARD_HEIGHT - 40);
  });
});

describe('layoutCard with a figure drawing', () => {
  const drawing = (width: number, height: number): FigureDrawing => ({ width, height, label: 'A chart', markup: '<rect class="m" width="1" height="1"/>' });
  const inside = (svg: string) => {
    const tag = /<svg x="[^>]*>/.exec(svg)?.[0] ?? '';
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => Number(new RegExp(`\\s${a}="([\\d.]+)"`).exec(tag)?.[1]));
    return x! >= 0 && y! >= 16 && x! + w! <= CARD_WIDTH && y! + h! <= CARD_HEIGHT;
  };

  it('puts a tall drawing beside the text and a wide one under a short title, whichever shows it larger', () => {
    const c = card('Superposition explorer');
    expect(layoutCard(c, measure, drawing(240, 260)).placement).toBe('beside');
    const wide = layoutCard(c, measure, drawing(640, 230));
    expect(wide).toMatchObject({ placement: 'under', bodyLines: [] });
    expect(layoutCard(card('Reading the notes: chain-of-thought monitoring and how pressure teaches a model to hide from it'), measure, drawing(640, 230)).placement).toBe('beside');
  });

  it('draws the drawing inside the card, in a frame', () => {
    const c = card('Superposition explorer');
    for (const d of [drawing(240, 260), drawing(640, 230)]) {
      const svg = cardSvg(c, layoutCard(c, measure, d), palette, d);
      expect(svg).toContain(`viewBox="0 0 ${d.width} ${d.height}" font-family="Charis SIL"><rect class="m"`);
      expect(inside(svg)).toBe(true);
    }
    expect(cardAlt(c, 'A chart')).toMatch(/With its figure: A chart$/);
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
