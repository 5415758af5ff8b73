/**
 * The induction task as an Objective (core/objective.ts): an attention-only transformer trained on next-token
 * prediction over sequences with a repeated block (induction-data.ts). The loss is the mean over every
 * sequence and position; the batch also keeps the mean loss of its first and repeated parts, so a training
 * run can record both curves at no extra cost.
 */

import type { Objective } from './core/objective.ts';
import { createInductionBatch, forEachPartPosition, sampleInductionBatch, type InductionBatch, type InductionDataSettings } from './induction-data.ts';
import type { Random } from './random.ts';
import { createTransformer, type Transformer, type TransformerShape } from './transformer.ts';

export interface InductionTrainingBatch extends InductionBatch {
  /** Mean loss over the first / repeated part of this batch, written by `lossAndGradient`. */
  firstPartLoss: number;
  repeatedPartLoss: number;
}

export interface InductionObjective extends Objective<InductionTrainingBatch> {
  readonly model: Transformer;
}

/** Mean per-position losses of the first and repeated parts of `sequence`, from the model's last forward pass. */
export function partLosses(model: Transformer, batch: InductionBatch, sequence: number): { first: number; repeated: number; count: number } {
  let first = 0;
  let repeated = 0;
  let count = 0;
  forEachPartPosition(batch, sequence, (f, r) => {
    first += model.positionLoss[f]!;
    repeated += model.positionLoss[r]!;
    count++;
  });
  return { first, repeated, count };
}

export function createInductionObjective(shape: TransformerShape, data: InductionDataSettings, batchSize: number): InductionObjective {
  const model = createTransformer(shape);
  return {
    model,
    layout: model.layout,
    init: (theta: Float64Array, random: Random) => model.init(theta, random),
    createBatch: () => ({ ...createInductionBatch(batchSize, shape.context), firstPartLoss: NaN, repeatedPartLoss: NaN }),
    sample: (batch, random) => sampleInductionBatch(batch, random, data),
    lossAndGradient(theta, batch, grad) {
      let total = 0;
      let first = 0;
      let repeated = 0;
      let count = 0;
      for (let s = 0; s < batch.count; s++) {
        total += model.forward(theta, batch.tokens, s * shape.context);
        model.backward(theta, grad, 1 / batch.count);
        const parts = partLosses(model, batch, s);
        first += parts.first;
        repeated += parts.repeated;
        count += parts.count;
      }
      batch.firstPartLoss = first / count;
      batch.repeatedPartLoss = repeated / count;
      return total / batch.count;
    },
  };
}
