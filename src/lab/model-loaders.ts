/**
 * One dynamic import per model, for the worker: a figure's worker bundle loads only the model it trains, so it
 * does not grow with every model added to the lab. The mapped type makes this list exactly the registry's
 * (models.ts): a model missing here, or one too many, is a type error.
 */

import type { LabModelName, LabModels } from './models.ts';

const loaders: { [Name in LabModelName]: () => Promise<LabModels[Name]> } = {
  mlp: () => import('./mlp.ts').then((module) => module.mlpModel),
  superposition: () => import('./superposition.ts').then((module) => module.superpositionModel),
  sae: () => import('./sae.ts').then((module) => module.saeModel),
  'persona-shift': () => import('./persona-shift/model.ts').then((module) => module.personaShiftModel),
  steering: () => import('./steering/model.ts').then((module) => module.steeringModel),
  induction: () => import('./induction.ts').then((module) => module.inductionModel),
  'cot-monitor': () => import('./cot-monitor.ts').then((module) => module.cotMonitorModel),
};

export function isLoadableLabModel(name: string): name is LabModelName {
  return Object.hasOwn(loaders, name);
}

export function loadLabModel<Name extends LabModelName>(name: Name): Promise<LabModels[Name]> {
  return loaders[name]();
}
