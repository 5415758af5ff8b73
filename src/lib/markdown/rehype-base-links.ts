import type { Nodes, Root } from 'hast';
import { eachNode } from './each-node.ts';

/**
 * Prefixes root-relative links and sources in content with the deployment base path (Astro does not), and
 * gives each such link its absolute address in `data-print-url`, which print.css writes out after it.
 */
export function rehypeBaseLinks(options: { base: string; site: string }) {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  return (tree: Root) => {
    eachNode<Nodes>(tree, (node) => {
      if (node.type !== 'element') return;
      for (const attr of ['href', 'src'] as const) {
        const value = node.properties[attr];
        if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) continue;
        const path = value.startsWith(base) ? value : base + value.slice(1);
        node.properties[attr] = path;
        if (attr === 'href') node.properties.dataPrintUrl = new URL(path, options.site).href;
      }
    });
  };
}
