import { join } from 'node:path';
import type { Root } from 'mdast';
import { jsxAttribute, visitComponents } from '../content/authoring-checks.ts';

/**
 * Each <Figure id="…"> in an MDX file gets its island as an `island` prop, imported by the file itself: Astro
 * then puts a figure's stylesheet only on the pages that render the entry using it (styles of components an
 * entry imports follow the entry), instead of every figure's stylesheet on every page of the route.
 */
export function importFigureIslands(tree: Root, root: string): void {
  const names = new Map<string, string>();
  visitComponents(tree, (node) => {
    if (node.name !== 'Figure') return;
    const id = jsxAttribute(node, 'id');
    if (!id) return;
    const name = names.get(id) ?? `FigureIsland${names.size}`;
    names.set(id, name);
    node.attributes.push({ type: 'mdxJsxAttribute', name: 'island', value: { type: 'mdxJsxAttributeValueExpression', value: name, data: { estree: program([{ type: 'ExpressionStatement', expression: { type: 'Identifier', name } }]) } } });
  });
  const imports = [...names].map(([id, name]) => {
    const path = join(root, 'src/figures', id, 'Island.astro');
    const declaration = { type: 'ImportDeclaration', specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name } }], source: { type: 'Literal', value: path, raw: JSON.stringify(path) }, attributes: [] };
    return { type: 'mdxjsEsm' as const, value: `import ${name} from ${JSON.stringify(path)};`, data: { estree: program([declaration]) } };
  });
  tree.children.unshift(...(imports as unknown as Root['children']));
}

/** The estree program MDX compiles an injected expression or import from. */
function program(body: object[]) {
  return { type: 'Program', sourceType: 'module', body, comments: [] } as never;
}
