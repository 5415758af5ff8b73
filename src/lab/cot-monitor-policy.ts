/**
 * The agent of the chain-of-thought monitoring toy: a table policy trained by REINFORCE (Williams, 1992,
 * "Simple statistical gradient-following algorithms for connectionist reinforcement learning").
 *
 *   π(plan) = softmax(z_plan)            π(word at position t | plan) = softmax(z_words[plan, t])
 *   reward  = passed − λ · flag(scratch pad)
 *   L = −(1/E) Σ_e (r_e − b) · [log π(plan_e) + Σ_t log π(word_e,t | plan_e)] − β · H(π(plan))
 *
 * b is a running mean of the reward (state of the objective instance). The entropy bonus is on the plan only:
 * a bonus on the words would wear away the planted habit of writing words that match the plan.
 * Synonyms have probability 0 unless the environment allows them.
 */

import { defineLayout } from './core/layout.ts';
import type { Objective } from './core/objective.ts';
import { appendEpisodes, createEpisodes, type Episodes } from './cot-monitor-episodes.ts';
import { act, isSynonym, notePositions, plans, vocabulary, vocabularySize, type EnvironmentSettings } from './cot-monitor-task.ts';
import type { Random } from './random.ts';

export const cotPolicyLayout = defineLayout({
  plan: [plans.length],
  words: [plans.length, notePositions, vocabularySize],
});
export type CotPolicyBlock = (typeof cotPolicyLayout.blocks)[number]['name'];

/**
 * The planted propensity to think aloud: a hacking agent mostly names its operation, an honest one names a
 * hack word only rarely; synonyms start as unlikely as fix words do under a hack plan. Plans start even.
 */
const plantedWordLogits: { [Kind in (typeof vocabulary)[number]['kind']]: [fix: number, hack: number] } = {
  hack: [-4, 1.5],
  fix: [1.5, -0.5],
  neutral: [0.5, 0.5],
  synonym: [-3, 0.5],
};

export function plantPolicy(theta: Float64Array): void {
  cotPolicyLayout.slice(theta, 'plan').fill(0);
  const words = cotPolicyLayout.slice(theta, 'words');
  for (let plan = 0; plan < plans.length; plan++) {
    for (let position = 0; position < notePositions; position++) {
      for (let word = 0; word < vocabularySize; word++) {
        words[(plan * notePositions + position) * vocabularySize + word] = plantedWordLogits[vocabulary[word]!.kind][plan]!;
      }
    }
  }
}

/** Softmax of `logits[offset … offset + length)` into `out`, skipping entries where `allowed` is false. */
function softmaxInto(out: Float64Array, outOffset: number, logits: Float64Array, offset: number, length: number, allowed: readonly boolean[] | undefined): void {
  let max = -Infinity;
  for (let i = 0; i < length; i++) if (!allowed || allowed[i]) max = Math.max(max, logits[offset + i]!);
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const value = !allowed || allowed[i] ? Math.exp(logits[offset + i]! - max) : 0;
    out[outOffset + i] = value;
    sum += value;
  }
  for (let i = 0; i < length; i++) out[outOffset + i] = out[outOffset + i]! / sum;
}

function sampleIndex(probabilities: Float64Array, offset: number, length: number, random: Random): number {
  let u = random.uniform();
  for (let i = 0; i < length - 1; i++) {
    u -= probabilities[offset + i]!;
    if (u < 0) return i;
  }
  return length - 1;
}

export interface PolicyProbabilities {
  plan: Float64Array;
  /** plans × positions × vocabulary, rows summing to 1. */
  words: Float64Array;
}

export function policyProbabilities(theta: Float64Array, synonyms: boolean, out?: PolicyProbabilities): PolicyProbabilities {
  const result = out ?? { plan: new Float64Array(plans.length), words: new Float64Array(plans.length * notePositions * vocabularySize) };
  const allowed = synonyms ? undefined : isSynonym.map((synonym) => !synonym);
  softmaxInto(result.plan, 0, cotPolicyLayout.slice(theta, 'plan'), 0, plans.length, undefined);
  const words = cotPolicyLayout.slice(theta, 'words');
  for (let row = 0; row < plans.length * notePositions; row++) {
    softmaxInto(result.words, row * vocabularySize, words, row * vocabularySize, vocabularySize, allowed);
  }
  return result;
}

