/**
 * The sparsity–fidelity frontier: the planted-dictionary experiment (sae-experiment.ts) trained along a
 * sweep of λ (L1) and of k (TopK), one seed each, recording how many latents fire (L0) against how much of the
 * data's variance the reconstruction misses (FVU), with dead latents and recovery (MMCS) at each point.
 * Seventeen runs of 3,000 steps: about 25 s in Node on a busy 2-core machine, so it runs at build time.
 */

import { round } from './json.ts';
import type { TrainingOptions } from './runner.ts';
import { trainSae, type SaeMetrics } from './sae.ts';
import { experimentParams, type ExperimentSettings } from './sae-experiment.ts';

export const frontierGrid = {
  l1: [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2],
  topk: [1, 2, 3, 4, 6, 8, 12, 16],
} as const;

export interface FrontierPoint {
  variant: 'l1' | 'topk';
  /** λ for L1, k for TopK. */
  value: number;
  l0: number;
  fractionOfVarianceUnexplained: number;
  deadLatents: number;
  mmcs: number;
}

export interface Frontier {
  /** The settings every point shares (the experiment's defaults apart from the swept value). */
  width: number;
  seed: number;
  trueL0: number;
  l1: FrontierPoint[];
  topk: FrontierPoint[];
}

export async function sweepFrontier(
  grid: { l1: readonly number[]; topk: readonly number[] } = frontierGrid,
  base: Partial<ExperimentSettings> = {},
  options: TrainingOptions<SaeMetrics> = {},
): Promise<Frontier> {
  const run = async (variant: 'l1' | 'topk', value: number): Promise<FrontierPoint> => {
    const params = experimentParams({ ...base, variant, ...(variant === 'l1' ? { l1Coefficient: value } : { k: value }) });
    const { result } = await trainSae(params, options);
    return { variant, value, l0: result.l0, fractionOfVarianceUnexplained: result.fractionOfVarianceUnexplained, deadLatents: result.deadLatents, mmcs: result.mmcs };
  };
  const params = experimentParams(base);
  const l1: FrontierPoint[] = [];
  for (const value of grid.l1) l1.push(await run('l1', value));
  const topk: FrontierPoint[] = [];
  for (const value of grid.topk) topk.push(await run('topk', value));
  return { width: params.width, seed: params.seed, trueL0: round(params.features * params.featureProbability), l1, topk };
}
