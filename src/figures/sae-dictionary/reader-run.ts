/**
 * The SAE on screen in the dictionary figure, published for the frontier figure (src/figures/sae-frontier/),
 * which draws it as a point on the sweep. Both islands import this module, so on one page they share it; a
 * frontier that hydrates later still receives the latest run.
 */
import type { SaeResult } from '../../lab/sae.ts';

export interface ReaderRun {
  variant: 'l1' | 'topk';
  /** λ for L1, k for TopK. */
  value: number;
  width: number;
  featureProbability: number;
  seed: number;
  l0: number;
  fractionOfVarianceUnexplained: number;
  deadLatents: number;
  mmcs: number;
  /** True when the reader trained it; false for the build-time result at the defaults. */
  trainedInBrowser: boolean;
}

export function readerRunOf(result: SaeResult, trainedInBrowser: boolean): ReaderRun {
  const { variant, l1Coefficient, k, width, featureProbability, seed } = result.params;
  const { l0, fractionOfVarianceUnexplained, deadLatents, mmcs } = result;
  return { variant, value: variant === 'l1' ? l1Coefficient : k, width, featureProbability, seed, l0, fractionOfVarianceUnexplained, deadLatents, mmcs, trainedInBrowser };
}

let latest: ReaderRun | undefined;
const listeners = new Set<(run: ReaderRun) => void>();

export function publishReaderRun(run: ReaderRun): void {
  latest = run;
  for (const listener of listeners) listener(run);
}

/** Calls `listener` with the latest run (if any) and every later one; returns the unsubscribe function. */
export function subscribeReaderRun(listener: (run: ReaderRun) => void): () => void {
  listeners.add(listener);
  if (latest) listener(latest);
  return () => listeners.delete(listener);
}
