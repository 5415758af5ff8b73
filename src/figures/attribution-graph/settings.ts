/**
 * The figure's settings: which prompt (a state, its held-out or a trained city, capital or region), the pruning
 * threshold, and the state B whose feature is injected in place of the prompt's own state feature.
 */
import { choiceParam, numberParam, type ParamValues } from '../../lib/url-state.ts';

export const params = {
  state: numberParam({ label: 'State of the city', description: 'The prompt asks about a city in this state (0 to 7).', default: 0, min: 0, max: 7, step: 1 }),
  city: choiceParam({
    label: 'City',
    description: 'The state’s held-out city (its two-step questions were never trained) or a city whose two-step questions were trained.',
    default: 'held-out',
    options: [
      { value: 'held-out', label: 'held out of two-step training' },
      { value: 'trained', label: 'two-step questions trained' },
    ],
  }),
  relation: choiceParam({
    label: 'Question',
    description: 'Ask for the capital or the region of the state the city is in.',
    default: 'capital',
    options: [
      { value: 'capital', label: 'capital of its state' },
      { value: 'region', label: 'region of its state' },
    ],
  }),
  threshold: numberParam({
    label: 'Prune edges below (share of the largest)',
    description: 'Edges whose size is below this share of the graph’s largest edge are hidden, and features left with no edge are dropped.',
    default: 0.1,
    min: 0,
    max: 0.5,
    step: 0.05,
  }),
  swapTo: numberParam({ label: 'Inject “state = B”, B', description: 'The state whose feature replaces the prompt’s state feature in the intervention beside the graph.', default: 1, min: 0, max: 7, step: 1 }),
};

export type Settings = ParamValues<typeof params>;
