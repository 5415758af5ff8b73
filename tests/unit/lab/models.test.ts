// The registry is derived from each model's defineLabModel declaration, and the worker's loaders match it.
import { expect, test } from 'vitest';
import type { AnyLabModel } from '../../../src/lab/core/define-model.ts';
import { isLoadableLabModel, loadLabModel } from '../../../src/lab/model-loaders.ts';
import { isLabModelName, labModels, type LabModelName } from '../../../src/lab/models.ts';

const names = Object.keys(labModels) as LabModelName[];

test('each model is registered under its declared name', () => {
  expect(names).toEqual(['mlp', 'superposition', 'sae', 'persona-shift', 'steering', 'induction', 'cot-monitor']);
  for (const name of names) expect(labModels[name].name).toBe(name);
  expect(isLabModelName('gpt')).toBe(false);
});

test.each(names)('the worker loads %s lazily as the same declaration', async (name) => {
  expect(isLoadableLabModel(name)).toBe(true);
  expect(await loadLabModel(name)).toBe(labModels[name]);
});

test.each(names)('%s: defaults() are the validated empty parameters; run returns θ in the declared layout', async (name) => {
  const model: AnyLabModel = labModels[name];
  expect(model.defaults()).toEqual(model.validate({}).params);
  // The fewest steps each model allows (unknown names are ignored with a correction): this checks shapes, not training.
  const { run, theta } = await model.run({ steps: 2, languageModelSteps: 100, fineTuneSteps: 20, seed: 1 });
  expect(theta).toHaveLength(model.layout(run.result.params).size);
  expect(run.summary.length).toBeGreaterThan(0);
});
