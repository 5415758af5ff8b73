/** The frontier figure's text alternative: the sweep as a table and the reader's run in words, all from the lab's numbers. */
import type { FrontierPoint } from '../../lab/sae-sweep.ts';
import type { ReaderRun } from '../sae-dictionary/reader-run.ts';
import type { TextAlternative } from '../contract.ts';
import type { FrontierData } from './data.ts';
import type { Settings } from './settings.ts';
import { fixed2, fixed3, pointName, shownSweeps } from './view-model.ts';

export function runText(run: ReaderRun): string {
  const origin = run.trainedInBrowser ? 'Your run from the dictionary figure' : 'The dictionary figure’s default run';
  return `${origin} (${pointName(run)}, ${run.width} latents, seed ${run.seed}): L0 ${fixed2(run.l0)}, variance unexplained ${fixed3(run.fractionOfVarianceUnexplained)}, ${run.deadLatents} dead ${run.deadLatents === 1 ? 'latent' : 'latents'}, MMCS ${fixed3(run.mmcs)}.`;
}

export function describeFrontier(settings: Settings, data: FrontierData, run: ReaderRun): TextAlternative {
  const points: FrontierPoint[] = shownSweeps(data, settings).flat();
  return {
    summary:
      `The sparsity–fidelity frontier of a toy: sparse autoencoders with ${data.width} latents, trained by this site's lab (seed ${data.seed}) on 32 planted directions in 16 dimensions, about ${fixed2(data.trueL0)} active per input, along a sweep of the L1 penalty λ and of TopK's k. ` +
      `Each point gives L0 (active latents per input, the shared horizontal axis), the fraction of variance unexplained, dead latents and recovery (MMCS). ${runText(run)}`,
    table: {
      caption: 'Each SAE of the sweep',
      columns: ['Setting', 'L0', 'Variance unexplained', 'Dead latents', 'MMCS'],
      rows: points.map((p) => [pointName(p), fixed2(p.l0), fixed3(p.fractionOfVarianceUnexplained), `${p.deadLatents}`, fixed3(p.mmcs)]),
    },
  };
}
