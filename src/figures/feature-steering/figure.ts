/**
 * "Turning a feature up" — the Golden Gate miniature (src/lab/steering/): a tiny next-word model on a synthetic
 * five-topic grammar, a TopK SAE on its hidden layer, and a "bridges" latent clamped while the model writes.
 * The reader moves the clamp α over the lab's grid, picks how the latent was chosen and a control, and trains
 * other seeds in the lab's Web Worker.
 */
import { defineFigure } from '../contract.ts';
import data from './data.json' with { type: 'json' };
import type { SteeringFigureData } from './data.ts';
import { describeSteering } from './describe.ts';
import { params } from './settings.ts';

export default defineFigure({
  id: 'feature-steering',
  title: 'Turning a feature up',
  description: 'Clamp a “bridges” feature of a tiny language model trained in your browser, and compare it with a random latent, a random direction and a prompt.',
  params,
  data: data as SteeringFigureData,
  embedHeight: 1400,
  credit: {
    credit: 'Figure by Grown, not built; the model, the SAE and the samples come from the site’s lab (src/lab/steering/), a miniature of the steering experiments of Templeton et al. (2024).',
    licence: 'CC BY 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
  },
  describe(values, d) {
    return describeSteering(values, d.result);
  },
});
