/** The frontier figure's parameters: which sweeps to draw, and the scale of the reconstruction-error axis. */
import { choiceParam, toggleParam, type ParamValues } from '../../lib/url-state.ts';

export const params = {
  curves: choiceParam({
    label: 'Sweeps shown',
    description: 'Draw the λ sweep of the L1 SAE, the k sweep of the TopK SAE, or both.',
    default: 'both',
    options: [
      { value: 'both', label: 'L1 and TopK' },
      { value: 'l1', label: 'L1 only' },
      { value: 'topk', label: 'TopK only' },
    ],
  }),
  logError: toggleParam({ label: 'Log scale for variance unexplained', description: 'Show the fraction of variance unexplained on a logarithmic axis (on) or a linear one (off).', default: true }),
};

export type Settings = ParamValues<typeof params>;
