/**
 * A rank-1 adapter as a reparameterisation (LoRA with rank 1: Hu et al., 2021, "LoRA: Low-Rank Adaptation of
 * Large Language Models", https://arxiv.org/abs/2106.09685): one matrix block W (rows × cols) of a base
 * objective becomes W₀ + u vᵀ. The adapted θ is [base θ, adapter.u (rows), adapter.v (cols)]; train it with
 * `trainable: ['adapter.u', 'adapter.v']` to fine-tune only the adapter, with W₀ and every other block frozen.
 *   ∂L/∂u = G v,   ∂L/∂v = Gᵀ u,   G = ∂L/∂W at W₀ + u vᵀ
 */

import type { Random } from '../random.ts';
import { defineLayout, type Layout } from './layout.ts';
import type { Objective } from './objective.ts';

export type AdapterBlock = 'adapter.u' | 'adapter.v';

export interface RankOneAdapted<Batch, Name extends string> extends Objective<Batch, Name | AdapterBlock> {
  /** Adapted θ that starts exactly at `baseTheta` (e.g. a checkpoint's): u = 0, v ~ N(0, 1/cols). */
  extend(baseTheta: Float64Array, random: Random): Float64Array;
  /** The base model's θ with W₀ + u vᵀ folded into the block (for a checkpoint of the fine-tuned model). */
  merge(theta: Float64Array): Float64Array;
}

export function withRankOneAdapter<Batch, Name extends string>(base: Objective<Batch, Name>, block: Name): RankOneAdapted<Batch, Name> {
  const { shape, offset } = base.layout.block(block);
  if (shape.length !== 2) throw new Error(`rank-1 adapter: block "${block}" has shape [${shape.join(', ')}], not a matrix`);
  const [rows, cols] = shape as [number, number];
  const layout = defineLayout({
    ...Object.fromEntries(base.layout.blocks.map(({ name, shape: blockShape }) => [name, blockShape])),
    'adapter.u': [rows],
    'adapter.v': [cols],
  }) as Layout<Name | AdapterBlock>;
  const baseSize = base.layout.size;
  const effective = new Float64Array(baseSize);
  const baseGrad = new Float64Array(baseSize);

  /** Fills `effective` with the base θ whose block is W₀ + u vᵀ. */
  function fold(theta: Float64Array, into: Float64Array): Float64Array {
    into.set(theta.subarray(0, baseSize));
    const u = layout.slice(theta, 'adapter.u');
    const v = layout.slice(theta, 'adapter.v');
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) into[offset + i * cols + j]! += u[i]! * v[j]!;
    return into;
  }

  function initAdapter(theta: Float64Array, random: Random): void {
    const v = layout.slice(theta, 'adapter.v');
    for (let j = 0; j < cols; j++) v[j] = random.normal() / Math.sqrt(cols);
  }

  return {
    layout,
    init(theta, random) {
      base.init(theta.subarray(0, baseSize), random);
      initAdapter(theta, random);
    },
    createBatch: () => base.createBatch(),
    sample: (batch, random, theta) => base.sample(batch, random, fold(theta, effective)),
    lossAndGradient(theta, batch, grad) {
      baseGrad.fill(0);
      const loss = base.lossAndGradient(fold(theta, effective), batch, baseGrad);
      for (let k = 0; k < baseSize; k++) grad[k]! += baseGrad[k]!;
      const u = layout.slice(theta, 'adapter.u');
      const v = layout.slice(theta, 'adapter.v');
      const du = layout.slice(grad, 'adapter.u');
      const dv = layout.slice(grad, 'adapter.v');
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const g = baseGrad[offset + i * cols + j]!;
          du[i]! += g * v[j]!;
          dv[j]! += g * u[i]!;
        }
      }
      return loss;
    },
    extend(baseTheta, random) {
      if (baseTheta.length !== baseSize) throw new RangeError(`rank-1 adapter: base θ has ${baseTheta.length} values, the layout ${baseSize}`);
      const theta = new Float64Array(layout.size);
      theta.set(baseTheta);
      initAdapter(theta, random);
      return theta;
    },
    merge: (theta) => fold(theta, new Float64Array(baseSize)),
  };
}
