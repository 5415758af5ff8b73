/**
 * Build-time lab output for this figure: Model 0 trained once with the lab's default settings.
 * `npm run precompute` writes it to data.json and its hashes to data.hash.json; tests/unit/figures/data.test.ts
 * checks that nothing it was computed from has changed since.
 */
import { mlpModel, trainModel0, type Model0Weights } from '../../lab/mlp.ts';

export interface PvaData {
  /** Model 0's trained parameters: the lines of the figure. */
  weights: Model0Weights;
  classes: string[];
  task: string;
  steps: number;
  seed: number;
  /** Held-out accuracy of the trained model. */
  accuracy: number;
}

export async function computeData(): Promise<PvaData> {
  const { result } = await trainModel0(mlpModel.defaults());
  return {
    weights: result.weights,
    classes: result.dataset.classes,
    task: result.dataset.description,
    steps: result.params.steps,
    seed: result.params.seed,
    accuracy: result.accuracy,
  };
}
