/**
 * The link-preview card as SVG (1200 × 630, the size Open Graph and X's large card use): the site's palette
 * stripe, a kicker, the title and a few lines of text. Pure: text is measured by the function passed in (the
 * renderer's own measure), colours come in resolved.
 */
import { wrapLines } from './wrap-lines.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** The one face bundled for cards (src/assets/fonts/README.md); every text element names it. */
export const CARD_FONT_FAMILY = 'Charis SIL';

export interface Card {
  kicker: string;
  title: string;
  body: string;
}

export interface CardPalette {
  background: string;
  text: string;
  muted: string;
  accent: string;
  /** The stripe along the top edge, left to right. */
  stripe: string[];
}

export interface CardLayout {
  titleSize: number;
  titleLines: string[];
  bodyLines: string[];
}

/** Width in pixels of one line of card text at font size `size`, as the renderer will draw it. */
export type MeasureText = (line: string, size: number) => number;

const PADDING = 80;
const TEXT_WIDTH = CARD_WIDTH - 2 * PADDING;
const STRIPE_HEIGHT = 16;
const BOTTOM_MARGIN = 56;
const KICKER_SIZE = 30;
const BODY_SIZE = 30;
/** Largest first: the title gets the largest size at which it takes at most three lines. */
const TITLE_SIZES = [72, 64, 56, 48];
const MAX_TITLE_LINES = 3;
const GAP = 40;

const lineStep = (size: number) => Math.round(size * 1.2);
const KICKER_BASELINE = STRIPE_HEIGHT + 100;
const titleBaseline = (titleSize: number) => KICKER_BASELINE + GAP + titleSize;
const bodyBaseline = (titleSize: number, titleLines: number) =>
  titleBaseline(titleSize) + (titleLines - 1) * lineStep(titleSize) + GAP + BODY_SIZE;

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`);

/** One <text> of card lines, the first on `firstBaseline`. */
export function textBlock(lines: string[], x: number, firstBaseline: number, size: number, fill: string): string {
  const tspans = lines.map((line, i) => `<tspan x="${x}" y="${firstBaseline + i * lineStep(size)}">${escapeXml(line)}</tspan>`);
  return `<text font-family="${CARD_FONT_FAMILY}" font-weight="700" font-size="${size}" fill="${fill}">${tspans.join('')}</text>`;
}

/** Line breaks and title size for `card`: the title as large as fits in three lines, the body in the room left. */
export function layoutCard(card: Card, measure: MeasureText): CardLayout {
  const wrap = (text: string, size: number, maxLines: number) => wrapLines(text, (line) => measure(line, size) <= TEXT_WIDTH, maxLines);
  let titleSize = TITLE_SIZES[0] as number;
  let title = wrap(card.title, titleSize, MAX_TITLE_LINES);
  for (const size of TITLE_SIZES.slice(1)) {
    if (!title.truncated) break;
    titleSize = size;
    title = wrap(card.title, size, MAX_TITLE_LINES);
  }
  const bottom = CARD_HEIGHT - BOTTOM_MARGIN;
  const bodyRoom = Math.max(0, 1 + Math.floor((bottom - bodyBaseline(titleSize, title.lines.length)) / lineStep(BODY_SIZE)));
  return { titleSize, titleLines: title.lines, bodyLines: wrap(card.body, BODY_SIZE, bodyRoom).lines };
}

export function cardSvg(card: Card, layout: CardLayout, palette: CardPalette): string {
  const band = CARD_WIDTH / palette.stripe.length;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${palette.background}"/>`,
    ...palette.stripe.map((fill, i) => `<rect x="${i * band}" width="${band}" height="${STRIPE_HEIGHT}" fill="${fill}"/>`),
    textBlock([card.kicker], PADDING, KICKER_BASELINE, KICKER_SIZE, palette.accent),
    textBlock(layout.titleLines, PADDING, titleBaseline(layout.titleSize), layout.titleSize, palette.text),
    textBlock(layout.bodyLines, PADDING, bodyBaseline(layout.titleSize, layout.titleLines.length), BODY_SIZE, palette.muted),
    '</svg>',
  ].join('');
}

/** What the image shows, for og:image:alt. */
export function cardAlt(card: Card): string {
  return `${card.kicker}: “${card.title}”. ${card.body}`;
}
