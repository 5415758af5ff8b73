import { visit } from 'unist-util-visit';
import type { Root, Element } from 'hast';

/** Prefixes root-relative links and sources in content with the deployment base path (Astro does not). */
export function rehypeBaseLinks(options: { base: string }) {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  return (tree: Root) => {
    if (base === '/') return;
    visit(tree, 'element', (node: Element) => {
      for (const attr of ['href', 'src'] as const) {
        const value = node.properties[attr];
        if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith(base)) {
          node.properties[attr] = base + value.slice(1);
        }
      }
    });
  };
}
