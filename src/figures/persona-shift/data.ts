/**
 * Build-time lab output for the persona-shift figure and its article: the run at the figure's defaults
 * (drawn without JavaScript and before a reader trains), and a summary over seeds of the headline run and of
 * every control, which the article quotes through <LabValue>. `npx node src/figures/precompute.ts persona-shift`
 * writes data.json; tests/unit/figures/data.test.ts recomputes and checks it.
 */
import { round } from '../../lab/json.ts';
import { personaShiftModel, trainPersonaShift, validatePersonaShiftParams, type PersonaShiftResult } from '../../lab/persona-shift/model.ts';
import type { LossCurve } from '../../lab/runner.ts';
import { defaultPersonaSettings, fineTuningExamples } from '../../lab/persona-shift/pipeline.ts';
import { createWorld, defaultWorldShape } from '../../lab/persona-shift/world.ts';
import { bystanderMean, mean, realignedRates, steeredRates, trainedRate, untouchedMean } from './measures.ts';
import { labParams, params, type LabParams } from './settings.ts';

/** Seeds of the summary (pretraining seeds; each run is about a second). */
export const summarySeeds = [0, 1, 2, 3, 4];
/** Re-alignment is summarised over the first three of them, with this many examples. */
export const realignSeeds = [0, 1, 2];
export const realignCount = 4;
/** Steering is summarised at α = 1: the whole of fine-tuning's shift along the persona direction removed. */
export const steerAlpha = 1;

export interface Spread {
  mean: number;
  min: number;
  max: number;
}

/** Untouched-domain rates and diffing measures of one setting, over seeds. */
export interface SettingSummary {
  untouchedBefore: Spread;
  untouchedAfter: Spread;
  trainedAfter: Spread;
  transferRatio: Spread;
  rawCosine: Spread;
  freshCosine: Spread;
  correctedCosine: Spread;
  randomBaseline: Spread;
  /** Untouched-domain rate after steering at α = `steerAlpha`. */
  untouchedSteered: Spread;
  /** The fine-tuning loss at its first recorded step: how much there was to learn. */
  firstLoss: Spread;
  /** Untouched-domain rate with the backdoor's trigger (backdoor context only). */
  untouchedTriggered?: Spread;
}

export interface PersonaShiftData {
  /** The toy's size, as the article describes it. */
  setup: { questionsPerDomain: number; heldOutPerDomain: number; fineTuningExamples: number; hidden: number; parameters: number };
  /** The run at the figure's defaults. */
  result: PersonaShiftResult;
  summary: {
    seeds: number;
    steerAlpha: number;
    shared: SettingSummary;
    split: SettingSummary;
    none: SettingSummary;
    educational: SettingSummary;
    backdoor: SettingSummary;
    realignment: {
      seeds: number;
      count: number;
      /** Mean rate in the domains neither fine-tuned nor re-aligned on, before and after re-alignment. */
      bystanderBefore: Spread;
      bystanderAfter: Spread;
      trainedBefore: Spread;
      trainedAfter: Spread;
    };
  };
}

/** Three significant digits: more than the article quotes (whole percentages, two decimals), and a smaller page. */
export function spread(values: readonly number[]): Spread {
  return { mean: round(mean(values), 3), min: round(Math.min(...values), 3), max: round(Math.max(...values), 3) };
}

export function summariseSetting(results: readonly PersonaShiftResult[]): SettingSummary {
  const over = (read: (r: PersonaShiftResult) => number) => spread(results.map(read));
  const backdoor = results.every((r) => r.triggered.length > 0);
  return {
    untouchedBefore: over((r) => untouchedMean(r, r.before)),
    untouchedAfter: over((r) => untouchedMean(r, r.after)),
    trainedAfter: over((r) => trainedRate(r, r.after)),
    transferRatio: over((r) => r.transferRatio),
    rawCosine: over((r) => r.diff.rawCosine),
    freshCosine: over((r) => r.diff.freshCosine),
    correctedCosine: over((r) => r.diff.correctedCosine),
    randomBaseline: over((r) => r.diff.randomBaseline),
    untouchedSteered: over((r) => untouchedMean(r, steeredRates(r, steerAlpha))),
    firstLoss: over((r) => r.lossCurve.loss[0] ?? 0),
    ...(backdoor ? { untouchedTriggered: over((r) => untouchedMean(r, r.triggered)) } : {}),
  };
}

