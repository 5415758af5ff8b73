/**
 * The SAE on the language model's hidden layer, and the two ways of choosing a "bridges" latent:
 *  - where it fires: AUROC of the latent's activation for telling bridge sentences from the rest (per sentence,
 *    using its largest activation in the sentence, and per token);
 *  - what it does: its output effect, the logit change W₂ d_i that its decoder direction d_i causes, averaged
 *    over bridge words minus the average over every other word.
 */

import { createSiteHooks } from '../core/interventions.ts';
import type { Objective } from '../core/objective.ts';
import { trainObjective } from '../core/train.ts';
import { auroc } from '../auroc.ts';
import { createRandom, deriveSeed } from '../random.ts';
import { createSaeLoss, type SaeLoss } from '../sae-objective.ts';
import { sampleSentence, topicOfToken, vocabulary, type Sentence } from './grammar.ts';
import { createTokenBatch, fillContext, hiddenSite, type LanguageModel } from './language-model.ts';

/** Hidden activations at every position of a set of sampled sentences, with the sentence each row belongs to. */
export interface HiddenRecording {
  rows: number;
  width: number;
  values: Float64Array;
  sentenceOfRow: Int32Array;
  sentences: Sentence[];
  /** The tokens the model had seen at each row (its window), for showing contexts. */
  contexts: Int32Array;
}

/** Rows per forward pass while recording (the model's buffers are sized for training batches). */
const chunkRows = 64;

export function recordHidden(model: LanguageModel, theta: Float64Array, sentenceCount: number, seed: number): HiddenRecording {
  const random = createRandom(seed);
  const sentences = Array.from({ length: sentenceCount }, () => sampleSentence(random));
  const rows = sentences.reduce((sum, sentence) => sum + sentence.tokens.length, 0);
  const { window, hidden } = model.shape;
  const batch = createTokenBatch(rows, window);
  const sentenceOfRow = new Int32Array(rows);
  let row = 0;
  sentences.forEach((sentence, index) => {
    sentence.tokens.forEach((token, position) => {
      fillContext(sentence.tokens, position, window, batch.contexts, row * window);
      batch.targets[row] = token;
      sentenceOfRow[row++] = index;
    });
  });
  const values = new Float64Array(rows * hidden);
  const hooks = createSiteHooks({ record: [hiddenSite] });
  for (let start = 0; start < rows; start += chunkRows) {
    const count = Math.min(chunkRows, rows - start);
    model.logits(theta, batch.contexts.subarray(start * window, (start + count) * window), count, hooks);
    values.set(hooks.cache.get(hiddenSite)!, start * hidden);
  }
  return { rows, width: hidden, values, sentenceOfRow, sentences, contexts: batch.contexts };
}

export interface HiddenSae {
  loss: SaeLoss;
  theta: Float64Array;
  width: number;
}

export interface HiddenSaeSettings {
  width: number;
  k: number;
  steps: number;
  learningRate: number;
  seed: number;
}

/** A TopK SAE trained on random rows of the recording. */
export async function trainHiddenSae(recording: HiddenRecording, settings: HiddenSaeSettings): Promise<HiddenSae> {
  const d = recording.width;
  const batchSize = 64;
  const loss = createSaeLoss({ d, width: settings.width, topK: settings.k, l1Coefficient: 0 });
  const objective: Objective<Float64Array> = {
    layout: loss.layout,
    init: loss.init,
    createBatch: () => new Float64Array(batchSize * d),
    sample(X, random) {
      for (let s = 0; s < batchSize; s++) {
        const row = Math.floor(random.uniform() * recording.rows);
        X.set(recording.values.subarray(row * d, (row + 1) * d), s * d);
      }
    },
    lossAndGradient: (theta, X, grad) => loss.lossAndGradient(theta, X, batchSize, grad),
  };
  const { theta } = await trainObjective({
    name: 'steering SAE',
    objective,
    steps: settings.steps,
    seed: deriveSeed(settings.seed, 20),
    optimiser: { kind: 'adam', learningRate: settings.learningRate },
    metrics: () => ({}),
  });
  return { loss, theta, width: settings.width };
}

/** Dense latent activations, rows × SAE width. */
export function latentActivations(sae: HiddenSae, recording: HiddenRecording): Float64Array {
  const out = new Float64Array(recording.rows * sae.width);
  for (let row = 0; row < recording.rows; row++) {
    const code = sae.loss.encodeSample(sae.theta, recording.values.subarray(row * recording.width, (row + 1) * recording.width));
    code.latents.forEach((latent, a) => (out[row * sae.width + latent] = code.activations[a]!));
  }
  return out;
}

export interface LatentProfile {
  latent: number;
  sentenceAuroc: number;
  tokenAuroc: number;
  /** Mean logit change on bridge words minus on all other words, per unit of activation. */
  outputEffect: number;
  /** Largest activation seen in the recording (the unit the clamp is measured in). */
  maxActivation: number;
}

export function profileLatents(model: LanguageModel, theta: Float64Array, sae: HiddenSae, recording: HiddenRecording, activations: Float64Array): LatentProfile[] {
  const { width } = sae;
  const bridgeSentence = recording.sentences.map((sentence) => sentence.topic === 'bridges');
  const tokenLabels = Array.from(recording.sentenceOfRow, (index) => bridgeSentence[index]!);
  const decoder = sae.loss.layout.slice(sae.theta, 'W_dec');
  const W2 = model.layout.slice(theta, 'W2');
  const d = recording.width;
  return Array.from({ length: width }, (_, latent) => {
    const tokenScores = Array.from({ length: recording.rows }, (_, row) => activations[row * width + latent]!);
    const sentenceScores = new Float64Array(recording.sentences.length);
    tokenScores.forEach((score, row) => {
      const index = recording.sentenceOfRow[row]!;
      sentenceScores[index] = Math.max(sentenceScores[index]!, score);
    });
    let bridge = 0;
    let bridgeCount = 0;
    let other = 0;
    let otherCount = 0;
    vocabulary.forEach((_, word) => {
      let effect = 0;
      for (let j = 0; j < d; j++) effect += W2[word * d + j]! * decoder[latent * d + j]!;
      if (topicOfToken[word] === 'bridges') {
        bridge += effect;
        bridgeCount++;
      } else {
        other += effect;
        otherCount++;
      }
    });
    return {
      latent,
      sentenceAuroc: auroc(sentenceScores, bridgeSentence),
      tokenAuroc: auroc(tokenScores, tokenLabels),
      outputEffect: bridge / bridgeCount - other / otherCount,
      maxActivation: Math.max(...tokenScores),
    };
  });
}

export type SelectionMethod = 'fires' | 'does';

/** The latent each method picks among latents that fired at all. */
export function chooseLatent(profiles: readonly LatentProfile[], method: SelectionMethod): LatentProfile {
  const alive = profiles.filter((profile) => profile.maxActivation > 0);
  const score = (profile: LatentProfile) => (method === 'fires' ? profile.sentenceAuroc : profile.outputEffect);
  return alive.reduce((best, profile) => (score(profile) > score(best) ? profile : best));
}