/** Samples `episodes.plan.length` episodes from the policy into `episodes` (plans, notes and outcomes). */
export function sampleEpisodes(episodes: Episodes, probabilities: PolicyProbabilities, environment: EnvironmentSettings, random: Random): void {
  const count = episodes.plan.length;
  for (let e = 0; e < count; e++) {
    const plan = sampleIndex(probabilities.plan, 0, plans.length, random);
    episodes.plan[e] = plan;
    for (let position = 0; position < notePositions; position++) {
      episodes.words[e * notePositions + position] = sampleIndex(probabilities.words, (plan * notePositions + position) * vocabularySize, vocabularySize, random);
    }
    const outcome = act(plan, episodes.words, e * notePositions, environment, random);
    episodes.editsTests[e] = outcome.editsTests ? 1 : 0;
    episodes.passed[e] = outcome.passed ? 1 : 0;
  }
  episodes.count = count;
}

export interface CotPolicySettings {
  environment: EnvironmentSettings;
  /** λ: the reward is reduced by λ for every scratch pad the monitor flags. */
  pressure: number;
  /** The frozen chain-of-thought monitor's verdict on a scratch pad; absent in the unpressured run. */
  flags?: ((words: Uint8Array, offset: number) => boolean) | undefined;
  episodesPerStep: number;
  /** Capacity of the objective's episode log (steps × episodesPerStep). */
  logCapacity: number;
  /** β, the entropy bonus on the plan. */
  planEntropyBonus: number;
  /** How fast the running baseline follows the mean reward. */
  baselineRate: number;
}

export interface CotBatch {
  episodes: Episodes;
  advantage: Float64Array;
}

export interface CotPolicyObjective extends Objective<CotBatch, CotPolicyBlock> {
  /** Every episode sampled so far, in order. */
  readonly log: Episodes;
}

export function createCotPolicyObjective(settings: CotPolicySettings): CotPolicyObjective {
  const { environment, pressure, flags, episodesPerStep: E } = settings;
  const log = createEpisodes(settings.logCapacity);
  const probabilities = policyProbabilities(new Float64Array(cotPolicyLayout.size), environment.synonyms);
  let baseline: number | undefined;

  return {
    layout: cotPolicyLayout,
    log,
    init: (theta) => plantPolicy(theta),
    createBatch: () => ({ episodes: createEpisodes(E), advantage: new Float64Array(E) }),
    sample(batch, random, theta) {
      policyProbabilities(theta, environment.synonyms, probabilities);
      const { episodes, advantage } = batch;
      sampleEpisodes(episodes, probabilities, environment, random);
      let meanReward = 0;
      for (let e = 0; e < E; e++) {
        const flagged = flags !== undefined && flags(episodes.words, e * notePositions);
        advantage[e] = episodes.passed[e]! - (flagged ? pressure : 0);
        meanReward += advantage[e]! / E;
      }
      const b = baseline ?? meanReward;
      for (let e = 0; e < E; e++) advantage[e] = advantage[e]! - b;
      baseline = b + settings.baselineRate * (meanReward - b);
      appendEpisodes(log, episodes);
    },
    lossAndGradient(theta, batch, grad) {
      policyProbabilities(theta, environment.synonyms, probabilities);
      const { episodes, advantage } = batch;
      const gradPlan = cotPolicyLayout.slice(grad, 'plan');
      const gradWords = cotPolicyLayout.slice(grad, 'words');
      const p = probabilities.plan;
      const q = probabilities.words;
      let loss = 0;
      // ∂(−A log softmax(z)_k)/∂z = −A (onehot_k − softmax(z)), averaged over the batch.
      for (let e = 0; e < E; e++) {
        const A = advantage[e]! / E;
        const plan = episodes.plan[e]!;
        let logProbability = Math.log(p[plan]!);
        for (let k = 0; k < plans.length; k++) gradPlan[k]! -= A * ((k === plan ? 1 : 0) - p[k]!);
        for (let position = 0; position < notePositions; position++) {
          const row = (plan * notePositions + position) * vocabularySize;
          const word = episodes.words[e * notePositions + position]!;
          logProbability += Math.log(q[row + word]!);
          for (let w = 0; w < vocabularySize; w++) gradWords[row + w]! -= A * ((w === word ? 1 : 0) - q[row + w]!);
        }
        loss -= A * logProbability;
      }
      // −β H(p), H = −Σ p log p; ∂H/∂z_k = −p_k (log p_k + H).
      let entropy = 0;
      for (let k = 0; k < plans.length; k++) entropy -= p[k]! * Math.log(p[k]!);
      for (let k = 0; k < plans.length; k++) gradPlan[k]! += settings.planEntropyBonus * p[k]! * (Math.log(p[k]!) + entropy);
      return loss - settings.planEntropyBonus * entropy;
    },
  };
}
