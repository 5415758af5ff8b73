/**
 * The site's colours for images drawn outside a browser (link previews): read from the custom properties in
 * src/styles/tokens.css, so that file stays the one place a colour is written. `light-dark(a, b)` resolves to
 * the theme asked for; `var(--x)` to what --x resolves to.
 */
export type Theme = 'light' | 'dark';

const DECLARATION = /(--[\w-]+)\s*:\s*([^;]+);/g;

/** Splits the two arguments of light-dark(), respecting nested parentheses (rgb(0 0 0 / 0.1)). */
function lightDarkArguments(inner: string): [string, string] {
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) return [inner.slice(0, i).trim(), inner.slice(i + 1).trim()];
  }
  throw new Error(`light-dark() needs two arguments: light-dark(${inner})`);
}

/** Every custom property of the stylesheet's first `:root` block, resolved for `theme`. */
export function colourTokens(css: string, theme: Theme = 'light'): Record<string, string> {
  const root = /:root\s*\{([^}]*)\}/.exec(css.replace(/\/\*[\s\S]*?\*\//g, ''));
  if (!root) throw new Error('no :root block in the token stylesheet');
  const raw = new Map([...(root[1] as string).matchAll(DECLARATION)].map((m) => [m[1] as string, (m[2] as string).trim()]));
  const resolve = (value: string, seen: string[]): string => {
    const lightDark = /^light-dark\((.*)\)$/s.exec(value);
    if (lightDark) return resolve(lightDarkArguments(lightDark[1] as string)[theme === 'light' ? 0 : 1], seen);
    const reference = /^var\((--[\w-]+)\)$/.exec(value);
    if (!reference) return value;
    const name = reference[1] as string;
    const target = raw.get(name);
    if (target === undefined || seen.includes(name)) throw new Error(`cannot resolve ${value} (${[...seen, name].join(' → ')})`);
    return resolve(target, [...seen, name]);
  };
  return Object.fromEntries([...raw].map(([name, value]) => [name, resolve(value, [name])]));
}
