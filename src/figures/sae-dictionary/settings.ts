/**
 * The dictionary figure's settings: the reader's parameters (defaults and controls from the lab's
 * planted-dictionary experiment, src/lab/sae-experiment.ts), the presets, and the parameters sent to the lab.
 */
import type { SaeParams } from '../../lab/sae.ts';
import { experimentControls, experimentDefaults, plantedData } from '../../lab/sae-experiment.ts';
import { choiceParam, numberParam, type ParamValues } from '../../lib/url-state.ts';

export const params = {
  variant: choiceParam({
    label: 'Sparsity method',
    description: 'An L1 penalty of strength λ on the latents, or TopK: keep the k largest latents of each input.',
    default: experimentDefaults.variant,
    options: [
      { value: 'l1', label: 'L1 penalty (λ)' },
      { value: 'topk', label: 'TopK (k)' },
    ],
  }),
  l1Coefficient: numberParam({ label: 'Penalty λ (L1)', description: 'How much each unit of latent activity costs in the loss (0.01 to 2).', default: experimentDefaults.l1Coefficient, min: 0.01, max: 2, step: 0.01 }),
  k: numberParam({ label: 'Latents kept k (TopK)', description: 'How many latents may be active for each input (1 to 16).', default: experimentDefaults.k, min: 1, max: 16, step: 1 }),
  width: numberParam({ label: 'Latents in the dictionary', description: 'How many latents the SAE has, for 32 planted directions (8 to 128).', default: experimentDefaults.width, min: 8, max: 128, step: 8 }),
  featureProbability: numberParam({
    label: 'Chance each planted feature is on',
    description: 'Probability that each of the 32 planted features is active in an input (0.02 to 0.5); 0.06 means about two per input.',
    default: experimentDefaults.featureProbability,
    min: 0.02,
    max: 0.5,
    step: 0.01,
  }),
  seed: numberParam({ label: 'Seed', description: 'Seed of the planted directions, the initial weights and the batches.', default: experimentDefaults.seed, min: 0, max: 9999, step: 1 }),
};

export type Settings = ParamValues<typeof params>;

export interface Preset {
  id: string;
  label: string;
  values: Partial<Settings>;
}

const defaults = { variant: experimentDefaults.variant, l1Coefficient: experimentDefaults.l1Coefficient, k: experimentDefaults.k, width: experimentDefaults.width, featureProbability: experimentDefaults.featureProbability } as const;

/** The defaults, which recover the planted directions, and the lab's two controls, which should not. */
export const presets: Preset[] = [
  { id: 'defaults', label: 'Recovers (defaults)', values: defaults },
  { id: 'dense', label: 'Dense features (control)', values: { ...defaults, ...experimentControls.dense } },
  { id: 'too-small', label: 'Dictionary too small (control)', values: { ...defaults, ...experimentControls.tooSmall } },
];

export function presetMatches(preset: Preset, values: Settings): boolean {
  return (Object.keys(preset.values) as (keyof Settings)[]).every((key) => preset.values[key] === values[key]);
}

/** What the lab trains: the fixed planted data and training run, and the reader's settings. */
export function labParams(values: Settings) {
  const { variant, l1Coefficient, k, width, featureProbability, seed } = values;
  return { ...plantedData, variant, l1Coefficient, k, width, featureProbability, seed };
}

export type LabParams = ReturnType<typeof labParams>;

/** The reader's settings that change the result (λ does nothing for TopK, k nothing for L1). */
export function sameRun(trained: SaeParams, wanted: LabParams): boolean {
  const relevant: (keyof LabParams)[] = ['variant', 'width', 'featureProbability', 'seed', 'inputDim', 'features', 'steps', wanted.variant === 'l1' ? 'l1Coefficient' : 'k'];
  return relevant.every((key) => trained[key] === wanted[key]);
}
