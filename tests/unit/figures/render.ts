/** Server rendering of figure islands for tests, as Astro does at build time (src/figures/server-render.ts). */
export { islandOf, renderFigure } from '../../../src/figures/server-render.ts';

export const decode = (text: string) => text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
