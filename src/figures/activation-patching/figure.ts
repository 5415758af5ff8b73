/**
 * "Activation patching" — the atlas network of src/lab/atlas/ (a two-step question, Dallas → Texas → Austin in
 * miniature): the reader picks a clean and a corrupted prompt, the direction and the metric, and every cell of
 * the grid is a real forward pass of the build-time model, run in the browser (see checkpoint.ts).
 */
import { defineFigure } from '../contract.ts';
import data from './data.json' with { type: 'json' };
import type { ActivationPatchingData } from './data.ts';
import { describePatching } from './describe.ts';
import { params } from './settings.ts';

export default defineFigure({
  id: 'activation-patching',
  title: 'Activation patching: which part of the network carries the answer?',
  description: 'Patch activations between a clean and a corrupted prompt in a small network trained on a synthetic atlas, site by site, in both directions and with three metrics, and see how much of the answer each site restores or destroys.',
  params,
  // JSON imports widen the lab's literal unions (site and part names) to string; data.ts wrote exactly this shape.
  data: data as unknown as ActivationPatchingData,
  embedHeight: 1600,
  credit: {
    credit: 'Figure by Grown, not built; the network is trained by the site’s lab (src/lab/atlas/), a toy after the two-step case study of Lindsey et al. (2025); patching after Heimersheim & Nanda (2024).',
    licence: 'CC BY 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
  },
  describe(values, d) {
    return describePatching(values, d.view);
  },
});
