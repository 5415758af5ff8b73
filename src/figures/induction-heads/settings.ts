/** The figure's parameters, shared by figure.ts, the island and the text alternative. */
import { checkpointIntervals } from '../../lab/induction.ts';
import { choiceParam, numberParam, type ParamValues } from '../../lib/url-state.ts';

/** Sequences of the lab's evaluation batch the reader can pick from (the first ones). */
export const sequenceCount = 6;

export const ablationTargets = ['none', 'induction', '1.1', '1.2', '2.1', '2.2'] as const;
export type AblationTarget = (typeof ablationTargets)[number];

export const params = {
  checkpoint: numberParam({
    label: 'Checkpoint',
    description: `Which of the ${checkpointIntervals + 1} evenly spaced checkpoints of the run the heat maps and the ablation show (the last is the trained model).`,
    default: checkpointIntervals,
    min: 0,
    max: checkpointIntervals,
    step: 1,
  }),
  sequence: numberParam({ label: 'Sequence', description: `Which of ${sequenceCount} evaluation sequences the heat maps show.`, default: 1, min: 1, max: sequenceCount, step: 1 }),
  ablate: choiceParam({
    label: 'Ablate',
    description: 'A head (layer.head) or all heads the lab named induction heads, switched off to measure the loss on the repeated part.',
    default: 'none' as AblationTarget,
    options: ablationTargets.map((value) => ({ value, label: value === 'none' ? 'nothing' : value === 'induction' ? 'all induction heads' : `head ${value}` })),
  }),
  mode: choiceParam({
    label: 'Ablation',
    description: 'Zero-ablation sets the head’s output to zero; mean-ablation to its average output at each position over the evaluation sequences.',
    default: 'zero',
    options: [
      { value: 'zero', label: 'zero' },
      { value: 'mean', label: 'mean' },
    ],
  }),
  offset: choiceParam({
    label: 'Distance between copies',
    description: 'Varying (the default) or always half the sequence, a shortcut a one-layer model can use; another setting trains in your browser.',
    default: 'varying',
    options: [
      { value: 'varying', label: 'varying' },
      { value: 'fixed', label: 'fixed (a shortcut)' },
    ],
  }),
  seed: numberParam({ label: 'Seed', description: 'Seed of initialisation and data; any seed other than 0 trains in your browser (“Train again” moves to the next).', default: 0, min: 0, max: 9999, step: 1 }),
};

export type Settings = ParamValues<typeof params>;

/** What the lab trains for these settings (the rest are the lab's defaults). */
export function labParams(settings: Pick<Settings, 'seed' | 'offset'>, layers: 1 | 2) {
  return { layers, seed: settings.seed, offset: settings.offset };
}
