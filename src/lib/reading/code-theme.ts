import { transformerStyleToClass } from '@shikijs/transformers';

/**
 * Shiki writes colours as style="" attributes, which a strict CSP refuses. This transformer turns each
 * distinct style into a class; `codeThemeCss()` returns the matching stylesheet (written to
 * `<base>code-theme.css` by the integration in astro.config.mjs, after every page is highlighted).
 */
export const shikiStyleToClass = transformerStyleToClass({ classPrefix: 'sh-' });

export const CODE_THEME_FILE = 'code-theme.css';

export function codeThemeCss(): string {
  return `@layer code{${shikiStyleToClass.getCSS()}}\n`;
}
