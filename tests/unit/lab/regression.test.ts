/**
 * Today's results, recorded: each case trains a lab model for a few steps at a fixed seed and compares a
 * SHA-256 of everything the run returns (result, corrections, summary and the final progress report) with the
 * snapshot recorded before the models moved onto the shared training loop (src/lab/core/train.ts). Any change
 * in the arithmetic, the order of random draws or the result's shape changes the hash: a refactor of the lab
 * must leave these bit-identical. Update the snapshot (`npx vitest run -u`) only for a deliberate change of
 * results, and say so in the commit.
 */
import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { labModels, type LabModelName } from '../../../src/lab/models.ts';
import type { TrainingProgress } from '../../../src/lab/runner.ts';

const cases: [LabModelName, Record<string, unknown>][] = [
  ['mlp', { steps: 200, seed: 0 }],
  ['mlp', { steps: 120, seed: 3, learningRate: 0.1 }],
  ['superposition', { n: 5, m: 2, sparsity: 0.9, steps: 200, restarts: 2, seed: 0 }],
  ['superposition', { n: 6, m: 3, sparsity: 0.5, importanceDecay: 0.8, nonlinearity: 'linear', steps: 150, restarts: 1, batchSize: 256, seed: 7 }],
  ['sae', { steps: 100, batchSize: 32, seed: 1 }],
  ['sae', { variant: 'topk', k: 3, steps: 100, batchSize: 32, seed: 2 }],
  ['sae', { data: 'superposition', features: 6, inputDim: 2, width: 12, steps: 100, seed: 3 }],
];

test.each(cases)('%s %j gives the recorded result', async (model, params) => {
  let last: TrainingProgress | undefined;
  const { run } = await labModels[model].run(params, { progressIntervalMs: Infinity, onProgress: (progress) => (last = progress) });
  const text = JSON.stringify({ run, last });
  expect({ finalLoss: run.result.finalLoss, sha256: createHash('sha256').update(text).digest('hex') }).toMatchSnapshot();
});
