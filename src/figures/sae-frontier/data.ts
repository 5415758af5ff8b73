/**
 * Build-time lab output for the frontier figure: the planted-dictionary experiment trained along a sweep of
 * λ (L1) and of k (TopK), one seed each (src/lab/sae-sweep.ts). Seventeen SAEs, about 25 s in Node, which is
 * why it is computed here and not in the reader's browser.
 * `npx node src/figures/precompute.ts sae-frontier` writes data.json.
 */
import { sweepFrontier, type Frontier } from '../../lab/sae-sweep.ts';
import type { ReaderRun } from '../sae-dictionary/reader-run.ts';

/** The sweep; the island adds `run`, the reader's SAE from the dictionary figure, to the data it describes. */
export type FrontierData = Frontier & { run?: ReaderRun };

export async function computeData(): Promise<FrontierData> {
  return sweepFrontier();
}
