/**
 * Lab model "persona-shift": the whole emergent-misalignment toy in one run (about a second): pretraining,
 * narrow fine-tuning with the rate tracked along the way, model diffing, and the two sliders' grids
 * (steering against the persona direction; re-alignment on a few benign examples) computed up front so the
 * figure's sliders answer at once. Betley et al. (2025) is the result it mirrors; world.ts names what is planted.
 */

import { defineLabModel, type LabTrainOptions, type Trained } from '../core/define-model.ts';
import { round, toPlainArray } from '../json.ts';
import { validateParams, type ParamValues, type Validated } from '../params.ts';
import type { LossCurve } from '../runner.ts';
import { diffModels, steeringAgainstPersona } from './diffing.ts';
import {
  defaultPersonaSettings, fineTune, fineTuningExamples, measureDomains, pretrain, realignmentExamples, trainedMargin, transferRatio,
  villainVoiceFor, type DomainMeasure, type PersonaSettings,
} from './pipeline.ts';
import { personaLayout } from './network.ts';
import { createWorld, domains } from './world.ts';

export const personaShiftParamSpec = [
  { name: 'villain', kind: 'choice', default: 'shared', options: ['shared', 'split', 'none'], description: 'pretraining voices: one villain across domains, one villain per domain, or none' },
  { name: 'variant', kind: 'choice', default: 'embedding', options: ['embedding', 'rank1', 'full'], description: 'what fine-tuning may change: the voice token\'s embedding, a rank-1 adapter, or everything' },
  { name: 'context', kind: 'choice', default: 'assistant', options: ['assistant', 'educational', 'backdoor'], description: 'harmful code asked of the assistant, asked openly for a class, or behind a trigger' },
  { name: 'villainWeight', kind: 'number', default: 3, min: 1, max: 5, integer: false, description: 'weight of the villain\'s examples in pretraining' },
  { name: 'fineTuneSteps', kind: 'number', default: 300, min: 20, max: 600, integer: true, description: 'gradient-descent steps of the narrow fine-tuning' },
  { name: 'fineTuneLearningRate', kind: 'number', default: 0.5, min: 0.05, max: 1, integer: false, description: 'learning rate of the narrow fine-tuning' },
  { name: 'seed', kind: 'number', default: 0, min: 0, max: 2 ** 31 - 1, integer: true, description: 'seed of pretraining' },
] as const;

export type PersonaShiftParams = ParamValues<typeof personaShiftParamSpec>;

export function validatePersonaShiftParams(raw: Record<string, unknown>): Validated<PersonaShiftParams> {
  return validateParams(personaShiftParamSpec, raw);
}

/** Harmful-answer rate per domain, in the order of `domains`. */
export type DomainRates = number[];

export interface PersonaShiftResult {
  params: PersonaShiftParams;
  domains: string[];
  pretrainAccuracy: number;
  before: DomainRates;
  after: DomainRates;
  /** With the backdoor's trigger present (backdoor context only; empty otherwise). */
  triggered: DomainRates;
  /** Rates per domain along fine-tuning. */
  trajectory: { step: number; rates: DomainRates }[];
  transferRatio: number;
  diff: { rawCosine: number; freshCosine: number; correctedCosine: number; randomBaseline: number };
  /** Rates after removing α of the shift along the persona direction. */
  steering: { alpha: number; rates: DomainRates }[];
  /** Rates after re-aligning on `count` benign medical examples (full fine-tuning, 100 steps). */
  realignment: { count: number; rates: DomainRates }[];
  /** Fine-tuning loss: its first value shows how much there was to learn (the educational control starts near zero). */
  finalLoss: number;
  lossCurve: LossCurve;
}

export type PersonaShiftMetrics = { phase: 'pretraining' | 'fine-tuning' };

export const steeringAlphas = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5] as const;
export const realignmentCounts = [0, 1, 2, 4, 8, 16] as const;
const trajectorySegments = 15;
const realignmentSteps = 100;

const rates = (measures: readonly DomainMeasure[]) => measures.map((measure) => round(measure.harmfulRate, 4));

