/**
 * What the frontier figure draws: the lab's sweep points (src/lab/sae-sweep.ts) with their labels, and the
 * reader's run from the dictionary figure, with a note when its settings differ from the sweep's.
 */
import { format } from 'd3-format';
import type { FrontierPoint } from '../../lab/sae-sweep.ts';
import type { ReaderRun } from '../sae-dictionary/reader-run.ts';
import type { FrontierData } from './data.ts';
import type { Settings } from './settings.ts';

export const fixed2 = format('.2f');
export const fixed3 = format('.3f');
/** λ values as set (0.01, 0.3, 2). */
export const lambdaFormat = format('~g');

export function pointName(point: Pick<FrontierPoint, 'variant' | 'value'>): string {
  return point.variant === 'l1' ? `L1, λ = ${lambdaFormat(point.value)}` : `TopK, k = ${point.value}`;
}

export function shownSweeps(data: FrontierData, settings: Settings): FrontierPoint[][] {
  return [settings.curves !== 'topk' ? data.l1 : [], settings.curves !== 'l1' ? data.topk : []].filter((sweep) => sweep.length > 0);
}

/** The dictionary figure's default SAE is one of the sweep's points (L1 at its default λ): the point shown before any run. */
export function defaultRun(data: FrontierData, lambda: number, featureProbability: number): ReaderRun {
  const point = data.l1.find((p) => p.value === lambda);
  if (!point) throw new Error(`the sweep has no L1 point at λ = ${lambda}`);
  return { ...point, width: data.width, featureProbability, seed: data.seed, trainedInBrowser: false };
}

/** Why a reader's run is not directly comparable with the sweep, or undefined when it is. */
export function offSweepNote(run: ReaderRun, data: FrontierData, featureProbability: number): string | undefined {
  const differences = [
    run.width !== data.width ? `${run.width} latents instead of ${data.width}` : '',
    run.featureProbability !== featureProbability ? `planted features on with probability ${fixed2(run.featureProbability)} instead of ${fixed2(featureProbability)}` : '',
  ].filter(Boolean);
  return differences.length > 0 ? `Your run used ${differences.join(' and ')}, so it is not on the same footing as the sweep.` : undefined;
}
