/**
 * The registry of lab models, derived from each model file's `defineLabModel` declaration: the CLI, the bench
 * and the tests use `labModels`; the worker loads one model at a time through model-loaders.ts. The types
 * below (names, parameters, progress metrics, results) all come from the declarations.
 */

import type { AnyLabModel, LabMetricsOf, LabParamsOf, LabResultOf, LabRun } from './core/define-model.ts';
import { inductionModel } from './induction.ts';
import { cotMonitorModel } from './cot-monitor.ts';
import { mlpModel } from './mlp.ts';
import { personaShiftModel } from './persona-shift/model.ts';
import { saeModel } from './sae.ts';
import { steeringModel } from './steering/model.ts';
import { superpositionModel } from './superposition.ts';

/** Models keyed by their declared names. */
function byName<const Models extends readonly AnyLabModel[]>(models: Models): { [Model in Models[number] as Model['name']]: Model } {
  return Object.fromEntries(models.map((model) => [model.name, model])) as { [Model in Models[number] as Model['name']]: Model };
}

export const labModels = byName([mlpModel, superpositionModel, saeModel, personaShiftModel, steeringModel, inductionModel, cotMonitorModel]);

export type LabModels = typeof labModels;
export type LabModelName = keyof LabModels;
export type LabParams = { [Name in LabModelName]: LabParamsOf<LabModels[Name]> };
export type LabMetrics = { [Name in LabModelName]: LabMetricsOf<LabModels[Name]> };
export type LabResults = { [Name in LabModelName]: LabResultOf<LabModels[Name]> };
export type LabRunOf<Name extends LabModelName> = LabRun<Name, LabResults[Name]>;

export function isLabModelName(name: string): name is LabModelName {
  return Object.hasOwn(labModels, name);
}
