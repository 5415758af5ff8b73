/** Loads Pagefind's UI from the built site's /pagefind/ (absent in dev) and wires ?q= and "/". */
interface PagefindUIOptions {
  showImages: boolean;
  element: string;
  bundlePath: string;
  showSubResults: boolean;
  resetStyles: boolean;
}
declare global {
  interface Window {
    PagefindUI?: new (o: PagefindUIOptions) => { triggerSearch(q: string): void };
  }
}

/**
 * Enter opens the top result for what was typed, once Pagefind (which searches as you type) shows it.
 * Results fill in one by one and in any order, so the first *ranked* result is awaited, not the first to arrive;
 * typing again cancels.
 */
function openTopResultOnEnter(host: HTMLElement): void {
  let query = '';
  const open = () => {
    if (!query) return;
    // "8 results for sparse features": the results shown are for this query, not an earlier prefix of it.
    const message = host.querySelector('.pagefind-ui__message')?.textContent ?? '';
    const top = host.querySelector('.pagefind-ui__result')?.querySelector<HTMLAnchorElement>('.pagefind-ui__result-link');
    if (!top || !message.endsWith(query)) return;
    query = '';
    location.href = top.href;
  };
  new MutationObserver(open).observe(host, { childList: true, subtree: true, characterData: true });
  host.addEventListener('input', () => (query = ''));
  host.addEventListener('keydown', (e) => {
    const input = e.target as HTMLInputElement;
    if (e.key !== 'Enter' || !input.matches('input')) return;
    query = input.value.trim();
    open();
  });
}

/** Focuses the search field, waiting for it if Pagefind's UI has not drawn it yet (it may not have on a busy machine). */
function focusInput(host: HTMLElement): void {
  const input = host.querySelector<HTMLInputElement>('input');
  if (input) return input.focus();
  new MutationObserver((_, observer) => {
    const drawn = host.querySelector<HTMLInputElement>('input');
    if (!drawn) return;
    observer.disconnect();
    drawn.focus();
  }).observe(host, { childList: true, subtree: true });
}

export function startSearch(): void {
  const host = document.querySelector<HTMLElement>('[data-pagefind-ui]');
  if (!host) return;
  const bundlePath = host.dataset.bundle as string;
  const script = document.createElement('script');
  script.src = `${bundlePath}pagefind-ui.js`;
  script.onload = () => {
    if (!window.PagefindUI) return;
    const ui = new window.PagefindUI({ element: '#search', bundlePath, showSubResults: true, showImages: false, resetStyles: false });
    const q = new URLSearchParams(location.search).get('q');
    if (q) ui.triggerSearch(q);
    if (location.hash === '#search' || q) focusInput(host);
  };
  openTopResultOnEnter(host);
  script.onerror = () => {
    host.insertAdjacentHTML('beforeend', '<p>The search index is built with the site (npm run build); it is not available here.</p>');
  };
  document.head.append(script);
}
