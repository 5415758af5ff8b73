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

/** Enter opens the first result once the results shown are those for `query` (Pagefind searches as you type). */
function openFirstResult(host: HTMLElement, query: string, tries = 50): void {
  const message = host.querySelector('.pagefind-ui__message')?.textContent ?? '';
  const first = host.querySelector<HTMLAnchorElement>('.pagefind-ui__result-link');
  if (first && query && message.includes(query)) location.href = first.href;
  else if (query && tries > 0) setTimeout(openFirstResult, 100, host, query, tries - 1);
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
    if (location.hash === '#search' || q) host.querySelector<HTMLInputElement>('input')?.focus();
  };
  host.addEventListener('keydown', (e) => {
    const input = e.target as HTMLInputElement;
    if (e.key === 'Enter' && input.matches('input')) openFirstResult(host, input.value.trim());
  });
  script.onerror = () => {
    host.insertAdjacentHTML('beforeend', '<p>The search index is built with the site (npm run build); it is not available here.</p>');
  };
  document.head.append(script);
}
