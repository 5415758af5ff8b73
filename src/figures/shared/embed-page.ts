/**
 * Behaviour of the embed page (src/pages/embed/[id].astro): tell the parent page our height so the iframe
 * fits without scrollbars, and keep "Open in the article" pointing at the state on screen.
 */
import { queryString, renameNamespace } from '../../lib/url-state.ts';
import { embedHeightMessage } from './embed-code.ts';

const figure = document.querySelector<HTMLElement>('figure[data-figure-id]');

function postHeight(): void {
  if (window.parent === window) return;
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  window.parent.postMessage({ type: embedHeightMessage, id: figure?.dataset.figureId, height }, '*');
}

function refreshArticleLink(): void {
  const link = document.querySelector<HTMLAnchorElement>('[data-article-link]');
  const anchor = figure?.id;
  const articleAnchor = link?.dataset.articleAnchor;
  if (!link || !anchor || !articleAnchor) return;
  const url = new URL(link.href);
  url.search = queryString(renameNamespace(window.location.search, anchor, articleAnchor));
  link.href = url.href;
}

new ResizeObserver(postHeight).observe(document.documentElement);
window.addEventListener('load', postHeight);
window.addEventListener('figure-state', refreshArticleLink);
refreshArticleLink();