export function summariseRealignment(results: readonly PersonaShiftResult[]): PersonaShiftData['summary']['realignment'] {
  const over = (read: (r: PersonaShiftResult) => number) => spread(results.map(read));
  return {
    seeds: results.length,
    count: realignCount,
    bystanderBefore: over((r) => bystanderMean(r, realignedRates(r, 0))),
    bystanderAfter: over((r) => bystanderMean(r, realignedRates(r, realignCount))),
    trainedBefore: over((r) => trainedRate(r, realignedRates(r, 0))),
    trainedAfter: over((r) => trainedRate(r, realignedRates(r, realignCount))),
  };
}

/** Points of the build-time loss curve: enough for a 400-unit-wide drawing, small in the page's JavaScript. */
export const storedCurvePoints = 25;

/**
 * The same loss curve in fewer, wider buckets: each new point is the step-weighted mean of the points it
 * merges, so loss[k] stays "the mean training loss of the steps up to step[k]". The first point is kept
 * as it is: it shows how much there was to learn.
 */
export function coarserCurve(curve: LossCurve, points = storedCurvePoints): LossCurve {
  const size = Math.ceil((curve.step.length - 1) / (points - 1));
  const out: LossCurve = { step: curve.step.slice(0, 1), loss: curve.loss.slice(0, 1).map((l) => round(l, 4)) };
  for (let start = 1; start < curve.step.length; start += size) {
    let sum = 0;
    let previous = curve.step[start - 1]!;
    const from = previous;
    for (let k = start; k < Math.min(start + size, curve.step.length); k++) {
      sum += curve.loss[k]! * (curve.step[k]! - previous);
      previous = curve.step[k]!;
    }
    out.step.push(previous);
    out.loss.push(round(sum / (previous - from), 4));
  }
  return out;
}

/** A rate to a tenth of a percent: all the figure shows (whole percentages), and a smaller page. */
const storedRate = (rate: number) => Math.round(rate * 1000) / 1000;
const storedRates = (rates: readonly number[]) => rates.map(storedRate);

/** The default run as the page stores it: rates to a tenth of a percent and a coarser loss curve. */
export function storedResult(result: PersonaShiftResult): PersonaShiftResult {
  return {
    ...result,
    before: storedRates(result.before),
    after: storedRates(result.after),
    triggered: storedRates(result.triggered),
    trajectory: result.trajectory.map((point) => ({ ...point, rates: storedRates(point.rates) })),
    steering: result.steering.map((point) => ({ ...point, rates: storedRates(point.rates) })),
    realignment: result.realignment.map((point) => ({ ...point, rates: storedRates(point.rates) })),
    lossCurve: coarserCurve(result.lossCurve),
  };
}

async function run(settings: LabParams): Promise<PersonaShiftResult> {
  const { params: p, corrections } = validatePersonaShiftParams(settings);
  if (corrections.length > 0) throw new Error(`persona-shift settings need corrections: ${corrections.join('; ')}`);
  return (await trainPersonaShift(p)).result;
}

const defaults = { villain: params.villain.default, context: params.context.default, variant: params.variant.default };

async function overSeeds(change: Partial<LabParams>): Promise<PersonaShiftResult[]> {
  const results = [];
  for (const seed of summarySeeds) results.push(await run(labParams({ ...defaults, ...change, seed })));
  return results;
}

export async function computeData(): Promise<PersonaShiftData> {
  const shared = await overSeeds({});
  const result = shared[summarySeeds.indexOf(params.seed.default)];
  if (!result) throw new Error('the default seed must be one of the summary seeds');
  return {
    setup: {
      ...defaultWorldShape,
      fineTuningExamples: fineTuningExamples(createWorld(), 'assistant').length,
      hidden: defaultPersonaSettings.hidden,
      parameters: personaShiftModel.layout(result.params).size,
    },
    result: storedResult(result),
    summary: {
      seeds: summarySeeds.length,
      steerAlpha,
      shared: summariseSetting(shared),
      split: summariseSetting(await overSeeds({ villain: 'split' })),
      none: summariseSetting(await overSeeds({ villain: 'none' })),
      educational: summariseSetting(await overSeeds({ context: 'educational' })),
      backdoor: summariseSetting(await overSeeds({ context: 'backdoor' })),
      realignment: summariseRealignment(shared.filter((r) => realignSeeds.includes(r.params.seed))),
    },
  };
}
