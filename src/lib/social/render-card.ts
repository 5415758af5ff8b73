/**
 * Renders a link-preview card to PNG at build time with resvg (@resvg/resvg-js): the bundled font only (no
 * system fonts, so every machine draws the same image), colours from src/styles/tokens.css. Paths are from
 * the project root, where `astro build` runs. Images are cached (src/lib/build-cache.ts) by everything that draws
 * them: the SVG, the font, resvg's version.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { cachedBytes } from '../build-cache.ts';
import { colourTokens } from './colour-tokens.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardSvg, layoutCard, textBlock, type Card, type CardPalette } from './card-svg.ts';
import type { FigureDrawing } from './figure-drawing.ts';

export const CARD_FONT_FILE = path.resolve('src/assets/fonts/CharisSIL-Bold.ttf');
export const TOKENS_FILE = path.resolve('src/styles/tokens.css');
const OKABE_ITO = ['--oi-orange', '--oi-sky', '--oi-green', '--oi-yellow', '--oi-blue', '--oi-vermillion', '--oi-purple'];

// A font file, not a buffer: resvg-js copies a buffer into its options byte by byte (~0.3 s for this face).
const options: ResvgRenderOptions = { font: { fontFiles: [CARD_FONT_FILE], loadSystemFonts: false } };

/** The card's colours: the light theme's custom properties. */
export function cardPalette(css = readFileSync(TOKENS_FILE, 'utf8')): CardPalette {
  const tokens = colourTokens(css, 'light');
  const token = (name: string) => {
    const value = tokens[name];
    if (!value) throw new Error(`src/styles/tokens.css defines no ${name}`);
    return value;
  };
  return {
    background: token('--color-bg'),
    text: token('--color-text'),
    muted: token('--color-muted'),
    accent: token('--color-accent'),
    border: token('--color-border'),
    stripe: OKABE_ITO.map(token),
  };
}

const REFERENCE_SIZE = 100;
const inkWidth = (text: string) =>
  new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}">${textBlock([text], 0, REFERENCE_SIZE, REFERENCE_SIZE, '#000')}</svg>`, options).getBBox()?.width ?? 0;
const advances = new Map<string, number>();
/** How far a character moves the pen at the reference size, as resvg sets it: "H·c·H" less "HH" (ink boxes skip spaces). */
function advance(c: string): number {
  let width = advances.get(c);
  if (width === undefined) advances.set(c, (width = inkWidth(`H${c}H`) - inkWidth('HH')));
  return width;
}
/**
 * Width of a line in the bundled face: the sum of its characters' advances (one resvg measure per distinct
 * character per build, not per line), plus 2 % for the kerning that a sum leaves out.
 */
export function measureText(line: string, size: number): number {
  let width = 0;
  for (const c of line) width += advance(c);
  return (width * size * 1.02) / REFERENCE_SIZE;
}

let buildPalette: CardPalette | undefined;
/** A production build reads the palette once for all its cards; the dev server reads it afresh, so an edit shows. */
const sharedPalette = () => (import.meta.env.PROD ? (buildPalette ??= cardPalette()) : cardPalette());

export function cardToSvg(card: Card, drawing?: FigureDrawing, palette = sharedPalette()): string {
  return cardSvg(card, layoutCard(card, measureText, drawing), palette, drawing);
}

const renderer = `resvg-js ${createRequire(import.meta.url)('@resvg/resvg-js/package.json').version}`;
const fontHash = createHash('sha256').update(readFileSync(CARD_FONT_FILE)).digest('hex');

export function renderCardPng(card: Card, drawing?: FigureDrawing, palette = sharedPalette()): Promise<Buffer> {
  const svg = cardToSvg(card, drawing, palette);
  return cachedBytes('link-previews', `${renderer}\n${fontHash}\n${svg}`, '.png', () => new Uint8Array(new Resvg(svg, options).render().asPng()));
}
