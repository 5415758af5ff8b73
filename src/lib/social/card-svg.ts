/**
 * The link-preview card as SVG (1200 × 630, the size Open Graph and X's large card use): the site's palette
 * stripe, a kicker, the title and a few lines of text, and beside them the page's figure drawing when it has
 * one. Pure: text is measured by the function passed in (the renderer's own measure), colours come in resolved.
 */
import type { FigureDrawing } from './figure-drawing.ts';
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
  /** The frame around a figure drawing. */
  border: string;
  /** The stripe along the top edge, left to right. */
  stripe: string[];
}

/** Where a figure drawing goes: none, framed right of the text, or framed across the card under the title. */
export type Placement = 'alone' | 'beside' | 'under';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CardLayout {
  placement: Placement;
  titleSize: number;
  titleLines: string[];
  /** Whether the title had to be cut short (with an ellipsis) even at the smallest size. */
  titleTruncated: boolean;
  bodyLines: string[];
  /** The room for the drawing's frame, when the card has a drawing; the frame hugs the drawing inside it. */
  frame?: Box;
}

/** Width in pixels of one line of card text at font size `size`, as the renderer will draw it. */
export type MeasureText = (line: string, size: number) => number;

const PADDING = 80;
const TEXT_WIDTH = CARD_WIDTH - 2 * PADDING;
const STRIPE_HEIGHT = 16;
const BOTTOM_MARGIN = 56;
const KICKER_SIZE = 30;
const BODY_SIZE = 30;
/** Largest first: the title gets the largest size at which it fits its lines. */
const TITLE_SIZES = [72, 64, 56, 48];
const GAP = 40;
/** The frame's padding around the drawing. */
const FRAME_INSET = 20;
const BESIDE_FRAME: Box = { x: 632, y: 56, width: 520, height: CARD_HEIGHT - 56 - BOTTOM_MARGIN };
/**
 * Text width, title lines and body of each placement. The narrower column beside a drawing allows a long
 * title more lines at the smallest size, rather than cutting it short.
 */
const TEXT: Record<Placement, { width: number; maxTitleLines: number; moreLines: number; body: boolean }> = {
  alone: { width: TEXT_WIDTH, maxTitleLines: 3, moreLines: 0, body: true },
  beside: { width: BESIDE_FRAME.x - 48 - PADDING, maxTitleLines: 3, moreLines: 2, body: true },
  under: { width: TEXT_WIDTH, maxTitleLines: 2, moreLines: 0, body: false },
};

