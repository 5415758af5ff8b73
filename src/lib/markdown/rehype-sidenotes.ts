import { visit, SKIP } from 'unist-util-visit';
import type { Element, ElementContent, Root } from 'hast';

const isElement = (node: unknown): node is Element => (node as Element | undefined)?.type === 'element';

/** Copy of a footnote's content without ids (they stay unique) and without its back-reference link. */
function stripForSidenote(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (!isElement(node)) return [structuredClone(node)];
    if (node.properties.dataFootnoteBackref !== undefined) return [];
    const { id: _id, ...properties } = node.properties;
    return [{ ...node, properties, children: stripForSidenote(node.children) }];
  });
}

/**
 * Puts a copy of each GFM footnote beside the paragraph that cites it, at build time. CSS shows these
 * side notes in the margin on wide screens and keeps the numbered notes at the end otherwise; the copy
 * is hidden from assistive technology and search so nothing is read or indexed twice.
 */
export function rehypeSidenotes() {
  return (tree: Root) => {
    const notes = new Map<string, ElementContent[]>();
    visit(tree, 'element', (node) => {
      if (node.tagName === 'li' && typeof node.properties.id === 'string' && node.properties.id.includes('fn-')) {
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
          children: [{ type: 'element', tagName: 'span', properties: { className: ['sidenote-number'] }, children: [{ type: 'text', value: label }] }, ...stripForSidenote(content)],
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
