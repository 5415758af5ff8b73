/**
 * The one shape every lab model trains through (see train.ts):
 *  - a named parameter layout and a seeded initialisation;
 *  - `sample` fills the next batch; it sees the current θ, so on-policy methods (REINFORCE) sample episodes
 *    from the current policy here and keep what the surrogate loss needs inside the batch;
 *  - `lossAndGradient` returns the batch loss and ADDS its gradient into the caller's buffer (zeroed by the loop).
 * Scratch buffers belong to the objective instance (created by a factory), never to the module.
 */

import type { Random } from '../random.ts';
import type { Layout } from './layout.ts';

export interface Objective<Batch, Name extends string = string> {
  readonly layout: Layout<Name>;
  /** Fills θ (length layout.size, all zeros on entry) from `random`. */
  init(theta: Float64Array, random: Random): void;
  /** A batch buffer, allocated once per training run and refilled by `sample` every step. */
  createBatch(): Batch;
  sample(batch: Batch, random: Random, theta: Float64Array): void;
  lossAndGradient(theta: Float64Array, batch: Batch, grad: Float64Array): number;
}
