import type { Root } from 'mdast';
import { jsxAttribute, visitComponents } from '../content/authoring-checks.ts';
import { parseMdxBody, splitFrontmatter } from '../content/site-index.ts';

/**
 * How many times each id is used by a component (`Cite`, `Term`…) in an MDX source, in reading order.
 * Parses like the authoring step does, so code blocks and prose never count.
 */
export function componentUses(source: string, component: string): Map<string, number> {
  const uses = new Map<string, number>();
  let tree: Root;
  try {
    tree = parseMdxBody(splitFrontmatter(source).body);
  } catch {
    return uses; // the authoring step reports syntax errors with their position
  }
  visitComponents(tree, (node) => {
    if (node.name !== component) return;
    const id = jsxAttribute(node, 'id');
    if (id) uses.set(id, (uses.get(id) ?? 0) + 1);
  });
  return uses;
}
