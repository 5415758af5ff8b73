/**
 * The site's colours for images drawn outside a browser (link previews): read from the custom properties in
 * src/styles/tokens.css, so that file stays the one place a colour is written. `light-dark(a, b)` resolves to
 * the theme asked for; `var(--x, fallback)` to what --x resolves to, or to its fallback where --x is not set.
 */
export type Theme = 'light' | 'dark';

const DECLARATION = /(--[\w-]+)\s*:\s*([^;]+);/g;
const FUNCTION = /\b(var|light-dark)\(/;

/** Splits a function's arguments at its own top-level commas, not those inside rgb(…) or a nested var(…). */
function topLevelArguments(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  return [...parts, inner.slice(start).trim()];
}

/** Index just past the parenthesis that closes the one opened before `from`. */
function closingParen(value: string, from: number): number {
  let depth = 1;
  for (let i = from; i < value.length; i++) {
    if (value[i] === '(') depth++;
    else if (value[i] === ')' && --depth === 0) return i + 1;
  }
  throw new Error(`unbalanced parentheses in ${value}`);
}

/**
 * A CSS value with every var() and light-dark() in it substituted: `lookup` gives a custom property's written
 * value (itself resolved in turn). Throws on a property that is neither set nor given a fallback, and on cycles.
 */
export function resolveCssValue(value: string, lookup: (name: string) => string | undefined, theme: Theme = 'light', seen: string[] = []): string {
  const match = FUNCTION.exec(value);
  if (!match) return value.trim();
  const open = match.index + match[0].length;
  const close = closingParen(value, open);
  const args = topLevelArguments(value.slice(open, close - 1));
  let replacement: string;
  if (match[1] === 'light-dark') {
    if (args.length !== 2) throw new Error(`light-dark() needs two arguments: ${value.slice(match.index, close)}`);
    replacement = resolveCssValue(args[theme === 'light' ? 0 : 1] as string, lookup, theme, seen);
  } else {
    const [name, ...fallback] = args as [string, ...string[]];
    const target = lookup(name);
    if (target !== undefined && !seen.includes(name)) replacement = resolveCssValue(target, lookup, theme, [...seen, name]);
    else if (fallback.length && !seen.includes(name)) replacement = resolveCssValue(fallback.join(', '), lookup, theme, seen);
    else throw new Error(`cannot resolve ${value.slice(match.index, close)} (${[...seen, name].join(' → ')})`);
  }
  return resolveCssValue(`${value.slice(0, match.index)}${replacement}${value.slice(close)}`, lookup, theme, seen);
}

/** Every custom property of the stylesheet's first `:root` block, resolved for `theme`. */
export function colourTokens(css: string, theme: Theme = 'light'): Record<string, string> {
  const root = /:root\s*\{([^}]*)\}/.exec(css.replace(/\/\*[\s\S]*?\*\//g, ''));
  if (!root) throw new Error('no :root block in the token stylesheet');
  const raw = new Map([...(root[1] as string).matchAll(DECLARATION)].map((m) => [m[1] as string, (m[2] as string).trim()]));
  return Object.fromEntries([...raw].map(([name, value]) => [name, resolveCssValue(value, (n) => raw.get(n), theme, [name])]));
}