const lineStep = (size: number) => Math.round(size * 1.2);
const KICKER_BASELINE = STRIPE_HEIGHT + 100;
const titleBaseline = (titleSize: number) => KICKER_BASELINE + GAP + titleSize;
const lastTitleBaseline = (titleSize: number, titleLines: number) => titleBaseline(titleSize) + (titleLines - 1) * lineStep(titleSize);
const bodyBaseline = (titleSize: number, titleLines: number) => lastTitleBaseline(titleSize, titleLines) + GAP + BODY_SIZE;

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`);

/** One <text> of card lines, the first on `firstBaseline`. */
export function textBlock(lines: string[], x: number, firstBaseline: number, size: number, fill: string): string {
  const tspans = lines.map((line, i) => `<tspan x="${x}" y="${firstBaseline + i * lineStep(size)}">${escapeXml(line)}</tspan>`);
  return `<text font-family="${CARD_FONT_FAMILY}" font-weight="700" font-size="${size}" fill="${fill}">${tspans.join('')}</text>`;
}

/** The text of `card` laid out for `placement`: the title as large as fits, the body (if any) in the room left. */
function layoutText(card: Card, measure: MeasureText, placement: Placement): CardLayout {
  const { width, maxTitleLines, moreLines, body } = TEXT[placement];
  const wrap = (text: string, size: number, maxLines: number) => wrapLines(text, (line) => measure(line, size) <= width, maxLines);
  const fits = (title: { lines: string[]; truncated: boolean }, size: number) => !title.truncated && title.lines.every((l) => measure(l, size) <= width);
  const smallest = TITLE_SIZES.at(-1) as number;
  const attempts = [
    ...TITLE_SIZES.map((size) => [size, maxTitleLines] as const),
    ...Array.from({ length: moreLines }, (_, i) => [smallest, maxTitleLines + i + 1] as const),
  ];
  let titleSize = smallest;
  let title: ReturnType<typeof wrap> = { lines: [], truncated: true };
  for (const [size, lines] of attempts) {
    titleSize = size;
    title = wrap(card.title, size, lines);
    if (fits(title, size)) break;
  }
  const bottom = CARD_HEIGHT - BOTTOM_MARGIN;
  const bodyRoom = Math.max(0, 1 + Math.floor((bottom - bodyBaseline(titleSize, title.lines.length)) / lineStep(BODY_SIZE)));
  const layout: CardLayout = {
    placement,
    titleSize,
    titleLines: title.lines,
    titleTruncated: !fits(title, titleSize),
    bodyLines: body ? wrap(card.body, BODY_SIZE, bodyRoom).lines : [],
  };
  if (placement === 'beside') layout.frame = BESIDE_FRAME;
  if (placement === 'under') {
    const top = lastTitleBaseline(titleSize, title.lines.length) + GAP;
    layout.frame = { x: PADDING - FRAME_INSET, y: top, width: TEXT_WIDTH + 2 * FRAME_INSET, height: CARD_HEIGHT - 32 - top };
  }
  return layout;
}

/** Where the drawing goes in `frame`: centred, as large as fits at its own aspect ratio. */
function drawingBox(frame: Box, drawing: { width: number; height: number }): Box {
  const room = { width: frame.width - 2 * FRAME_INSET, height: frame.height - 2 * FRAME_INSET };
  const scale = Math.min(room.width / drawing.width, room.height / drawing.height);
  const round = (v: number) => Math.round(v * 100) / 100;
  const [width, height] = [round(drawing.width * scale), round(drawing.height * scale)];
  return { x: round(frame.x + (frame.width - width) / 2), y: round(frame.y + (frame.height - height) / 2), width, height };
}

/**
 * Line breaks, title size and the drawing's place for `card`. Without a drawing: the title as large as fits in
 * three lines, the body in the room left. With one: beside the text, or under a title of at most two lines
 * with no body, whichever shows the drawing larger (wide drawings go under).
 */
export function layoutCard(card: Card, measure: MeasureText, drawing?: { width: number; height: number }): CardLayout {
  if (!drawing) return layoutText(card, measure, 'alone');
  const beside = layoutText(card, measure, 'beside');
  const under = layoutText(card, measure, 'under');
  if (under.titleTruncated) return beside;
  const size = (layout: CardLayout) => drawingBox(layout.frame as Box, drawing).width;
  return size(under) > size(beside) ? under : beside;
}

/** The drawing in its frame. */
function framedDrawing(room: Box, drawing: FigureDrawing, palette: CardPalette): string {
  const box = drawingBox(room, drawing);
  const frame = { x: box.x - FRAME_INSET, y: box.y - FRAME_INSET, width: box.width + 2 * FRAME_INSET, height: box.height + 2 * FRAME_INSET };
  return [
    `<rect x="${frame.x}" y="${frame.y}" width="${frame.width}" height="${frame.height}" rx="12" fill="${palette.background}" stroke="${palette.border}" stroke-width="2"/>`,
    `<svg x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" viewBox="0 0 ${drawing.width} ${drawing.height}" font-family="${CARD_FONT_FAMILY}">${drawing.markup}</svg>`,
  ].join('');
}

export function cardSvg(card: Card, layout: CardLayout, palette: CardPalette, drawing?: FigureDrawing): string {
  const band = CARD_WIDTH / palette.stripe.length;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${palette.background}"/>`,
    ...palette.stripe.map((fill, i) => `<rect x="${i * band}" width="${band}" height="${STRIPE_HEIGHT}" fill="${fill}"/>`),
    textBlock([card.kicker], PADDING, KICKER_BASELINE, KICKER_SIZE, palette.accent),
    textBlock(layout.titleLines, PADDING, titleBaseline(layout.titleSize), layout.titleSize, palette.text),
    textBlock(layout.bodyLines, PADDING, bodyBaseline(layout.titleSize, layout.titleLines.length), BODY_SIZE, palette.muted),
    drawing && layout.frame ? framedDrawing(layout.frame, drawing, palette) : '',
    '</svg>',
  ].join('');
}

/** What the image shows, for og:image:alt. */
export function cardAlt(card: Card, figureTitle?: string): string {
  const text = `${card.kicker}: “${card.title}”. ${card.body}`;
  return figureTitle ? `${text} With its figure: ${figureTitle}` : text;
}
