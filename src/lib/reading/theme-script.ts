/**
 * The one inline script of the site: applies a stored theme choice before first paint.
 * The layout renders this exact string first in <body>; astro.config.mjs hashes the same string for the CSP.
 */
export const THEME_STORAGE_KEY = 'theme';

export const themeScript = `try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

