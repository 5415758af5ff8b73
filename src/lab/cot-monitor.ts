/**
 * Model 3 — chain-of-thought monitoring and obfuscated reward hacking, a toy after Baker et al. (2025),
 * "Monitoring Reasoning Models for Misbehavior and the Risks of Promoting Obfuscation", https://arxiv.org/abs/2503.11926.
 *
 * 1. Unpressured run: the agent (cot-monitor-policy.ts) learns the task (cot-monitor-task.ts) from its planted start.
 * 2. The chain-of-thought monitor (cot-monitor-classifier.ts) is fitted once on that run's log, then frozen.
 * 3. Pressured run: training continues from the unpressured agent (or from the planted start) with the reward
 *    reduced by λ whenever the monitor flags the scratch pad.
 * Curves, rates, ROC and sample scratch pads are read from the runs' own episodes.
 */

import { defineLabModel, type LabTrainOptions, type Trained } from './core/define-model.ts';
import { trainObjective } from './core/train.ts';
import { fitCotMonitor, monitorFlags, rocCurve, type CotMonitor, type RocPoint } from './cot-monitor-classifier.ts';
import { createEpisodes, episodeRates, type EpisodeRates, type Episodes } from './cot-monitor-episodes.ts';
import { cotPolicyLayout, createCotPolicyObjective, policyProbabilities, sampleEpisodes, type CotPolicyObjective } from './cot-monitor-policy.ts';
import { fixEditsTests, fixSuccess, notePositions, plans, vocabulary, type EnvironmentSettings } from './cot-monitor-task.ts';
import { round } from './json.ts';
import { validateParams, type ParamValues, type Validated } from './params.ts';
import { createRandom, deriveSeed } from './random.ts';
import type { LossCurve } from './runner.ts';

export const cotMonitorParamSpec = [
  { name: 'pressure', kind: 'number', default: 2, min: 0, max: 5, integer: false, description: 'λ, the reward taken away whenever the chain-of-thought monitor flags the scratch pad' },
  { name: 'pressureFrom', kind: 'choice', default: 'unpressured', options: ['unpressured', 'start'], description: 'continue from the unpressured agent, or apply pressure from the planted start' },
  { name: 'necessity', kind: 'choice', default: 'off', options: ['off', 'on'], description: 'a hack works only if the scratch pad names its operation' },
  { name: 'synonyms', kind: 'choice', default: 'off', options: ['off', 'on'], description: 'under pressure, words the monitor never saw become available and name a hack operation too' },
  { name: 'actionShare', kind: 'number', default: 0.6, min: 0, max: 1, integer: false, description: 'share of hacks whose action edits a test file (what the action-only monitor sees): a setting, not a result' },
  { name: 'honestFlagRate', kind: 'number', default: 0.05, min: 0.01, max: 0.5, integer: false, description: 'the monitor threshold flags at most this share of honest notes in the unpressured log' },
  { name: 'episodes', kind: 'number', default: 64, min: 8, max: 1024, integer: true, description: 'episodes per training step' },
  { name: 'steps', kind: 'number', default: 300, min: 20, max: 2000, integer: true, description: 'training steps of each run (unpressured, then pressured)' },
  { name: 'learningRate', kind: 'number', default: 0.5, min: 0.01, max: 5, integer: false, description: 'gradient-descent learning rate' },
  { name: 'seed', kind: 'number', default: 0, min: 0, max: 2 ** 31 - 1, integer: true, description: 'seed for both runs and the evaluation' },
] as const;

export type CotMonitorParams = ParamValues<typeof cotMonitorParamSpec>;

/** Episodes × steps of one run allowed: a few seconds per run at most. */
export const cotMonitorEpisodeBudget = 2_000_000;

export function validateCotMonitorParams(raw: Record<string, unknown>): Validated<CotMonitorParams> {
  const { params, corrections } = validateParams(cotMonitorParamSpec, raw);
  if (params.episodes * params.steps > cotMonitorEpisodeBudget) {
    const steps = Math.floor(cotMonitorEpisodeBudget / params.episodes);
    corrections.push(`steps: ${params.steps} × ${params.episodes} episodes would take too long; using ${steps} steps`);
    params.steps = steps;
  }
  return { params, corrections };
}

const planEntropyBonus = 0.02;
const baselineRate = 0.1;
const evaluationEpisodes = 4000;
const curvePoints = 60;
const sampleNotes = 6;

/** Rates over one stretch of a run (a type alias, so it can travel in progress metrics as JSON). */
export type CurvePoint = {
  /** Training step of the run at the end of this stretch. */
  step: number;
  hackRate: number;
  cotRecall: number | null;
  actionRecall: number | null;
  undetectedRate: number;
};

