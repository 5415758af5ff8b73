/**
 * Build-time lab output for this figure: the toy model of superposition trained once at the figure's
 * defaults (the sparse, equal-importance case), as a ReLU model and as the linear model, with the lab's
 * training protocol (its default steps, restarts and batch). The server render draws these results; a
 * reader's first run at other settings replaces them. `npm run precompute` writes data.json and its hashes to
 * data.hash.json; tests/unit/figures/data.test.ts checks that nothing it was computed from has changed since.
 */
import { trainSuperposition, validateSuperpositionParams, type SuperpositionResult } from '../../lab/superposition.ts';
import { defaultSettings, labParams } from './settings.ts';

export interface ExplorerData {
  relu: SuperpositionResult;
  linear: SuperpositionResult;
}

async function train(nonlinearity: 'relu' | 'linear'): Promise<SuperpositionResult> {
  const { params, corrections } = validateSuperpositionParams(labParams(defaultSettings, nonlinearity));
  if (corrections.length > 0) throw new Error(`superposition-explorer defaults need corrections: ${corrections.join('; ')}`);
  return (await trainSuperposition(params)).result;
}

export async function computeData(): Promise<ExplorerData> {
  return { relu: await train('relu'), linear: await train('linear') };
}
