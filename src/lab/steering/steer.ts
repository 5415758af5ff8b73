/**
 * Steering the language model while it writes. Clamping latent i of the SAE to a value c while keeping the
 * SAE's reconstruction error replaces h by
 *   x̂(f with f_i = c) + (h − x̂(f)) = h + (c − f_i(h)) d_i,
 * so it is exactly adding a multiple of the latent's decoder direction d_i; the multiple depends on the input.
 * Controls: a random latent clamped the same way, and a random direction of the same norm added instead.
 */

import { addDirection, createSiteHooks, type SiteEdit } from '../core/interventions.ts';
import type { Random } from '../random.ts';
import { BOS_TOKEN, EOS_TOKEN, topicOfToken, vocabulary, type Topic } from './grammar.ts';
import { fillContext, hiddenSite, type LanguageModel } from './language-model.ts';
import type { HiddenSae } from './features.ts';

/** Sets latent `latent` to `value` in every row, keeping the SAE's error term. */
export function clampLatent(sae: HiddenSae, latent: number, value: number): SiteEdit {
  const decoder = sae.loss.layout.slice(sae.theta, 'W_dec');
  return (values) => {
    const d = decoder.length / sae.width;
    for (let offset = 0; offset < values.length; offset += d) {
      const row = values.subarray(offset, offset + d);
      const code = sae.loss.encodeSample(sae.theta, row);
      const index = code.latents.indexOf(latent);
      const current = index < 0 ? 0 : code.activations[index]!;
      for (let j = 0; j < d; j++) row[j]! += (value - current) * decoder[latent * d + j]!;
    }
  };
}

/** Adds `scale` times a direction of unit norm (e.g. a random control direction) to every row. */
export function addUnitDirection(direction: Float64Array, scale: number): SiteEdit {
  const norm = Math.hypot(...direction);
  return addDirection(direction.map((value) => value / norm), scale);
}

const maxLength = 12;

/** One sentence sampled at temperature 1 after `prompt` (tokens after BOS), with `edit` applied at the hidden layer. */
export function generate(model: LanguageModel, theta: Float64Array, prompt: readonly number[], random: Random, edit?: SiteEdit): number[] {
  const { window } = model.shape;
  const tokens = [...prompt];
  const context = new Int32Array(window);
  const hooks = createSiteHooks(edit ? { edits: { [hiddenSite]: edit } } : {});
  while (tokens.length < maxLength && tokens.at(-1) !== EOS_TOKEN) {
    fillContext(tokens, tokens.length, window, context, 0);
    const p = model.probabilities(theta, context, 1, hooks);
    let u = random.uniform();
    let next = EOS_TOKEN;
    for (let word = 0; word < vocabulary.length; word++) {
      if ((u -= p[word]!) < 0) {
        next = word;
        break;
      }
    }
    tokens.push(next);
  }
  return tokens;
}

export interface GenerationStats {
  /** Bridge words among the topic-bearing words written. */
  bridgeShare: number;
  /** Word pairs (BOS → first word included) that the grammar allows. */
  legality: number;
}

export function generationStats(sentences: readonly (readonly number[])[], legalPairs: ReadonlySet<number>, topic: Topic = 'bridges'): GenerationStats {
  let topical = 0;
  let onTopic = 0;
  let pairs = 0;
  let legal = 0;
  for (const sentence of sentences) {
    let previous = BOS_TOKEN;
    for (const token of sentence) {
      const wordTopic = topicOfToken[token];
      if (wordTopic) {
        topical++;
        if (wordTopic === topic) onTopic++;
      }
      pairs++;
      if (legalPairs.has(previous * vocabulary.length + token)) legal++;
      previous = token;
    }
  }
  return { bridgeShare: topical ? onTopic / topical : 0, legality: pairs ? legal / pairs : 1 };
}
