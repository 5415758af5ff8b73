/**
 * Behaviour of the Figure frame's menu (src/components/kit/Figure.astro): copy a link to the figure in its
 * current state, copy the embed code, open the embed page. The island keeps the URL current; this script
 * only reads it. Without JavaScript the menu still offers the plain links and the default embed code.
 */
import { queryString, renameNamespace } from '../../lib/url-state.ts';
import { figureAnchor } from '../contract.ts';
import { embedCode } from './embed-code.ts';

interface FrameData {
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

function currentEmbedCode(frame: FrameData): string {
  return embedCode({
    src: embedSource(frame),
    title: frame.figure.dataset.embedTitle ?? '',
    height: Number(frame.figure.dataset.embedHeight ?? 600),
  });
}

async function copy(text: string, status: HTMLElement | null, what: string, fallback?: HTMLTextAreaElement | null) {
  try {
    await navigator.clipboard.writeText(text);
    if (status) status.textContent = `${what} copied.`;
  } catch {
    fallback?.focus();
    fallback?.select();
    if (status) status.textContent = `Copying is not allowed here: the ${what.toLowerCase()} is selected, press Ctrl+C or ⌘C.`;
  }
}

function refresh(frame: FrameData): void {
  const open = frame.figure.querySelector<HTMLAnchorElement>('[data-action="open-embed"]');
  if (open) open.href = embedSource(frame);
  const code = frame.figure.querySelector<HTMLTextAreaElement>('[data-embed-code]');
  if (code) code.value = currentEmbedCode(frame);
  const link = frame.figure.querySelector<HTMLInputElement>('[data-figure-link]');
  if (link) link.value = figureLink(frame);
}

function setUp(figure: HTMLElement): void {
  const frame: FrameData = { figure, anchor: figure.id, id: figure.dataset.figureId ?? '' };
  const status = figure.querySelector<HTMLElement>('[data-menu-status]');
  figure.querySelector('[data-action="copy-link"]')?.addEventListener('click', () => {
    refresh(frame);
    void copy(figureLink(frame), status, 'Link', figure.querySelector('[data-figure-link]'));
  });
  figure.querySelector('[data-action="copy-embed"]')?.addEventListener('click', () => {
    refresh(frame);
    void copy(currentEmbedCode(frame), status, 'Embed code', figure.querySelector('[data-embed-code]'));
  });
  figure.querySelector('details')?.addEventListener('toggle', () => refresh(frame));
  window.addEventListener('figure-state', (event) => {
    if ((event as CustomEvent<{ anchor: string }>).detail.anchor === frame.anchor) refresh(frame);
  });
  refresh(frame);
}

document.querySelectorAll<HTMLElement>('figure[data-figure-id]').forEach(setUp);

// Text alternatives print open even when the reader never opened them.
window.addEventListener('beforeprint', () => {
  document.querySelectorAll<HTMLDetailsElement>('figure[data-figure-id] details.fig__alt').forEach((d) => (d.open = true));
});
