/**
 * A figure island rendered to HTML as Astro renders it at build time (preact-render-to-string, the island's
 * own default state): what a reader without JavaScript sees. The unit tests read figures through this, and the
 * link previews draw a figure's first drawing from it.
 */
import type { FunctionComponent } from 'preact';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { figureAnchor, islandFileName, type FigureContext, type FigureIslandProps } from './contract.ts';

const islandModules = import.meta.glob<{ default: FunctionComponent<FigureIslandProps> }>('./*/*.tsx', { eager: true });

export function islandOf(id: string): FunctionComponent<FigureIslandProps> {
  const module = islandModules[`./${id}/${islandFileName(id)}.tsx`];
  if (!module) throw new Error(`src/figures/${id}/${islandFileName(id)}.tsx is missing`);
  return module.default;
}

export function renderFigure(id: string, anchor = figureAnchor(id), context: FigureContext = 'article'): string {
  return renderToString(h(islandOf(id), { anchor, context }));
}
