/**
 * "An attribution graph of a toy model": the atlas network (src/lab/atlas/) with one TopK transcoder per layer;
 * for one two-step prompt, its features, error nodes and direct contributions (exact for the local replacement),
 * pruned at a threshold, with a swap of the "state" feature in the real network beside it.
 */
import { defineFigure } from '../contract.ts';
import data from './data.json' with { type: 'json' };
import type { AttributionFigureData } from './data.ts';
import { describeAttribution } from './describe.ts';
import { params } from './settings.ts';

export default defineFigure({
  id: 'attribution-graph',
  title: 'An attribution graph of a toy model',
  description: 'The features, error nodes and direct contributions behind one two-step answer of a small network trained on a synthetic atlas, and what swapping its “state” feature does to the real network.',
  params,
  data: data as AttributionFigureData,
  embedHeight: 1500,
  credit: {
    credit: 'Figure by Grown, not built; the network, the transcoders and the graphs come from the site’s lab (src/lab/atlas/), a miniature of the circuit-tracing method of Ameisen et al. (2025).',
    licence: 'CC BY 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
  },
  describe(values, d) {
    return describeAttribution(values, d);
  },
});
