/**
 * The one inline script of the site: applies a stored theme choice before first paint, and marks the page
 * as scripted (html.js) so controls that need JavaScript are laid out from the first frame, not popped in later.
 * The layout renders this exact string first in <body>; astro.config.mjs hashes the same string for the CSP.
 */
export const THEME_STORAGE_KEY = 'theme';

export const themeScript = `document.documentElement.classList.add('js');try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

