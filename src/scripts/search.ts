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
  script.onerror = () => {
    host.insertAdjacentHTML('beforeend', '<p>The search index is built with the site (npm run build); it is not available here.</p>');
  };
  document.head.append(script);
}
