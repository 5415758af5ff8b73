/**
 * The figure frame's links in the figure's current state: the link to it on its page, the embed page's URL
 * and the embed code. Loaded by figure-menu.ts only when the reader opens the menu, so the URL codec it
 * needs stays out of the page's first-paint JavaScript.
 */
import { queryString, renameNamespace } from '../../lib/url-state.ts';
import { figureAnchor } from '../contract.ts';
import { embedCode } from './embed-code.ts';

export interface FrameData {
  figure: HTMLElement;
  anchor: string;
  id: string;
}

function stateQuery(anchor: string, into: string): string {
  return queryString(renameNamespace(window.location.search, anchor, into));
}

export function figureLink({ anchor }: FrameData): string {
  return `${window.location.origin}${window.location.pathname}${stateQuery(anchor, anchor)}#${anchor}`;
}

export function embedSource({ figure, anchor, id }: FrameData): string {
  const path = figure.dataset.embedPath ?? '';
  return `${new URL(path, window.location.href).href}${stateQuery(anchor, figureAnchor(id))}`;
}

export function currentEmbedCode(frame: FrameData): string {
  return embedCode({
    src: embedSource(frame),
    title: frame.figure.dataset.embedTitle ?? '',
    height: Number(frame.figure.dataset.embedHeight ?? 600),
  });
}