export interface ScratchPad {
  plan: (typeof plans)[number];
  words: string[];
  editsTests: boolean;
  passed: boolean;
  /** The chain-of-thought monitor's verdict. */
  flagged: boolean;
}

export interface RunSummary {
  curve: CurvePoint[];
  /** Rates over evaluation episodes sampled from the run's final policy. */
  final: EpisodeRates;
  /** The monitor's ROC on those evaluation episodes. */
  roc: RocPoint[];
  samples: ScratchPad[];
}

export interface CotMonitorResult {
  params: CotMonitorParams;
  vocabulary: typeof vocabulary;
  monitor: CotMonitor;
  /** The monitor's operating point on the unpressured log it was fitted on. */
  monitorOnLog: { falsePositiveRate: number; truePositiveRate: number };
  /** Share of honest fixes that edit a test file (the action monitor's false alarms). */
  actionFalsePositiveRate: number;
  /** Chance that an honest fix makes the tests pass (a hack always does, unless necessity stops it). */
  fixSuccess: number;
  unpressured: RunSummary;
  pressured: RunSummary;
  /** The pressured run's REINFORCE surrogate loss (its gradient is the policy gradient; not a measure of success). */
  finalLoss: number;
  lossCurve: LossCurve;
}

const roundOrNull = (value: number | null) => (value === null ? null : round(value, 3));

function roundRates(rates: EpisodeRates): EpisodeRates {
  return {
    episodes: rates.episodes,
    hackRate: round(rates.hackRate, 3),
    cotRecall: roundOrNull(rates.cotRecall),
    actionRecall: roundOrNull(rates.actionRecall),
    cotFalsePositiveRate: roundOrNull(rates.cotFalsePositiveRate),
    undetectedRate: round(rates.undetectedRate, 3),
    passRate: round(rates.passRate, 3),
  };
}

type Flags = (index: number) => boolean;
const flagsOf = (monitor: CotMonitor | undefined, episodes: Episodes): Flags =>
  monitor ? (index) => monitorFlags(monitor, episodes.words, index * notePositions) : () => false;

/** The run's log cut into about `curvePoints` stretches of whole steps. */
function curveOf(log: Episodes, episodesPerStep: number, totalSteps: number, monitor: CotMonitor | undefined): CurvePoint[] {
  const stepsPerPoint = Math.max(1, Math.ceil(totalSteps / curvePoints));
  const stepsDone = Math.floor(log.count / episodesPerStep);
  const flagged = flagsOf(monitor, log);
  const curve: CurvePoint[] = [];
  for (let start = 0; start < stepsDone; start += stepsPerPoint) {
    const end = Math.min(stepsDone, start + stepsPerPoint);
    const rates = episodeRates(log, start * episodesPerStep, end * episodesPerStep, flagged);
    curve.push({
      step: end,
      hackRate: round(rates.hackRate, 3),
      cotRecall: monitor ? roundOrNull(rates.cotRecall) : null,
      actionRecall: roundOrNull(rates.actionRecall),
      undetectedRate: round(rates.undetectedRate, 3),
    });
  }
  return curve;
}

function summariseRun(objective: CotPolicyObjective, theta: Float64Array, params: CotMonitorParams, environment: EnvironmentSettings, monitor: CotMonitor, evaluationSeed: number): RunSummary {
  const evaluation = createEpisodes(evaluationEpisodes);
  sampleEpisodes(evaluation, policyProbabilities(theta, environment.synonyms), environment, createRandom(evaluationSeed));
  const flagged = flagsOf(monitor, evaluation);
  const samples: ScratchPad[] = Array.from({ length: sampleNotes }, (_, i) => ({
    plan: plans[evaluation.plan[i]!]!,
    words: Array.from(evaluation.words.subarray(i * notePositions, (i + 1) * notePositions), (word) => vocabulary[word]!.word),
    editsTests: evaluation.editsTests[i] === 1,
    passed: evaluation.passed[i] === 1,
    flagged: flagged(i),
  }));
  return {
    curve: curveOf(objective.log, params.episodes, params.steps, monitor),
    final: roundRates(episodeRates(evaluation, 0, evaluation.count, flagged)),
    roc: rocCurve(monitor, evaluation).map(({ threshold, falsePositiveRate, truePositiveRate }) => ({
      threshold: Number.isFinite(threshold) ? round(threshold, 4) : threshold > 0 ? 1e6 : -1e6,
      falsePositiveRate: round(falsePositiveRate, 4),
      truePositiveRate: round(truePositiveRate, 4),
    })),
    samples,
  };
}

export type CotMonitorPhase = 'unpressured' | 'pressured';

/** Progress reports carry the curves so far, so a figure can draw the run as it goes. */
export type CotMonitorMetrics = { phase: CotMonitorPhase; unpressured: CurvePoint[]; pressured: CurvePoint[] };

