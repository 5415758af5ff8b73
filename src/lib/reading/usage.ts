import type { Root } from 'mdast';
import { jsxAttribute, visitComponents } from '../content/authoring-checks.ts';

/**
 * How many times each component (`Cite`, `Term`, `Figure`…) uses each id in one article, in reading order.
 * Counted once per build while Astro compiles the article (remark-authoring), and read back by every page
 * that needs it through `remarkPluginFrontmatter.uses`, so no page parses an article's MDX again.
 */
export type ComponentUses = Record<string, Record<string, number>>;

export function countComponentUses(tree: Root): ComponentUses {
  const uses: ComponentUses = {};
  visitComponents(tree, (node) => {
    const id = jsxAttribute(node, 'id');
    if (!node.name || !id) return;
    const byId = (uses[node.name] ??= {});
    byId[id] = (byId[id] ?? 0) + 1;
  });
  return uses;
}

/** One component's uses as a Map (id → count, reading order); empty when the article has none. */
export function usesOf(uses: ComponentUses | undefined, component: string): Map<string, number> {
  return new Map(Object.entries(uses?.[component] ?? {}));
}
