/**
 * Build-time lab output for the dictionary figure: the SAE of the planted-dictionary experiment trained once
 * at the figure's defaults (src/lab/sae-experiment.ts). The server render draws it; a reader's run replaces it.
 * `npx node src/figures/precompute.ts sae-dictionary` writes data.json.
 */
import { trainSae, type SaeResult } from '../../lab/sae.ts';
import { experimentParams } from '../../lab/sae-experiment.ts';

export interface DictionaryData {
  result: SaeResult;
}

export async function computeData(): Promise<DictionaryData> {
  return { result: (await trainSae(experimentParams())).result };
}
