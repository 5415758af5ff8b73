/**
 * The drawing a figure shows in link previews (src/lib/social/figure-drawing.ts), from its server render and
 * its stylesheets on disk (paths from the project root, where `astro build` runs). Once per figure per build:
 * an article's page, its embed page and their images share it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { colourTokens } from './colour-tokens.ts';
import type { SocialCard } from './cards.ts';
import { figureDrawing, type FigureDrawing } from './figure-drawing.ts';
import { svgRules } from './figure-styles.ts';
import { TOKENS_FILE } from './render-card.ts';

/** The stylesheets that style figure `id`: the shared figure.css, then its own style.css. */
export const figureCss = (id: string) =>
  ['src/figures/shared/figure.css', `src/figures/${id}/style.css`].map((file) => readFileSync(path.resolve(file), 'utf8')).join('\n');

/** The stylesheet rules resvg can apply to figure `id`'s drawings, resolved for the light theme. */
export const figureSvgRules = (id: string) => svgRules(figureCss(id), colourTokens(readFileSync(TOKENS_FILE, 'utf8'), 'light'));

const drawings = new Map<string, FigureDrawing | undefined>();

/** Figure `id`'s first drawing that renders faithfully outside a browser; undefined for a title card. */
export async function previewDrawing(id: string): Promise<FigureDrawing | undefined> {
  if (!drawings.has(id)) {
    // Imported when a card first needs a drawing, not with this module: a static import of every figure would put
    // every figure's stylesheet on every page that has a link preview.
    const { renderFigure } = await import('../../figures/server-render.ts');
    drawings.set(id, figureDrawing(renderFigure(id), figureSvgRules(id)));
  }
  return drawings.get(id);
}

/** The drawing a card shows: its figure's, or none (a title card). */
export const cardDrawing = async (social: SocialCard): Promise<FigureDrawing | undefined> => (social.figure ? previewDrawing(social.figure) : undefined);
