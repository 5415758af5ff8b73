/**
 * "Induction heads form" — a two-layer attention-only transformer (src/lab/induction.ts, after Olsson et al.,
 * 2022) and a one-layer control, trained on sequences with a repeated block. The reader scrubs through the
 * build-time run's checkpoints, looks at every head's attention pattern, ablates heads, and trains other seeds
 * or the fixed-distance shortcut in the lab's Web Worker.
 */
import { defineFigure } from '../contract.ts';
import data from './data.json' with { type: 'json' };
import type { InductionFigureData } from './data.ts';
import { describeResults } from './describe.ts';
import { params } from './settings.ts';

export default defineFigure({
  id: 'induction-heads',
  title: 'Induction heads form',
  description: 'Train a tiny two-layer transformer in your browser and watch a previous-token head and an induction head form at a measured step; compare a one-layer model and ablate heads.',
  params,
  data: data as InductionFigureData,
  embedHeight: 1250,
  credit: {
    credit: 'Figure by Grown, not built; the models are trained by the site’s lab (src/lab/induction.ts), after Olsson et al. (2022).',
    licence: 'CC BY 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
  },
  /** Describes the build-time results (the defaults), at the checkpoint the settings pick. */
  describe(values, d) {
    return describeResults(d.twoLayer, d.oneLayer, values.checkpoint);
  },
});
