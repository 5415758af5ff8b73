/** The figure's parameters, shared by figure.ts, the island and the text alternative. */
import { checkpointIntervals, inductionParamSpec } from '../../lab/induction.ts';
import { choiceParam, numberParam, type ParamValues } from '../../lib/url-state.ts';

/** Sequences of the lab's evaluation batch the reader can pick from (the first ones). */
export const sequenceCount = 6;

export const ablationTargets = ['none', 'induction', '1.1', '1.2', '2.1', '2.2'] as const;
export type AblationTarget = (typeof ablationTargets)[number];

/** The lab's bounds on steps; at two layers of two heads its work budget allows them all. */
function labSteps() {
  const spec = inductionParamSpec.find((s) => s.name === 'steps');
  if (!spec || spec.kind !== 'number') throw new Error('lab spec has no number parameter steps');
  return { default: spec.default, min: spec.min, max: spec.max };
}

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
  steps: numberParam({ label: 'Training steps', description: 'Adam steps of each model; another number trains in your browser, and longer runs take longer (the estimate is shown before training).', ...labSteps(), step: 50 }),
  seed: numberParam({ label: 'Seed', description: 'Seed of initialisation and data; any seed other than 0 trains in your browser (“Train again” moves to the next).', default: 0, min: 0, max: 9999, step: 1 }),
};

export type Settings = ParamValues<typeof params>;

/** What the lab trains for these settings (the rest are the lab's defaults). */
export function labParams(settings: Pick<Settings, 'seed' | 'offset' | 'steps'>, layers: 1 | 2) {
  return { layers, seed: settings.seed, offset: settings.offset, steps: settings.steps };
}

/**
 * Seconds per training step of both models (the two-layer one and the control), until a run in this page has
 * measured the reader's device: from `npm run bench` (its induction case) on a 2-core machine, rounded up.
 */
export const referenceSecondsPerStep = 8e-3;
