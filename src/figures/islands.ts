/**
 * The Island.astro wrapper of every figure, by id. A wrapper imports its Preact island directly and adds
 * client:visible, which is the only way Astro hydrates a component; the Figure frame and the embed page
 * render the wrapper they look up here.
 */
import type { FigureIslandProps } from './contract.ts';

type AstroComponent = (props: FigureIslandProps) => unknown;

const wrappers = import.meta.glob<{ default: AstroComponent }>('./*/Island.astro', { eager: true });

export function islandFor(id: string): AstroComponent {
  const wrapper = wrappers[`./${id}/Island.astro`];
  if (!wrapper) throw new Error(`Figure "${id}" has no src/figures/${id}/Island.astro`);
  return wrapper.default;
}
