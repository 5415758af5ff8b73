/**
 * The cosine matrix between planted (true) directions and a learned dictionary, with the learned directions
 * reordered so that matched pairs lie on the diagonal. Matching is greedy and one-to-one: take the most
 * similar (true, learned) pair still free, fix it, repeat. This is not the optimal assignment (the Hungarian
 * algorithm gives that), but each pair it fixes is the best one left, which is what the picture needs:
 * a bright diagonal where the dictionary found the truth, and a dim one where it did not.
 */

import { cosine } from './matrix.ts';

export interface OrderedDictionary {
  /** True direction shown in each row: those with a match first (by index), then any left without one. */
  rows: number[];
  /** Learned direction shown in each column: row r's match in column r, then the unmatched, most similar first. */
  columns: number[];
  /** cosines[r][c]: cosine of true direction rows[r] with learned direction columns[c] (4 decimals). */
  cosines: number[][];
  /** How many columns hold a one-to-one match (min(true count, learned count)). */
  matched: number;
}

function toFlat(rows: readonly (readonly number[])[]): Float64Array {
  return Float64Array.from(rows.flat());
}

export function orderDictionary(truth: readonly (readonly number[])[], learned: readonly (readonly number[])[]): OrderedDictionary {
  const d = truth[0]?.length ?? 0;
  const T = toFlat(truth);
  const L = toFlat(learned);
  const similarity = truth.map((_, t) => learned.map((_, l) => cosine(T, t * d, L, l * d, d)));
  const pairs = similarity.flatMap((row, t) => row.map((value, l) => ({ t, l, value }))).sort((a, b) => b.value - a.value || a.t - b.t || a.l - b.l);
  const latentOf = new Array<number>(truth.length).fill(-1);
  const taken = new Set<number>();
  let matched = 0;
  for (const { t, l } of pairs) {
    if (matched === Math.min(truth.length, learned.length)) break;
    if (latentOf[t] !== -1 || taken.has(l)) continue;
    latentOf[t] = l;
    taken.add(l);
    matched++;
  }
  // True features left without a latent (a dictionary smaller than the truth) go last, so the diagonal stays unbroken.
  const withMatch = truth.map((_, t) => t).filter((t) => latentOf[t]! >= 0);
  const rows = [...withMatch, ...truth.map((_, t) => t).filter((t) => latentOf[t] === -1)];
  const bestCosine = learned.map((_, l) => similarity.reduce((best, row) => Math.max(best, row[l]!), -Infinity));
  const rest = learned.map((_, l) => l).filter((l) => !taken.has(l)).sort((a, b) => bestCosine[b]! - bestCosine[a]! || a - b);
  const columns = [...withMatch.map((t) => latentOf[t]!), ...rest];
  return {
    rows,
    columns,
    cosines: rows.map((t) => columns.map((l) => Math.round(similarity[t]![l]! * 1e4) / 1e4)),
    matched,
  };
}
