/**
 * Build-time lab output for this figure: the two-layer model and the one-layer control trained once at the
 * figure's defaults (varying offset, seed 0), without their checkpoints' θ (served separately as a binary asset,
 * see checkpoints.ts), plus the sequences the figure can show and the final attention patterns of the first
 * one (the server render); and, for the article's prose, the run's fixed sizes and a summary over the first
 * `summarySeeds` seeds of the two-layer model and `controlSeeds` of the one-layer control, on varying- and on
 * fixed-offset data.
 * `npm run precompute -- induction-heads` writes data.json (twelve runs: about a minute of CPU time);
 * tests/unit/figures/data.test.ts compares its hashes.
 */
import { evaluationBatch, evaluationSize, inductionShape, inductionSizes, trainInduction, validateInductionParams, type InductionCheckpoint, type InductionParams, type InductionResult } from '../../lab/induction.ts';
import { inductionThreshold, measureModel, previousTokenThreshold, type HeadScores } from '../../lab/induction-analysis.ts';
import { fixedOffsetDistance, type OffsetMode } from '../../lab/induction-data.ts';
import { summariseControl, summariseSeeds, type ControlSummary, type SeedSummary } from '../../lab/induction-seeds.ts';
import { round } from '../../lab/json.ts';
import { createTransformer, transformerLayout } from '../../lab/transformer.ts';
import { displaySequences, headPatterns, type DisplaySequence } from './model.ts';
import { sequenceCount } from './settings.ts';

/** A run as the figure holds it: live runs keep each checkpoint's θ, build-time data leave it out. */
export type FigureRun = Omit<InductionResult, 'checkpoints'> & {
  checkpoints: (Omit<InductionCheckpoint, 'theta'> & { theta?: number[] })[];
};

export interface InductionFigureData {
  twoLayer: FigureRun;
  oneLayer: FigureRun;
  sequences: DisplaySequence[];
  /** Final attention patterns of the two-layer model on sequences[0], per head (layer · heads + head). */
  patterns: number[][][];
  /**
   * The default two-layer run's fixed sizes, its parameter count, the losses its drop rule refers to, the scores
   * that name heads, what a head attending evenly to every position it can see would score, and how far back
   * the second copy is with a fixed offset.
   */
  settings: typeof inductionSizes & {
    parameters: number; evaluationSequences: number; uniformLoss: number; dropThreshold: number;
    previousTokenThreshold: number; inductionThreshold: number; uniformAttentionScores: HeadScores; fixedOffsetDistance: number;
  };
  /** Seeds 0 … summarySeeds − 1 of the two-layer model, and 0 … controlSeeds − 1 of the one-layer control. */
  seeds: SeedSummary;
  controlSeeds: ControlSummary;
  /** Seeds 0 … controlSeeds − 1 of the one-layer model on fixed-offset data (the shortcut the default data avoid). */
  fixedOffsetControlSeeds: ControlSummary;
}

/** Seeds the article's summary covers; every run takes a few seconds, so precompute stays under a minute of CPU. */
const summarySeeds = 6;
const controlSeeds = 3;

export async function trainBuildTime(layers: 1 | 2, seed = 0, offset: OffsetMode = 'varying'): Promise<InductionResult> {
  const { params, corrections } = validateInductionParams({ layers, seed, offset });
  if (corrections.length > 0) throw new Error(`induction-heads defaults need corrections: ${corrections.join('; ')}`);
  return (await trainInduction(params)).result;
}

function withoutTheta(result: InductionResult): FigureRun {
  return { ...result, checkpoints: result.checkpoints.map(({ theta: _theta, ...checkpoint }) => checkpoint) };
}

export function modelParams(params: InductionParams) {
  return { layers: params.layers, heads: params.heads, offset: params.offset };
}

/** Runs of seeds 0 … count − 1, reusing `seedZero` when given. */
async function seedRuns(layers: 1 | 2, count: number, seedZero?: InductionResult, offset: OffsetMode = 'varying'): Promise<InductionResult[]> {
  const runs = seedZero ? [seedZero] : [];
  for (let seed = runs.length; seed < count; seed++) runs.push(await trainBuildTime(layers, seed, offset));
  return runs;
}

/** A transformer with θ = 0 attends evenly to every position it can see: its scores are those of a head that picks nothing out. */
function uniformAttentionScores(params: InductionParams): HeadScores {
  const shape = inductionShape(params);
  const scores = measureModel(createTransformer(shape), new Float64Array(transformerLayout(shape).size), evaluationBatch(params)).scores[0]![0]!;
  return { previousToken: round(scores.previousToken), induction: round(scores.induction) };
}

function runSettings(params: InductionParams): InductionFigureData['settings'] {
  const uniformLoss = Math.log(inductionSizes.vocab);
  return {
    ...inductionSizes,
    parameters: transformerLayout(inductionShape(params)).size,
    evaluationSequences: evaluationSize,
    uniformLoss: round(uniformLoss),
    dropThreshold: round(uniformLoss / 2),
    previousTokenThreshold,
    inductionThreshold,
    uniformAttentionScores: uniformAttentionScores(params),
    fixedOffsetDistance: fixedOffsetDistance(inductionSizes.context),
  };
}

export async function computeData(): Promise<InductionFigureData> {
  const twoLayer = await trainBuildTime(2);
  const oneLayer = await trainBuildTime(1);
  const sequences = displaySequences(twoLayer.params, sequenceCount);
  return {
    twoLayer: withoutTheta(twoLayer),
    oneLayer: withoutTheta(oneLayer),
    sequences,
    patterns: headPatterns(modelParams(twoLayer.params), twoLayer.checkpoints.at(-1)!.theta, sequences[0]!),
    settings: runSettings(twoLayer.params),
    seeds: summariseSeeds(await seedRuns(2, summarySeeds, twoLayer)),
    controlSeeds: summariseControl(await seedRuns(1, controlSeeds, oneLayer)),
    fixedOffsetControlSeeds: summariseControl(await seedRuns(1, controlSeeds, undefined, 'fixed')),
  };
}
