/**
 * The Island.astro wrapper of every figure, by id. A wrapper imports its Preact island directly and adds
 * client:visible, which is the only way Astro hydrates a component. The catalogue and the embed page look
 * wrappers up here; articles import theirs (src/lib/markdown/figure-islands.ts), so a page carries only its
 * figures' stylesheets.
 */
import type { FigureIslandProps } from './contract.ts';

export type IslandComponent = (props: FigureIslandProps) => unknown;

const wrappers = import.meta.glob<{ default: IslandComponent }>('./*/Island.astro', { eager: true });

export function islandFor(id: string): IslandComponent {
  const wrapper = wrappers[`./${id}/Island.astro`];
  if (!wrapper) throw new Error(`Figure "${id}" has no src/figures/${id}/Island.astro`);
  return wrapper.default;
}
