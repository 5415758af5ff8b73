/**
 * The registry of lab models: one entry per model with its parameter spec and a `run` that validates
 * raw (outside) parameters, trains, and returns JSON-safe results with a readable summary.
 * The CLI and the worker protocol both dispatch through it.
 */

import { cotMonitorParamSpec, trainCotMonitor, validateCotMonitorParams, type CotMonitorResult } from './cot-monitor.ts';
import { trainModel0, validateModel0Params, model0ParamSpec, type Model0Result } from './mlp.ts';
import type { ParamSpec, Validated } from './params.ts';
import type { TrainingOptions } from './runner.ts';
import { saeParamSpec, trainSae, validateSaeParams, type SaeResult } from './sae.ts';
import { superpositionParamSpec, trainSuperposition, validateSuperpositionParams, type SuperpositionResult } from './superposition.ts';

export interface LabResults {
  mlp: Model0Result;
  superposition: SuperpositionResult;
  sae: SaeResult;
  'cot-monitor': CotMonitorResult;
}

export type LabModelName = keyof LabResults;

export interface LabRun<Name extends LabModelName> {
  model: Name;
  /** Notes on parameters that were rounded, clamped or ignored. */
  corrections: string[];
  result: LabResults[Name];
  /** A few human-readable lines. */
  summary: string[];
}

interface LabModel<Name extends LabModelName> {
  description: string;
  paramSpec: readonly ParamSpec[];
  validate(raw: Record<string, unknown>): Validated<LabResults[Name]['params']>;
  run(raw: Record<string, unknown>, options?: TrainingOptions): Promise<LabRun<Name>>;
}

const list = (values: number[]) => values.map((value) => value.toFixed(3)).join(' ');

export const labModels: { [Name in LabModelName]: LabModel<Name> } = {
  mlp: {
    description: 'model 0: a 2→4→3→3 network classifying points of the plane into three regions',
    paramSpec: model0ParamSpec,
    validate: validateModel0Params,
    async run(raw, options) {
      const { params, corrections } = validateModel0Params(raw);
      const result = await trainModel0(params.seed, { ...options, steps: params.steps, learningRate: params.learningRate });
      return {
        model: 'mlp', corrections, result,
        summary: [
          result.dataset.description,
          `layers ${result.weights.layerSizes.join(' → ')}, ${params.steps} steps`,
          `held-out accuracy ${(100 * result.accuracy).toFixed(1)} %, training accuracy ${(100 * result.trainAccuracy).toFixed(1)} %, loss ${result.finalLoss}`,
        ],
      };
    },
  },
  superposition: {
    description: 'model 1: toy model of superposition (Elhage et al., 2022)',
    paramSpec: superpositionParamSpec,
    validate: validateSuperpositionParams,
    async run(raw, options) {
      const { params, corrections } = validateSuperpositionParams(raw);
      const result = await trainSuperposition(params, options);
      const represented = result.featureNorms.filter((norm) => norm > 0.5).length;
      return {
        model: 'superposition', corrections, result,
        summary: [
          `n = ${params.n} features in m = ${params.m} dimensions, sparsity ${params.sparsity}, importance r = ${params.importanceDecay}, ${params.nonlinearity}`,
          `best of ${params.restarts} restarts: #${result.bestRestart}, final loss ${result.finalLoss}`,
          `‖W_i‖: ${list(result.featureNorms)}  (${represented} features with ‖W_i‖ > 0.5)`,
          `superposition Σ_j≠i (Ŵ_i·W_j)²: ${list(result.superposition)}`,
          `b: ${list(result.b)}`,
        ],
      };
    },
  },
  sae: {
    description: 'model 2: sparse autoencoder (ReLU + L1, or TopK) on data with known features',
    paramSpec: saeParamSpec,
    validate: validateSaeParams,
    async run(raw, options) {
      const { params, corrections } = validateSaeParams(raw);
      const result = await trainSae(params, options);
      return {
        model: 'sae', corrections, result,
        summary: [
          `${params.variant} SAE, width ${params.width}, on ${params.data} data (d = ${params.inputDim}, ${params.features} true features)`,
          `L0 ${result.l0} (true ${result.trueL0}), FVU ${result.fractionOfVarianceUnexplained}, dead latents ${result.deadLatents}`,
          `MMCS with the true features ${result.mmcs}`,
        ],
      };
    },
  },
  'cot-monitor': {
    description: 'model 3: chain-of-thought monitoring of a REINFORCE agent that can hack its tests (Baker et al., 2025)',
    paramSpec: cotMonitorParamSpec,
    validate: validateCotMonitorParams,
    async run(raw, options) {
      const { params, corrections } = validateCotMonitorParams(raw);
      const result = await trainCotMonitor(params, options);
      const rates = (label: string, run: CotMonitorResult['unpressured']) => {
        const { hackRate, cotRecall, actionRecall, undetectedRate } = run.final;
        const percent = (value: number | null) => (value === null ? 'n/a' : `${(100 * value).toFixed(1)} %`);
        return `${label}: hack rate ${percent(hackRate)}, chain-of-thought monitor recall ${percent(cotRecall)}, action monitor recall ${percent(actionRecall)}, undetected hacks ${percent(undetectedRate)}`;
      };
      return {
        model: 'cot-monitor', corrections, result,
        summary: [
          `λ = ${params.pressure} from the ${params.pressureFrom === 'start' ? 'planted start' : 'unpressured agent'}, necessity ${params.necessity}, synonyms ${params.synonyms}; ${params.steps} steps × ${params.episodes} episodes per run`,
          `monitor flags ${(100 * result.monitorOnLog.falsePositiveRate).toFixed(1)} % of honest and ${(100 * result.monitorOnLog.truePositiveRate).toFixed(1)} % of hacking notes in the unpressured log`,
          rates('unpressured', result.unpressured),
          rates('pressured', result.pressured),
        ],
      };
    },
  },
};

export function isLabModelName(name: string): name is LabModelName {
  return Object.hasOwn(labModels, name);
}
