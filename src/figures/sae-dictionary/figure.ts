/**
 * "An SAE's dictionary against the planted truth": the planted-dictionary experiment of the sparse-autoencoder
 * article (src/lab/sae-experiment.ts), trained in the lab's Web Worker. The reader picks L1 or TopK, λ or k,
 * the dictionary size, how often planted features are on, and the seed.
 */
import { defineFigure } from '../contract.ts';
import data from './data.json' with { type: 'json' };
import type { DictionaryData } from './data.ts';
import { describeResult } from './describe.ts';
import { params } from './settings.ts';

export default defineFigure({
  id: 'sae-dictionary',
  title: 'An SAE’s dictionary against the planted truth',
  description: 'Train a sparse autoencoder in your browser on data built from 32 known directions, and see how many of them its dictionary recovers.',
  params,
  data: data as DictionaryData,
  embedHeight: 1300,
  credit: {
    credit: 'Figure by Grown, not built; the SAE is trained by the site’s lab (src/lab/sae.ts) on planted data after Sharkey, Braun and Millidge (2022).',
    licence: 'CC BY 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
  },
  /** Describes the result shown: the build-time one (trained at the defaults), or the reader's run. */
  describe(_values, d) {
    return describeResult(d.result);
  },
});
