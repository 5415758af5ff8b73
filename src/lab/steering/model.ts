/**
 * Lab model "steering": the Golden Gate miniature in one run (a few seconds): the language model, the SAE on its
 * hidden layer, the two chosen latents with their profiles and top contexts, the α sweep of every comparison,
 * and sample continuations at every α of the grid, so the figure's slider answers at once.
 */

import { defineLabModel, type LabTrainOptions, type Trained } from '../core/define-model.ts';
import { round, toPlainArray } from '../json.ts';
import { validateParams, type ParamValues, type Validated } from '../params.ts';
import { createRandom, deriveSeed } from '../random.ts';
import type { LossCurve } from '../runner.ts';
import { topicOfToken, vocabulary, type Topic } from './grammar.ts';
import type { LatentProfile } from './features.ts';
import { languageModelLayout } from './language-model.ts';
import {
  alphaGrid, bridgePrompt, comparisons, defaultSteeringSettings, languageModelShape, sampleSentences, steeringEdit, steeringSweep, trainSteeringSetup,
  type Comparison, type SteeringSetup, type SweepPoint,
} from './pipeline.ts';

export const steeringParamSpec = [
  { name: 'seed', kind: 'number', default: 0, min: 0, max: 2 ** 31 - 1, integer: true, description: 'seed of the corpus, the language model, the SAE and the samples' },
  { name: 'languageModelSteps', kind: 'number', default: 1500, min: 100, max: 4000, integer: true, description: 'Adam steps of the language model' },
  { name: 'saeWidth', kind: 'number', default: 64, min: 16, max: 128, integer: true, description: 'SAE latents' },
  { name: 'saeK', kind: 'number', default: 4, min: 1, max: 16, integer: true, description: 'latents kept per token (TopK)' },
] as const;

export type SteeringParams = ParamValues<typeof steeringParamSpec>;

export function validateSteeringParams(raw: Record<string, unknown>): Validated<SteeringParams> {
  return validateParams(steeringParamSpec, raw);
}

/** A word of a generated sentence with its planted topic (null for shared words). */
export interface TopicWord {
  word: string;
  topic: Topic | null;
}

export interface LatentSummary {
  latent: number;
  sentenceAuroc: number;
  tokenAuroc: number;
  outputEffect: number;
  maxActivation: number;
  /** The contexts (the model's window, then the next word) where it fires most. */
  topContexts: { words: string[]; next: string; activation: number }[];
  /** The words whose logits its decoder direction raises most. */
  topBoosted: { word: string; effect: number }[];
}

export interface SteeringResult {
  params: SteeringParams;
  heldOutLoss: number;
  unigramLoss: number;
  grammarEntropy: number;
  sae: { fractionOfVarianceUnexplained: number; l0: number; deadLatents: number };
  chosen: Record<'does' | 'fires' | 'randomLatent', LatentSummary>;
  alphas: number[];
  sweep: Record<Comparison, SweepPoint[]>;
  prompt: { bridgeShare: number; legality: number };
  /** Sample sentences per comparison and α (index as in `alphas`), and after the bridge prompt. */
  samples: Record<Comparison, TopicWord[][][]>;
  promptSamples: TopicWord[][];
  finalLoss: number;
  lossCurve: LossCurve;
}

export type SteeringMetrics = { phase: 'language model' };

const samplesPerAlpha = 4;
const words = (tokens: readonly number[]): TopicWord[] => tokens.map((token) => ({ word: vocabulary[token]!, topic: topicOfToken[token] ?? null }));

function summarise(setup: SteeringSetup, profile: LatentProfile, activations: Float64Array): LatentSummary {
  const { sae, recording, model, theta } = setup;
  const width = sae.width;
  const rows = Array.from({ length: recording.rows }, (_, row) => row)
    .sort((a, b) => activations[b * width + profile.latent]! - activations[a * width + profile.latent]!)
    .slice(0, 5);
  const { window } = model.shape;
  const d = recording.width;
  const W2 = model.layout.slice(theta, 'W2');
  const decoder = sae.loss.layout.slice(sae.theta, 'W_dec');
  const boosted = vocabulary.map((word, token) => {
    let effect = 0;
    for (let j = 0; j < d; j++) effect += W2[token * d + j]! * decoder[profile.latent * d + j]!;
    return { word, effect: round(effect, 4) };
  }).sort((a, b) => b.effect - a.effect).slice(0, 5);
  return {
    latent: profile.latent,
    sentenceAuroc: round(profile.sentenceAuroc, 4),
    tokenAuroc: round(profile.tokenAuroc, 4),
    outputEffect: round(profile.outputEffect, 4),
    maxActivation: round(profile.maxActivation, 4),
    topContexts: rows.map((row) => {
      const sentence = recording.sentences[recording.sentenceOfRow[row]!]!;
      const context = Array.from(recording.contexts.subarray(row * window, (row + 1) * window), (token) => vocabulary[token]!);
      const position = row - recording.sentenceOfRow.indexOf(recording.sentenceOfRow[row]!);
      return { words: context, next: vocabulary[sentence.tokens[position]!]!, activation: round(activations[row * width + profile.latent]!, 4) };
    }),
    topBoosted: boosted,
  };
}

