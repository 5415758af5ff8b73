/**
 * "Superposition explorer" — the toy model of superposition (src/lab/superposition.ts, after Elhage et al.,
 * 2022) trained live in the lab's Web Worker. The reader sets n, m, sparsity and importance decay and watches
 * the feature directions, WᵀW and the per-feature bars form; the linear model can be trained beside it.
 */
import { defineFigure } from '../contract.ts';
import data from './data.json' with { type: 'json' };
import type { ExplorerData } from './data.ts';
import { describeResults } from './describe.ts';
import { params } from './settings.ts';

export default defineFigure({
  id: 'superposition-explorer',
  title: 'Superposition explorer',
  description: 'Train a toy model of superposition in your browser: choose the number of features, hidden dimensions, sparsity and importance, and watch the features arrange themselves.',
  params,
  data: data as ExplorerData,
  embedHeight: 1250,
  credit: {
    credit: 'Figure by Grown, not built; the model is trained by the site’s lab (src/lab/superposition.ts), after Elhage et al. (2022).',
    licence: 'CC BY 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
  },
  /** Describes the build-time results, which were trained at the defaults (the only settings known without training). */
  describe(values, d) {
    return describeResults(d.relu, values.linear ? d.linear : undefined);
  },
});
