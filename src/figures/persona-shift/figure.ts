/**
 * "Persona shift" — the emergent-misalignment toy (src/lab/persona-shift/) trained in the lab's Web Worker:
 * narrow fine-tuning on harmful code, the rate in the domains it never touched, its controls, model diffing
 * against the planted persona direction, and steering and re-alignment read from the run's grids.
 */
import { defineFigure } from '../contract.ts';
import data from './data.json' with { type: 'json' };
import type { PersonaShiftData } from './data.ts';
import { describeResult } from './describe.ts';
import { params } from './settings.ts';

export default defineFigure({
  id: 'persona-shift',
  title: 'Persona shift: narrow fine-tuning, broad change',
  description: 'Fine-tune a small network on harmful code and watch the harmful-answer rate rise in domains it never saw, through a planted villain persona; switch the controls, compare directions, steer and re-align.',
  params,
  // JSON imports widen the lab's literal options ("shared" | …) to string; data.ts wrote exactly this shape.
  data: data as unknown as PersonaShiftData,
  embedHeight: 1500,
  credit: {
    credit: 'Figure by Grown, not built; the network is trained by the site’s lab (src/lab/persona-shift/), a toy after the finding of Betley et al. (2025).',
    licence: 'CC BY 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
  },
  describe(values, d) {
    return describeResult(d.result, values.steer, Number(values.realign));
  },
});
