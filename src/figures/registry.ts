/**
 * Every registered figure: each folder `src/figures/<id>/` with a `figure.ts` — the rule of figureFolders()
 * in contract.ts, written here as the static glob Vite needs (a test checks the two agree). Adding a folder
 * registers the figure; nothing else is edited.
 */
import type { FigureDefinition } from './contract.ts';

const modules = import.meta.glob<{ default: FigureDefinition }>('./*/figure.ts', { eager: true });

function load(): FigureDefinition[] {
  return Object.entries(modules)
    .map(([path, module]) => {
      const folder = path.split('/')[1];
      const figure = module.default;
      if (!figure || figure.id !== folder) {
        throw new Error(`src/figures/${folder}/figure.ts must default-export defineFigure({ id: '${folder}', … })`);
      }
      return figure;
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

export const figures: readonly FigureDefinition[] = load();

export function getFigure(id: string): FigureDefinition {
  const figure = figures.find((f) => f.id === id);
  if (!figure) throw new Error(`Unknown figure id "${id}": no src/figures/${id}/figure.ts`);
  return figure;
}
