import { visit, SKIP } from 'unist-util-visit';
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { eachNode } from './each-node.ts';

const isElement = (node: unknown): node is Element => (node as Element | undefined)?.type === 'element';

interface JsxElement {
  type: 'mdxJsxTextElement' | 'mdxJsxFlowElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: ElementContent[];
}

const span = (className: string, children: ElementContent[]): Element => ({ type: 'element', tagName: 'span', properties: { className: [className] }, children });

/**
 * An inert visual copy of a footnote: no ids (they stay unique), no back-reference, no links or
 * components that could take focus. A citation keeps its number as text.
 */
function inertCopy(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    const jsx = node as unknown as JsxElement;
    if (jsx.type === 'mdxJsxTextElement' || jsx.type === 'mdxJsxFlowElement') {
      if (jsx.name === 'Cite') {
        const n = jsx.attributes.find((a) => a.name === 'n')?.value;
        return [span('sidenote-cite', [{ type: 'text', value: `[${String(n ?? '')}]` }])];
      }
      return inertCopy(jsx.children);
    }
    if (!isElement(node)) return [structuredClone(node)];
    if (node.properties.dataFootnoteBackref !== undefined) return [];
    if (node.tagName === 'a') return [span('sidenote-link', inertCopy(node.children))];
    const { id: _id, ...properties } = node.properties;
    return [{ ...node, properties, children: inertCopy(node.children) }];
  });
}

/**
 * Puts a copy of each GFM footnote beside the paragraph that cites it, at build time. CSS shows these
 * side notes in the margin on wide screens and keeps the numbered notes at the end otherwise. The copy is
 * inert and hidden from assistive technology and search, so nothing is focused, read or indexed twice;
 * the numbered notes at the end stay the accessible original.
 */
export function rehypeSidenotes() {
  return (tree: Root) => {
    const notes = new Map<string, ElementContent[]>();
    eachNode<Nodes>(tree, (node) => {
      if (node.type === 'element' && node.tagName === 'li' && typeof node.properties.id === 'string' && node.properties.id.includes('fn-')) {
        notes.set(node.properties.id, node.children);
      }
    });
    if (notes.size === 0) return;
    visit(tree, 'element', (block, index, parent) => {
      if (!['p', 'li'].includes(block.tagName) || !parent || index === undefined) return;
      if (typeof block.properties.id === 'string' && notes.has(block.properties.id)) return SKIP;
      const asides: Element[] = [];
      visit(block, 'element', (ref) => {
        if (ref.tagName !== 'a' || ref.properties.dataFootnoteRef === undefined) return;
        const target = String(ref.properties.href ?? '').replace(/^#/, '');
        const content = notes.get(target);
        if (!content) return;
        const label = ref.children.map((c) => ('value' in c ? c.value : '')).join('');
        asides.push({
          type: 'element',
          tagName: 'aside',
          properties: { className: ['sidenote'], ariaHidden: 'true', dataPagefindIgnore: true },
          children: [{ type: 'element', tagName: 'span', properties: { className: ['sidenote-number'] }, children: [{ type: 'text', value: label }] }, ...inertCopy(content)],
        });
      });
      if (asides.length === 0) return;
      if (block.tagName === 'li') {
        block.children.unshift(...asides); // an aside may not stand between list items
        return SKIP;
      }
      parent.children.splice(index, 0, ...asides);
      return [SKIP, index + asides.length + 1];
    });
  };
}
