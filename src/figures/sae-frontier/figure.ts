/**
 * "The sparsity–fidelity frontier": the planted-dictionary SAE trained along sweeps of λ (L1) and k (TopK) at
 * build time (src/lab/sae-sweep.ts), with the reader's run from the dictionary figure drawn as a point.
 */
import { experimentDefaults } from '../../lab/sae-experiment.ts';
import { defineFigure } from '../contract.ts';
import data from './data.json' with { type: 'json' };
import type { FrontierData } from './data.ts';
import { describeFrontier } from './describe.ts';
import { params } from './settings.ts';
import { defaultRun } from './view-model.ts';

export default defineFigure({
  id: 'sae-frontier',
  title: 'The sparsity–fidelity frontier',
  description: 'How many latents a sparse autoencoder uses against how much of its input it fails to rebuild, along sweeps of the L1 penalty and of TopK’s k, with dead latents and recovery on linked axes.',
  params,
  data: data as FrontierData,
  embedHeight: 900,
  credit: {
    credit: 'Figure by Grown, not built; the SAEs are trained by the site’s lab (src/lab/sae-sweep.ts) when the site is built.',
    licence: 'CC BY 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
  },
  /** The sweep, and the reader's run when the island passes one (else the dictionary figure's default run). */
  describe(values, d) {
    return describeFrontier(values, d, d.run ?? defaultRun(d, experimentDefaults.l1Coefficient, experimentDefaults.featureProbability));
  },
});
