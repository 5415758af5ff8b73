/**
 * The planted-dictionary experiment of the sparse-autoencoder article: 32 known feature directions in a
 * 16-dimensional space, each active in about 6 % of inputs (about two at a time), and an SAE with twice as
 * many latents as there are planted features. The defaults recover the planted directions; the two controls
 * are set up so that recovery should fail (features that are not sparse; a dictionary far too small).
 * Measured values are in docs/lab.md; tests/unit/lab/sae-experiment.test.ts holds the margins.
 */

import { validateSaeParams, type SaeParams } from './sae.ts';

/** The data and the training run, fixed for every setting the reader can choose. */
export const plantedData = {
  data: 'synthetic',
  inputDim: 16,
  features: 32,
  featureProbability: 0.06,
  steps: 3000,
  batchSize: 64,
  learningRate: 0.003,
} as const;

/** The settings the reader can change, at their defaults (L1, λ = 0.3, 64 latents, seed 0). */
export const experimentDefaults = { variant: 'l1', l1Coefficient: 0.3, k: 2, width: 64, featureProbability: plantedData.featureProbability, seed: 0 } as const;

export type ExperimentSettings = { variant: 'l1' | 'topk'; l1Coefficient: number; k: number; width: number; featureProbability: number; seed: number };

/** Controls: what changes from the defaults so that the SAE should not recover the planted directions. */
export const experimentControls = {
  /** Half the planted features are active in every input (L0 ≈ 16 in 16 dimensions): nothing is sparse. */
  dense: { featureProbability: 0.5 },
  /** 8 latents for 32 planted features: at most a quarter of them can have a latent of their own. */
  tooSmall: { width: 8 },
} as const satisfies Record<string, Partial<ExperimentSettings>>;

/** The lab's parameters for the experiment at `settings`, validated (raises if the lab would change them). */
export function experimentParams(settings: Partial<ExperimentSettings> = {}): SaeParams {
  const { params, corrections } = validateSaeParams({ ...plantedData, ...experimentDefaults, ...settings });
  if (corrections.length > 0) throw new Error(`SAE experiment settings need corrections: ${corrections.join('; ')}`);
  return params;
}
