/**
 * A figure's stylesheets (the shared src/figures/shared/figure.css and its own style.css) turned into what
 * resvg can apply from an SVG <style> element. resvg parses CSS 2.1 rule sets with its `simplecss` crate:
 * type, universal, class, id and attribute (=, ~=, |=) selectors, :first-child, and descendant, child and
 * adjacent-sibling combinators; at-rules are skipped. So @layer blocks are unwrapped, nested rules flattened,
 * @container and @media blocks dropped (narrow and print layouts), rules for interaction states dropped (a
 * still image has none), only SVG painting and text properties kept, and every var() and light-dark()
 * resolved for the light theme. What resvg still could not draw as a browser does is reported per rule.
 */
import { resolveCssValue } from './colour-tokens.ts';

export interface CssRule {
  /** One selector (selector lists are split). */
  selector: string;
  declarations: [property: string, value: string][];
}

/** A rule for resvg, values resolved; `unresolved` names what it would not draw as a browser does (its selector, values). */
export interface SvgRule extends CssRule {
  unresolved: string[];
}

/** Properties resvg reads from CSS that a figure's SVG uses; the rest style HTML around the drawings. */
const SVG_PROPERTIES = new Set([
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linecap',
  'stroke-linejoin', 'opacity', 'color', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'paint-order',
  'display', 'visibility',
]);
// Of display, only `none` changes what resvg draws; the layout values are for the HTML around the drawings.
/** A selector simplecss parses and usvg matches (usvg answers :first-child, and no other pseudo-class). */
const RESVG_SELECTOR = /^(?:[\w-]+|\*|[.#][\w-]+|\[[\w-]+(?:[~|]?=(?:'[^']*'|"[^"]*"))?\]|:first-child|\s*[>+]\s*|\s+)+$/;
/** Interaction states: a still image shows none of them, so their rules are left out. */
const STATE = /:(?:hover|focus|focus-visible|focus-within|active|disabled|checked|visited|link)\b/;

const splitSelectors = (prelude: string) => prelude.split(',').map((s) => s.trim()).filter(Boolean);

/** Every rule of the stylesheets, flattened: layers unwrapped, nesting joined, other at-rule blocks left out. */
export function flattenCss(css: string): CssRule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: CssRule[] = [];
  let i = 0;
  /** Reads one block body from i (after its "{") to its "}", for the selectors `scope` (none at top level). */
  const block = (scope: string[] | null, keep: boolean): void => {
    const declarations: [string, string][] = [];
    let buffer = '';
    let depth = 0; // parentheses
    while (i < text.length) {
      const c = text[i++] as string;
      if (c === '(') depth++;
      else if (c === ')') depth--;
      if (depth > 0 || (c !== '{' && c !== '}' && c !== ';')) {
        buffer += c;
        continue;
      }
      const item = buffer.trim();
      buffer = '';
      if (c === '{') {
        if (item.startsWith('@layer')) block(scope, keep);
        else if (item.startsWith('@')) block(scope, false);
        else {
          const selectors = splitSelectors(item).flatMap((s) =>
            scope ? scope.map((parent) => (s.includes('&') ? s.replaceAll('&', parent) : `${parent} ${s}`)) : [s],
          );
          block(selectors, keep);
        }
      } else if (item && !item.startsWith('@')) {
        const colon = item.indexOf(':');
        if (colon > 0) declarations.push([item.slice(0, colon).trim(), item.slice(colon + 1).trim()]);
      }
      if (c === '}') break;
    }
    if (keep && scope && declarations.length) for (const selector of scope) rules.push({ selector, declarations });
  };
  while (i < text.length) block(null, true);
  return rules;
}

/**
 * The rules resvg can apply, values resolved with `tokens` (the site's light-theme custom properties) and the
 * custom properties the stylesheets set themselves (each name's last value: figures set each once).
 */
export function svgRules(css: string, tokens: Record<string, string>): SvgRule[] {
  const rules = flattenCss(css);
  const own = new Map(rules.flatMap((r) => r.declarations.filter(([p]) => p.startsWith('--'))));
  const lookup = (name: string) => own.get(name) ?? tokens[name];
  return rules
    .filter((r) => !STATE.test(r.selector) && r.selector.includes('.'))
    .map((r) => {
      const unresolved: string[] = [];
      const declarations = r.declarations
        .filter(([property, value]) => SVG_PROPERTIES.has(property) && !(property === 'font-size' && /r?em$/.test(value)) && !(property === 'display' && value !== 'none'))
        .flatMap(([property, value]): [string, string][] => {
          try {
            const resolved = resolveCssValue(value, lookup, 'light');
            if (!resolved.includes('(')) return [[property, resolved]];
          } catch {
            // falls through: a value resvg cannot draw as written
          }
          unresolved.push(`${property}: ${value}`);
          return [];
        });
      if (declarations.length && !RESVG_SELECTOR.test(r.selector)) unresolved.push(`selector ${r.selector}`);
      return { selector: r.selector, declarations, unresolved };
    })
    .filter((r) => r.declarations.length || r.unresolved.length);
}

/** The classes a selector requires. */
export const selectorClasses = (selector: string) => [...selector.matchAll(/\.([\w-]+)/g)].map((m) => m[1] as string);
/** The element names a selector requires. */
export const selectorTypes = (selector: string) =>
  [...selector.replace(/\[[^\]]*\]|:[\w-]+(\([^)]*\))?/g, '').matchAll(/(?:^|[\s>+~])([a-zA-Z][\w-]*)/g)].map((m) => m[1] as string);

/** The rules as the text of a <style> element (rules resvg cannot use are left to the caller to keep out). */
export const styleText = (rules: CssRule[]) =>
  rules.map((r) => `${r.selector}{${r.declarations.map(([p, v]) => `${p}:${v}`).join(';')}}`).join('');
