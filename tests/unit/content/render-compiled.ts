/**
 * The HTML a compiled article renders, for tests of what the pipeline puts where: the compiled module runs with a
 * small JSX runtime that writes elements as HTML, keeps the static HTML MDX's optimisation made (`set:html`) as
 * it is, and writes each kit component as a tag of its own name with its props (`<Cite id="…" n="1">`).
 * Articles that import modules cannot run here; compare their compiled code instead.
 */
const fragment = Symbol('Fragment');
const kitNames = ['Cite', 'Term', 'Figure', 'LabValue', 'Aside', 'Question', 'DiscussionPrompts'];

type Rendered = { html: string };
type Child = Rendered | string | number | boolean | null | undefined | Child[];

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const escapeAttribute = (value: string) => escapeText(value).replace(/"/g, '&quot;');
/** A style object as MDX's compiler writes one ({ textAlign: 'right' }) in CSS text. */
const styleText = (style: object) => Object.entries(style).map(([name, value]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${value}`).join(';');
const html = (child: Child): string =>
  Array.isArray(child) ? child.map(html).join('') : child == null || typeof child === 'boolean' ? '' : typeof child === 'object' ? child.html : escapeText(String(child));

function jsx(type: string | symbol, { children, 'set:html': inner, ...props }: Record<string, unknown> & { children?: Child; 'set:html'?: string }): Rendered {
  const content = inner ?? html(children);
  if (type === fragment) return { html: content };
  const attributes = Object.entries(props)
    .filter(([, value]) => value !== false && value != null)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttribute(value && typeof value === 'object' ? styleText(value) : String(value))}"`))
    .join('');
  return { html: `<${String(type)}${attributes}>${content}</${String(type)}>` };
}

export function renderCompiled(code: string): string {
  const body = code
    .replace(/^import \{[^}]*\} from "astro\/jsx-runtime";$/m, '')
    .replace(/^export default function MDXContent/m, 'function MDXContent')
    .replace(/^export (const|function) /gm, '$1 ');
  if (/^import /m.test(body)) throw new Error('renderCompiled: the article imports modules; compare its compiled code instead');
  const MDXContent = new Function('_Fragment', '_jsx', '_jsxs', `${body}\nreturn MDXContent;`)(fragment, jsx, jsx) as (props: object) => Rendered;
  const components = Object.fromEntries([['Fragment', fragment], ...kitNames.map((name) => [name, name])]);
  return MDXContent({ components }).html;
}