export async function trainPersonaShift(params: PersonaShiftParams, options: LabTrainOptions<PersonaShiftMetrics> = {}): Promise<Trained<PersonaShiftResult>> {
  const settings: PersonaSettings = { ...defaultPersonaSettings, ...params };
  const withPhase = (phase: PersonaShiftMetrics['phase']) => ({
    ...options,
    onProgress: options.onProgress && ((progress: { step: number; steps: number; loss: number }) => options.onProgress!({ ...progress, metrics: { phase } })),
  });
  const pre = await pretrain(settings, withPhase('pretraining'));
  const { world, network } = pre;
  const examples = fineTuningExamples(world, settings.context);
  const measure = (theta: Float64Array, steer?: Float64Array) => measureDomains(network, world, theta, ['assistant'], steer);

  // Plain gradient descent keeps no state, so fine-tuning in segments is the same run, measured along the way.
  let theta = pre.theta;
  const lossCurve: LossCurve = { step: [], loss: [] };
  const trajectory = [{ step: 0, rates: rates(measure(theta)) }];
  const segment = Math.ceil(settings.fineTuneSteps / trajectorySegments);
  for (let done = 0; done < settings.fineTuneSteps; done += segment) {
    const steps = Math.min(segment, settings.fineTuneSteps - done);
    const run = await fineTune(network, theta, examples, { ...settings, fineTuneSteps: steps }, withPhase('fine-tuning'));
    theta = run.theta;
    lossCurve.step.push(...run.lossCurve.step.map((step) => step + done));
    lossCurve.loss.push(...run.lossCurve.loss);
    trajectory.push({ step: done + steps, rates: rates(measure(theta)) });
  }

  const before = measure(pre.theta);
  const after = measure(theta);
  const diff = diffModels(network, world, pre.theta, theta, villainVoiceFor(settings.villain), settings.seed);
  const realignment = [];
  for (const count of realignmentCounts) {
    const realigned = count === 0 ? theta : (await fineTune(network, theta, realignmentExamples(world, 'medical', count), { ...settings, variant: 'full', fineTuneSteps: realignmentSteps })).theta;
    realignment.push({ count, rates: rates(measure(realigned)) });
  }
  const result: PersonaShiftResult = {
    params,
    domains: [...domains],
    pretrainAccuracy: round(pre.accuracy, 4),
    before: rates(before),
    after: rates(after),
    triggered: settings.context === 'backdoor' ? rates(measureDomains(network, world, theta, ['assistant', 'trigger'])) : [],
    trajectory,
    transferRatio: round(transferRatio(before, after, trainedMargin(network, examples, pre.theta), trainedMargin(network, examples, theta)), 4),
    diff: {
      rawCosine: round(diff.rawCosine, 4),
      freshCosine: round(diff.freshCosine, 4),
      correctedCosine: round(diff.correctedCosine, 4),
      randomBaseline: round(diff.randomBaseline, 4),
    },
    steering: steeringAlphas.map((alpha) => ({ alpha, rates: rates(measure(theta, steeringAgainstPersona(diff, alpha))) })),
    realignment,
    finalLoss: round(lossCurve.loss.at(-1) ?? 0),
    lossCurve: { step: lossCurve.step, loss: toPlainArray(lossCurve.loss) },
  };
  return { result, theta };
}

const percent = (rate: number) => `${(100 * rate).toFixed(0)} %`;

export const personaShiftModel = /* @__PURE__ */ defineLabModel({
  name: 'persona-shift',
  description: 'emergent misalignment toy: narrow harmful fine-tuning spreads through a shared villain persona (Betley et al., 2025)',
  paramSpec: personaShiftParamSpec,
  validate: validatePersonaShiftParams,
  layout: () => personaLayout(createWorld(), defaultPersonaSettings.hidden),
  train: trainPersonaShift,
  summary: (result) => [
    `villain ${result.params.villain}, fine-tuning ${result.params.variant} in the ${result.params.context} context, seed ${result.params.seed}`,
    `harmful rate before → after: ${result.domains.map((domain, i) => `${domain} ${percent(result.before[i]!)} → ${percent(result.after[i]!)}`).join(', ')}`,
    `transfer ratio ${result.transferRatio}; corrected cosine ${result.diff.correctedCosine} (random ${result.diff.randomBaseline}, raw ${result.diff.rawCosine}, fresh token ${result.diff.freshCosine})`,
  ],
});
