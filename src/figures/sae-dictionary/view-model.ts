/**
 * What the dictionary figure shows for one SAE result, computed from the lab's output: the planted × latent
 * cosine matrix ordered so matches lie on the diagonal (src/lab/dictionary-order.ts), how many planted
 * directions were found, and the example input's latents with the planted direction each is closest to.
 * The drawing, the text alternative and the announcements all read this one object.
 */
import { format } from 'd3-format';
import { orderDictionary, type OrderedDictionary } from '../../lab/dictionary-order.ts';
import type { SaeResult } from '../../lab/sae.ts';

export const fixed2 = format('.2f');
export const fixed3 = format('.3f');
export const integer = format(',d');

/** A planted direction counts as found when some latent's decoder direction has at least this cosine with it. */
export const foundCosine = 0.9;

export interface ActiveLatent {
  /** Latent index (from 0) and its activation on the example input. */
  latent: number;
  activation: number;
  /** The planted direction this latent's decoder direction is closest to, and their cosine. */
  closest: number;
  cosine: number;
}

export interface DictionaryView {
  result: SaeResult;
  ordered: OrderedDictionary;
  /** Planted directions whose best latent has cosine ≥ foundCosine (from the lab's matches, as MMCS). */
  found: number;
  planted: number;
  exampleLatents: ActiveLatent[];
}

function closestPlanted(ordered: OrderedDictionary, latent: number): { closest: number; cosine: number } {
  const column = ordered.columns.indexOf(latent);
  let best = { closest: -1, cosine: -Infinity };
  ordered.rows.forEach((planted, r) => {
    const value = ordered.cosines[r]![column]!;
    if (value > best.cosine) best = { closest: planted, cosine: value };
  });
  return best;
}

const views = new WeakMap<SaeResult, DictionaryView>();

/** The view of a result (cached: the same result gives the same object, so its drawing need not redo work). */
export function dictionaryView(result: SaeResult): DictionaryView {
  const cached = views.get(result);
  if (cached) return cached;
  const ordered = orderDictionary(result.truth, result.decoder);
  const view: DictionaryView = {
    result,
    ordered,
    found: result.matches.filter((match) => match.cosine >= foundCosine).length,
    planted: result.truth.length,
    exampleLatents: result.example.latents.map(({ latent, activation }) => ({ latent, activation, ...closestPlanted(ordered, latent) })),
  };
  views.set(result, view);
  return view;
}

/** "L1, λ = 0.30" or "TopK, k = 2". */
export function methodText(p: SaeResult['params']): string {
  return p.variant === 'l1' ? `L1, λ = ${fixed2(p.l1Coefficient)}` : `TopK, k = ${p.k}`;
}
