/**
 * The registered figures, node-side, for browser tests that run for every figure: the ids come from
 * figureFolders() (the registry's rule), the declarations from each folder's figure.ts. A new figure folder
 * gets every generic check by existing.
 */
import { figureAnchor, figureFolders, type FigureDefinition } from '../../../src/figures/contract.ts';
import { defaultValues, paramKey, snapToStep, type ParamDecl, type ParamDecls, type ParamValues } from '../../../src/lib/url-state.ts';

export const figureIds: readonly string[] = figureFolders();

export async function loadFigure(id: string): Promise<FigureDefinition> {
  return ((await import(`../../../src/figures/${id}/figure.ts`)) as { default: FigureDefinition }).default;
}

export const embedPath = (id: string) => `embed/${id}/`;

/** A valid value other than the default: one step up (down at the maximum), another option, the other state. */
function otherValue(decl: ParamDecl): unknown {
  const step = (value: number, d: { min: number; max: number; step: number }) => snapToStep(value + d.step <= d.max ? value + d.step : value - d.step, d.min, d.step);
  switch (decl.kind) {
    case 'number':
      return step(decl.default, decl);
    case 'vector':
      return decl.default.map((v) => step(v, decl));
    case 'choice':
      return decl.options.find((o) => o.value !== decl.default)!.value;
    case 'toggle':
      return !decl.default;
  }
}

/** Every parameter moved off its default: the state a shared link carries in the checks below. */
export function otherValues<P extends ParamDecls>(decls: P): ParamValues<P> {
  const values = defaultValues(decls) as Record<string, unknown>;
  for (const [name, decl] of Object.entries(decls)) values[name] = otherValue(decl);
  return values as ParamValues<P>;
}

/** The text alternative's table rows at the defaults: what the server render and print must show. */
export function defaultRowCount(figure: FigureDefinition): number {
  return figure.describe(defaultValues(figure.params), figure.data).table.rows.length;
}

export { defaultValues, figureAnchor, paramKey };
