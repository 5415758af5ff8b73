/** Server rendering of figure islands for tests, as Astro does at build time (preact-render-to-string). */
import type { FunctionComponent } from 'preact';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { figureAnchor, islandFileName, type FigureIslandProps } from '../../../src/figures/contract.ts';

const islandModules = import.meta.glob<{ default: FunctionComponent<FigureIslandProps> }>('../../../src/figures/*/*.tsx', { eager: true });

export function islandOf(id: string): FunctionComponent<FigureIslandProps> {
  const module = islandModules[`../../../src/figures/${id}/${islandFileName(id)}.tsx`];
  if (!module) throw new Error(`src/figures/${id}/${islandFileName(id)}.tsx is missing`);
  return module.default;
}

export function renderFigure(id: string, anchor = figureAnchor(id)): string {
  return renderToString(h(islandOf(id), { anchor, context: 'article' }));
}

export const decode = (text: string) => text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

