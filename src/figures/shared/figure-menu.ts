/**
 * Behaviour of the Figure frame's menu (src/components/kit/Figure.astro): copy a link to the figure in its
 * current state, copy the embed code, open the embed page. The island keeps the URL current; this script
 * only reads it. Without JavaScript the menu still offers the plain links and the default embed code.
 */
import type { FrameData } from './figure-links.ts';

/** The link builders, fetched the first time the menu is used (see figure-links.ts). */
const links = () => import('./figure-links.ts');

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

async function refresh(frame: FrameData): Promise<void> {
  const { embedSource, currentEmbedCode, figureLink } = await links();
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
  const menu = figure.querySelector<HTMLDetailsElement>('details.figure__menu');
  figure.querySelector('[data-action="copy-link"]')?.addEventListener('click', async () => {
    await refresh(frame);
    void copy((await links()).figureLink(frame), status, 'Link', figure.querySelector('[data-figure-link]'));
  });
  figure.querySelector('[data-action="copy-embed"]')?.addEventListener('click', async () => {
    await refresh(frame);
    void copy((await links()).currentEmbedCode(frame), status, 'Embed code', figure.querySelector('[data-embed-code]'));
  });
  // The menu's links are only seen while it is open: fill them when it opens and keep them current while open.
  menu?.addEventListener('toggle', () => {
    if (menu.open) void refresh(frame);
  });
  window.addEventListener('figure-state', (event) => {
    if (menu?.open && (event as CustomEvent<{ anchor: string }>).detail.anchor === frame.anchor) void refresh(frame);
  });
}

document.querySelectorAll<HTMLElement>('figure[data-figure-id]').forEach(setUp);

// Text alternatives print open even when the reader never opened them.
window.addEventListener('beforeprint', () => {
  document.querySelectorAll<HTMLDetailsElement>('figure[data-figure-id] details.fig__alt').forEach((d) => (d.open = true));
});
