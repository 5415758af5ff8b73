/**
 * Build-time lab output for this figure: the steering model (src/lab/steering/model.ts) run at seed 0, the
 * figure's default and its no-JavaScript view, plus a summary over seeds 0–2 of the numbers the article quotes
 * (bridge share and legality at α 0, 0.5 and 1 per comparison, the AUROC ranges of both chosen latents, the
 * prompt). `npm run precompute -- feature-steering` writes data.json; tests/unit/figures/data.test.ts checks it.
 */
import { BOS, EOS, vocabulary } from '../../lab/steering/grammar.ts';
import { languageModelLayout } from '../../lab/steering/language-model.ts';
import { trainSteering, validateSteeringParams, type SteeringResult } from '../../lab/steering/model.ts';
import { comparisons, languageModelShape, randomDirectionCount, type Comparison } from '../../lab/steering/pipeline.ts';
import { round } from '../../lab/json.ts';

/** Seeds of the summary the article quotes; the first is the figure's default. */
export const summarySeeds = [0, 1, 2] as const;
/** The α values the article discusses (all on the lab's grid), under keys a LabValue path can name. */
export const quotedAlphas = { alpha0: 0, alpha05: 0.5, alpha1: 1 } as const;
export type QuotedAlpha = keyof typeof quotedAlphas;

export interface Range {
  min: number;
  max: number;
}

export interface SteeringSummary {
  seeds: number;
  /** Per comparison, per quoted α: the range over seeds. */
  bridgeShare: Record<Comparison, Record<QuotedAlpha, Range>>;
  legality: Record<Comparison, Record<QuotedAlpha, Range>>;
  prompt: { bridgeShare: Range; legality: Range };
  sentenceAuroc: Record<'does' | 'fires', Range>;
  tokenAuroc: Record<'does' | 'fires', Range>;
  /** Seeds in which each method's bridge share at α 0.5 is at least twice its share at α 0. */
  steersAtHalf: Record<'does' | 'fires', number>;
}

export interface SteeringFigureData {
  result: SteeringResult;
  summary: SteeringSummary;
  /** The toy's size, for the article: words in the grammar (the sentence start and full stop excluded) and parameters of the language model. */
  words: number;
  parameters: number;
  /** The language model's shape (context window in words, embedding and hidden widths). */
  shape: { window: number; embedding: number; hidden: number };
  /** Random directions the random-direction control averages over. */
  randomDirections: number;
}

function range(values: number[]): Range {
  return { min: round(Math.min(...values), 4), max: round(Math.max(...values), 4) };
}

function atAlpha(result: SteeringResult, comparison: Comparison, alpha: number) {
  const point = result.sweep[comparison].find((p) => p.alpha === alpha);
  if (!point) throw new Error(`α ${alpha} is not on the lab's grid`);
  return point;
}

export function summarise(results: SteeringResult[]): SteeringSummary {
  const perAlpha = (key: 'bridgeShare' | 'legality') => Object.fromEntries(comparisons.map((c) => [c,
    Object.fromEntries(Object.entries(quotedAlphas).map(([name, alpha]) => [name, range(results.map((r) => atAlpha(r, c, alpha)[key]))]))])) as Record<Comparison, Record<QuotedAlpha, Range>>;
  const methods = ['does', 'fires'] as const;
  const byMethod = (f: (r: SteeringResult, m: (typeof methods)[number]) => number) =>
    Object.fromEntries(methods.map((m) => [m, range(results.map((r) => f(r, m)))])) as Record<(typeof methods)[number], Range>;
  return {
    seeds: results.length,
    bridgeShare: perAlpha('bridgeShare'),
    legality: perAlpha('legality'),
    prompt: { bridgeShare: range(results.map((r) => r.prompt.bridgeShare)), legality: range(results.map((r) => r.prompt.legality)) },
    sentenceAuroc: byMethod((r, m) => r.chosen[m].sentenceAuroc),
    tokenAuroc: byMethod((r, m) => r.chosen[m].tokenAuroc),
    steersAtHalf: Object.fromEntries(methods.map((m) => [m,
      results.filter((r) => atAlpha(r, m, 0.5).bridgeShare >= 2 * atAlpha(r, m, 0).bridgeShare).length])) as Record<(typeof methods)[number], number>,
  };
}

async function run(seed: number): Promise<SteeringResult> {
  const { params, corrections } = validateSteeringParams({ seed });
  if (corrections.length > 0) throw new Error(`feature-steering seed ${seed} needs corrections: ${corrections.join('; ')}`);
  return (await trainSteering(params)).result;
}

export async function computeData(): Promise<SteeringFigureData> {
  const results: SteeringResult[] = [];
  for (const seed of summarySeeds) results.push(await run(seed));
  return {
    result: results[0]!,
    summary: summarise(results),
    words: vocabulary.filter((w) => w !== BOS && w !== EOS).length,
    parameters: languageModelLayout(languageModelShape).size,
    shape: { ...languageModelShape },
    randomDirections: randomDirectionCount,
  };
}
