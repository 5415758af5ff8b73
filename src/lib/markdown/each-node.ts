import type { Node } from 'unist';

/**
 * Calls `fn` on every node of a unist tree (mdast or hast), parents before children, in document order: what
 * unist-util-visit does for a read-only pass, without the closure and ancestors array it allocates per node (about a
 * megabyte an article over the site's passes, measured, which the build's garbage collector then pays for). Use
 * unist-util-visit where a visitor needs a node's parent, or skips or replaces nodes.
 */
export function eachNode<N extends Node>(node: N, fn: (node: N) => void): void {
  fn(node);
  const children = (node as { children?: N[] }).children;
  if (children) for (const child of children) eachNode(child, fn);
}
