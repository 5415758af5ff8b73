/**
 * A figure's drawing for its link preview: the first drawing (an <svg role="img"> or "group") of the figure's server
 * render that resvg can draw faithfully, with the stylesheet rules that apply to it embedded as a <style>
 * (values resolved, src/lib/social/figure-styles.ts) inside groups that carry the classes of the HTML
 * elements around it, so descendant selectors such as `.fig svg text` still match. A drawing is passed over
 * when a rule that may apply to it, or its own markup, keeps a value resvg cannot draw (a var() set inline by
 * the figure, color-mix(), …); a figure with no such drawing gets a title card.
 */
import { selectorClasses, selectorTypes, styleText, type SvgRule } from './figure-styles.ts';

export interface FigureDrawing {
  /** The drawing's own coordinate box (its viewBox). */
  width: number;
  height: number;
  /** What the drawing shows (its aria-label), for the card's alt text. */
  label: string;
  /** SVG content in the drawing's coordinates: a <style> and the drawing inside its class groups. */
  markup: string;
}

const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
/** A drawing is an <svg> with a role: "img", or "group" for one whose parts take focus (an explorable graph). */
const DRAWING_ROLES = new Set(['img', 'group']);
const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const attribute = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const decodeText = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] as string);

interface Candidate {
  svg: string;
  attrs: string;
  /** Class lists of the enclosing HTML elements, outermost first. */
  ancestors: string[];
  /** Names of the enclosing HTML elements. */
  ancestorNames: string[];
}

/** Every drawing of the HTML (not those inside another), with its enclosing elements' classes and names. */
function drawings(html: string): Candidate[] {
  const found: Candidate[] = [];
  const open: { name: string; classes: string | undefined }[] = [];
  let start: { index: number; attrs: string; ancestors: string[]; ancestorNames: string[]; depth: number } | null = null;
  for (const m of html.matchAll(TAG)) {
    const [tag, closing, rawName, attrs = '', selfClosing] = m;
    const name = (rawName as string).toLowerCase();
    if (closing) {
      const index = open.map((e) => e.name).lastIndexOf(name);
      if (index >= 0) open.length = index;
      if (start && name === 'svg' && open.length === start.depth) {
        const { index, attrs, ancestors, ancestorNames } = start;
        found.push({ svg: html.slice(index, (m.index as number) + tag.length), attrs, ancestors, ancestorNames });
        start = null;
      }
    } else if (!selfClosing && !VOID.has(name)) {
      if (!start && name === 'svg' && DRAWING_ROLES.has(attribute(attrs, 'role') ?? '')) {
        const ancestors = open.flatMap((e) => (e.classes ? [e.classes] : []));
        start = { index: m.index as number, attrs, ancestors, ancestorNames: open.map((e) => e.name), depth: open.length };
      }
      open.push({ name, classes: attribute(attrs, 'class') });
    }
  }
  return found;
}

/** Whether every class and element name `rule` requires is in the drawing or around it: then it may apply (and must render). */
const mayApply = (rule: SvgRule, present: { classes: Set<string>; names: Set<string> }) =>
  selectorClasses(rule.selector).every((c) => present.classes.has(c)) && selectorTypes(rule.selector).every((n) => present.names.has(n));

/** The figure's first drawing that resvg draws as a browser would; undefined when it has none. */
export function figureDrawing(html: string, rules: SvgRule[]): FigureDrawing | undefined {
  for (const { svg, attrs, ancestors, ancestorNames } of drawings(html)) {
    const viewBox = attribute(attrs, 'viewBox')?.split(/[\s,]+/).map(Number);
    if (!viewBox || viewBox.length !== 4 || svg.includes('var(')) continue;
    const classes = new Set([...ancestors, ...[...svg.matchAll(/\sclass="([^"]*)"/g)].map((m) => m[1] as string)].flatMap((c) => c.split(/\s+/)));
    const names = new Set([...ancestorNames, ...[...svg.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1] as string)]);
    const applying = rules.filter((r) => mayApply(r, { classes, names }));
    if (applying.some((r) => r.unresolved.length)) continue;
    const [, , width, height] = viewBox as [number, number, number, number];
    const groups = ancestors.map((c) => `<g class="${c}">`).join('');
    return {
      width,
      height,
      label: decodeText(attribute(attrs, 'aria-label') ?? ''),
      markup: `<style>${styleText(applying)}</style>${groups}${svg}${'</g>'.repeat(ancestors.length)}`,
    };
  }
  return undefined;
}
