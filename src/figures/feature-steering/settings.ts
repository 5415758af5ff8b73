/**
 * The figure's settings: the clamp α (snapped to the lab's grid, so every value is read from the result), the
 * way the latent was chosen, the comparison shown beside it, and the seed; the presets the article names.
 */
import { alphaGrid } from '../../lab/steering/pipeline.ts';
import { choiceParam, numberParam, type ParamValues } from '../../lib/url-state.ts';
import type { Preset } from '../shared/presets.ts';

export const methods = [
  { value: 'does', label: 'by what it does' },
  { value: 'fires', label: 'by where it fires' },
] as const;

export const comparisonOptions = [
  { value: 'randomLatent', label: 'a random latent' },
  { value: 'randomDirection', label: 'a random direction, same size' },
  { value: 'prompt', label: 'the prompt “the bridge”' },
] as const;

export const params = {
  alpha: numberParam({
    label: 'Clamp α (× largest activation)',
    description: 'The chosen latent is clamped to α times its largest activation on the corpus, with the SAE error kept; snaps to the lab’s grid 0 to 3.',
    default: 0.5,
    min: 0,
    max: 3,
    step: 0.25,
  }),
  method: choiceParam({ label: 'Latent chosen', description: 'Which latent is clamped: the one whose decoder direction raises bridge words most, or the one that best separates bridge sentences.', default: 'does', options: methods }),
  comparison: choiceParam({ label: 'Compared with', description: 'The control shown beside the steered samples.', default: 'randomLatent', options: comparisonOptions }),
  seed: numberParam({ label: 'Seed', description: 'Seed of the corpus, the language model, the SAE and the samples; seeds other than 0 train in your browser.', default: 0, min: 0, max: 9999, step: 1 }),
};

export type Settings = ParamValues<typeof params>;
export type Method = Settings['method'];
export type ComparisonChoice = Settings['comparison'];

/** Index of the grid α nearest to `alpha` (a link may carry any multiple of the step). */
export function alphaIndex(alpha: number, grid: readonly number[] = alphaGrid): number {
  let best = 0;
  for (let i = 1; i < grid.length; i++) if (Math.abs(grid[i]! - alpha) < Math.abs(grid[best]! - alpha)) best = i;
  return best;
}

/**
 * The grid α a move of the slider from `current` to `next` lands on: the next grid point in the direction of the
 * move (the slider steps by 0.25 but the grid thins out above 1), so arrow keys never get stuck between points.
 */
export function snapAlpha(next: number, current: number, grid: readonly number[] = alphaGrid): number {
  if (next > current) return grid.find((a) => a >= next) ?? grid.at(-1)!;
  if (next < current) return [...grid].reverse().find((a) => a <= next) ?? grid[0]!;
  return grid[alphaIndex(next, grid)]!;
}

export const presets: Preset<Settings>[] = [
  { id: 'steers', label: 'Steers cleanly', values: { method: 'does', alpha: 0.5, comparison: 'randomLatent', seed: 0 } },
  { id: 'fires', label: 'Fires but does not steer', values: { method: 'fires', alpha: 0.5, comparison: 'randomLatent', seed: 0 } },
  { id: 'breaks', label: 'Turned up too far', values: { method: 'does', alpha: 2, comparison: 'randomDirection', seed: 0 } },
  { id: 'prompt', label: 'Just prompt it', values: { method: 'does', alpha: 0.5, comparison: 'prompt', seed: 0 } },
];