export async function trainSteering(params: SteeringParams, options: LabTrainOptions<SteeringMetrics> = {}): Promise<Trained<SteeringResult>> {
  const setup = await trainSteeringSetup({ ...defaultSteeringSettings, ...params }, {
    ...options,
    onProgress: options.onProgress && ((progress) => options.onProgress!({ ...progress, metrics: { phase: 'language model' } })),
  });
  const { sweep, prompt } = steeringSweep(setup, defaultSteeringSettings.samplesPerPoint, params.seed);
  const activations = setup.latentActivations;
  const random = createRandom(deriveSeed(params.seed, 70));
  const samples = Object.fromEntries(comparisons.map((comparison) => [comparison, alphaGrid.map((alpha) =>
    sampleSentences(setup, samplesPerAlpha, random, steeringEdit(setup, comparison, alpha)).map(words))])) as Record<Comparison, TopicWord[][][]>;
  const evaluation = setup.sae.loss.evaluate(setup.sae.theta, setup.recording.values, setup.recording.rows);
  const result: SteeringResult = {
    params,
    heldOutLoss: round(setup.heldOutLoss, 4),
    unigramLoss: round(setup.unigramLoss, 4),
    grammarEntropy: round(setup.grammarEntropy, 4),
    sae: {
      fractionOfVarianceUnexplained: round(evaluation.fractionOfVarianceUnexplained, 4),
      l0: round(evaluation.l0, 4),
      deadLatents: evaluation.deadLatents,
    },
    chosen: {
      does: summarise(setup, setup.chosen.does, activations),
      fires: summarise(setup, setup.chosen.fires, activations),
      randomLatent: summarise(setup, setup.chosen.randomLatent, activations),
    },
    alphas: [...alphaGrid],
    sweep: Object.fromEntries(comparisons.map((comparison) => [comparison, sweep[comparison].map((point) => ({
      alpha: point.alpha, bridgeShare: round(point.bridgeShare, 4), legality: round(point.legality, 4),
    }))])) as Record<Comparison, SweepPoint[]>,
    prompt: { bridgeShare: round(prompt.bridgeShare, 4), legality: round(prompt.legality, 4) },
    samples,
    promptSamples: sampleSentences(setup, samplesPerAlpha, random, undefined, bridgePrompt).map(words),
    finalLoss: round(setup.heldOutLoss, 4),
    lossCurve: { step: setup.languageModelCurve.step, loss: toPlainArray(setup.languageModelCurve.loss) },
  };
  return { result, theta: setup.theta };
}

export const steeringModel = /* @__PURE__ */ defineLabModel({
  name: 'steering',
  description: 'Golden Gate miniature: a tiny language model, an SAE on its hidden layer, and a bridges latent clamped while it writes',
  paramSpec: steeringParamSpec,
  validate: validateSteeringParams,
  layout: () => languageModelLayout(languageModelShape),
  train: trainSteering,
  summary: (result) => [
    `held-out loss ${result.heldOutLoss} nats/token (unigram ${result.unigramLoss}, grammar's own entropy ${result.grammarEntropy})`,
    `SAE: FVU ${result.sae.fractionOfVarianceUnexplained}, L0 ${result.sae.l0}, dead ${result.sae.deadLatents}`,
    `picked by output effect: latent ${result.chosen.does.latent}; by where it fires: latent ${result.chosen.fires.latent} (sentence AUROC ${result.chosen.fires.sentenceAuroc}, token AUROC ${result.chosen.fires.tokenAuroc})`,
    `bridge share at α = 0.5: output-picked ${result.sweep.does[2]!.bridgeShare}, fires-picked ${result.sweep.fires[2]!.bridgeShare}, random latent ${result.sweep.randomLatent[2]!.bridgeShare}, random direction ${result.sweep.randomDirection[2]!.bridgeShare}; prompt ${result.prompt.bridgeShare}`,
  ],
});