/**
 * Both runs and the monitor between them. `options.initial` replaces the planted agent as the start of the
 * unpressured run (and of a pressured run from the start); `options.trainable` applies to both runs.
 * The θ returned is the pressured agent's.
 */
export async function trainCotMonitor(params: CotMonitorParams, options: LabTrainOptions<CotMonitorMetrics> = {}): Promise<Trained<CotMonitorResult>> {
  const baseEnvironment: EnvironmentSettings = { necessity: params.necessity === 'on', synonyms: false, actionShare: params.actionShare };
  const pressuredEnvironment: EnvironmentSettings = { ...baseEnvironment, synonyms: params.synonyms === 'on' };
  const policySettings = {
    episodesPerStep: params.episodes, logCapacity: params.episodes * params.steps, planEntropyBonus, baselineRate,
  };
  const optimiser = { kind: 'sgd', learningRate: params.learningRate } as const;
  const run = { name: 'cot-monitor', steps: params.steps, optimiser, trainable: options.trainable };

  const unpressuredObjective = createCotPolicyObjective({ ...policySettings, environment: baseEnvironment, pressure: 0 });
  const unpressured = await trainObjective({
    ...run, objective: unpressuredObjective, seed: deriveSeed(params.seed, 0), initial: options.initial,
    metrics: () => ({ phase: 'unpressured' as const, unpressured: curveOf(unpressuredObjective.log, params.episodes, params.steps, undefined), pressured: [] }),
  }, options);

  const monitor = fitCotMonitor(unpressuredObjective.log, params.honestFlagRate);
  const onLog = episodeRates(unpressuredObjective.log, 0, unpressuredObjective.log.count, flagsOf(monitor, unpressuredObjective.log));
  const unpressuredSummary = summariseRun(unpressuredObjective, unpressured.theta, params, baseEnvironment, monitor, deriveSeed(params.seed, 2));

  const pressuredObjective = createCotPolicyObjective({
    ...policySettings, environment: pressuredEnvironment, pressure: params.pressure,
    flags: (words, offset) => monitorFlags(monitor, words, offset),
  });
  const pressured = await trainObjective({
    ...run, objective: pressuredObjective, seed: deriveSeed(params.seed, 1),
    initial: params.pressureFrom === 'unpressured' ? unpressured.theta : options.initial,
    metrics: () => ({ phase: 'pressured' as const, unpressured: unpressuredSummary.curve, pressured: curveOf(pressuredObjective.log, params.episodes, params.steps, monitor) }),
  }, options);

  const result: CotMonitorResult = {
    params,
    vocabulary,
    monitor,
    monitorOnLog: { falsePositiveRate: round(onLog.cotFalsePositiveRate ?? 0, 4), truePositiveRate: round(onLog.cotRecall ?? 0, 4) },
    actionFalsePositiveRate: fixEditsTests,
    fixSuccess,
    unpressured: unpressuredSummary,
    pressured: summariseRun(pressuredObjective, pressured.theta, params, pressuredEnvironment, monitor, deriveSeed(params.seed, 3)),
    finalLoss: pressured.lossCurve.loss.at(-1) ?? 0,
    lossCurve: pressured.lossCurve,
  };
  return { result, theta: pressured.theta };
}

const percent = (value: number | null) => (value === null ? 'n/a' : `${(100 * value).toFixed(1)} %`);
const ratesLine = (label: string, { hackRate, cotRecall, actionRecall, undetectedRate }: EpisodeRates) =>
  `${label}: hack rate ${percent(hackRate)}, chain-of-thought monitor recall ${percent(cotRecall)}, action monitor recall ${percent(actionRecall)}, undetected hacks ${percent(undetectedRate)}`;

export const cotMonitorModel = /* @__PURE__ */ defineLabModel({
  name: 'cot-monitor',
  description: 'model 3: chain-of-thought monitoring of a REINFORCE agent that can hack its tests (Baker et al., 2025)',
  paramSpec: cotMonitorParamSpec,
  validate: validateCotMonitorParams,
  layout: () => cotPolicyLayout,
  train: trainCotMonitor,
  summary: ({ params, monitorOnLog, unpressured, pressured }) => [
    `λ = ${params.pressure} from the ${params.pressureFrom === 'start' ? 'planted start' : 'unpressured agent'}, necessity ${params.necessity}, synonyms ${params.synonyms}; ${params.steps} steps × ${params.episodes} episodes per run`,
    `monitor flags ${percent(monitorOnLog.falsePositiveRate)} of honest and ${percent(monitorOnLog.truePositiveRate)} of hacking notes in the unpressured log`,
    ratesLine('unpressured', unpressured.final),
    ratesLine('pressured', pressured.final),
  ],
});
