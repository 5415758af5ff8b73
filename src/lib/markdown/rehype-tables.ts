import type { Nodes, Root } from 'hast';
import { eachNode } from './each-node.ts';

const rowContainers = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

/**
 * Tables written the way MDX's compiler writes the ones it turns into JSX, for the ones @astrojs/mdx's `optimize`
 * leaves as static HTML: a column's alignment (`| --: |`) as `style="text-align:…"` instead of the `align`
 * attribute HTML has made obsolete, and no line breaks between rows and cells.
 */
export function rehypeTables() {
  return (tree: Root) => {
    eachNode<Nodes>(tree, (node) => {
      if (node.type !== 'element') return;
      if (rowContainers.has(node.tagName)) {
        node.children = node.children.filter((child) => child.type !== 'text' || child.value !== '\n');
        return;
      }
      if (node.tagName !== 'td' && node.tagName !== 'th') return;
      const { align, style } = node.properties;
      if (typeof align !== 'string') return;
      node.properties.style = `${typeof style === 'string' && style ? `${style};` : ''}text-align:${align}`;
      delete node.properties.align;
    });
  };
}
