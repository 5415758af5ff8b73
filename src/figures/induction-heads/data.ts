/**
 * Build-time lab output for this figure: the two-layer model and the one-layer control trained once at the
 * figure's defaults (varying offset, seed 0), without their checkpoints' θ (served separately as a binary asset,
 * see checkpoints.ts), plus the sequences the figure can show and the final attention patterns of the first
 * one (the server render). `npx node src/figures/precompute.ts induction-heads` writes data.json;
 * tests/unit/figures/data.test.ts retrains and checks it.
 */
import { trainInduction, validateInductionParams, type InductionCheckpoint, type InductionParams, type InductionResult } from '../../lab/induction.ts';
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
}

export async function trainBuildTime(layers: 1 | 2): Promise<InductionResult> {
  const { params, corrections } = validateInductionParams({ layers });
  if (corrections.length > 0) throw new Error(`induction-heads defaults need corrections: ${corrections.join('; ')}`);
  return (await trainInduction(params)).result;
}

function withoutTheta(result: InductionResult): FigureRun {
  return { ...result, checkpoints: result.checkpoints.map(({ theta: _theta, ...checkpoint }) => checkpoint) };
}

export function modelParams(params: InductionParams) {
  return { layers: params.layers, heads: params.heads, offset: params.offset };
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
  };
}
