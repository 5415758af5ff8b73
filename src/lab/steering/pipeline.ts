/**
 * The steering toy end to end: train the language model on the synthetic grammar, train a TopK SAE on its
 * hidden layer, choose a "bridges" latent two ways (where it fires, what it does), and measure what clamping
 * each one does to the text the model writes from a neutral start, against three comparisons: a random latent
 * clamped the same way, a random direction of the same norm, and simply starting the sentence with "the bridge".
 */

import { trainObjective } from '../core/train.ts';
import { createRandom, deriveSeed, type Random } from '../random.ts';
import type { LossCurve, TrainingOptions } from '../runner.ts';
import { enumerateGrammar, tokenOf, vocabulary } from './grammar.ts';
import { chooseLatent, latentActivations, profileLatents, recordHidden, trainHiddenSae, type HiddenRecording, type HiddenSae, type LatentProfile } from './features.ts';
import { createLanguageModel, createTokenBatch, languageModelObjective, sampleTokenBatch, type LanguageModel } from './language-model.ts';
import { addUnitDirection, clampLatent, generate, generationStats, type GenerationStats } from './steer.ts';
import type { SiteEdit } from '../core/interventions.ts';

export interface SteeringSettings {
  seed: number;
  languageModelSteps: number;
  saeWidth: number;
  saeK: number;
  saeSteps: number;
  /** Sentences generated per point of the α sweep. */
  samplesPerPoint: number;
}

export const defaultSteeringSettings: SteeringSettings = { seed: 0, languageModelSteps: 1500, saeWidth: 64, saeK: 4, saeSteps: 2000, samplesPerPoint: 100 };

export const languageModelShape = { window: 4, embedding: 8, hidden: 32 } as const;
const batchRows = 64;
export const alphaGrid = [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3] as const;
export const comparisons = ['does', 'fires', 'randomLatent', 'randomDirection'] as const;
export type Comparison = (typeof comparisons)[number];

export const randomDirectionCount = 8;

export const bridgePrompt = [tokenOf.get('the')!, tokenOf.get('bridge')!];

export interface SteeringSetup {
  model: LanguageModel;
  theta: Float64Array;
  sae: HiddenSae;
  recording: HiddenRecording;
  profiles: LatentProfile[];
  /** Dense latent activations on the recording, rows × SAE width. */
  latentActivations: Float64Array;
  chosen: Record<'does' | 'fires' | 'randomLatent', LatentProfile>;
  /** Random directions for the control (one draw can point at bridges by chance, so the sweep averages several), scaled at use to the norm of the 'does' clamp. */
  randomDirections: Float64Array[];
  languageModelCurve: LossCurve;
  heldOutLoss: number;
  unigramLoss: number;
  grammarEntropy: number;
  legalPairs: Set<number>;
}

function pickRandomLatent(profiles: readonly LatentProfile[], exclude: readonly number[], random: Random): LatentProfile {
  const candidates = profiles.filter((profile) => profile.maxActivation > 0 && !exclude.includes(profile.latent));
  return candidates[Math.floor(random.uniform() * candidates.length)]!;
}

function heldOutLosses(model: LanguageModel, theta: Float64Array, seed: number) {
  const test = createTokenBatch(batchRows, model.shape.window);
  const random = createRandom(deriveSeed(seed, 30));
  const counts = new Float64Array(vocabulary.length);
  const targets: number[] = [];
  let loss = 0;
  const batches = 32;
  for (let b = 0; b < batches; b++) {
    sampleTokenBatch(test, model.shape.window, random);
    loss += model.meanLoss(theta, test) / batches;
    for (const target of test.targets) {
      counts[target]! += 1;
      targets.push(target);
    }
  }
  const unigram = -targets.reduce((sum, target) => sum + Math.log(counts[target]! / targets.length), 0) / targets.length;
  return { heldOutLoss: loss, unigramLoss: unigram };
}

export async function trainSteeringSetup(settings: SteeringSettings, options: TrainingOptions = {}): Promise<SteeringSetup> {
  const model = createLanguageModel(languageModelShape, batchRows);
  const trained = await trainObjective({
    name: 'steering language model',
    objective: languageModelObjective(model, batchRows),
    steps: settings.languageModelSteps,
    seed: deriveSeed(settings.seed, 0),
    optimiser: { kind: 'adam', learningRate: 0.01 },
    metrics: () => ({}),
  }, options);
  const recording = recordHidden(model, trained.theta, 600, deriveSeed(settings.seed, 10));
  const sae = await trainHiddenSae(recording, { width: settings.saeWidth, k: settings.saeK, steps: settings.saeSteps, learningRate: 0.003, seed: settings.seed });
  const activations = latentActivations(sae, recording);
  const profiles = profileLatents(model, trained.theta, sae, recording, activations);
  const does = chooseLatent(profiles, 'does');
  const fires = chooseLatent(profiles, 'fires');
  const random = createRandom(deriveSeed(settings.seed, 40));
  const randomLatent = pickRandomLatent(profiles, [does.latent, fires.latent], random);
  const grammar = enumerateGrammar();
  return {
    model,
    theta: trained.theta,
    sae,
    recording,
    profiles,
    latentActivations: activations,
    chosen: { does, fires, randomLatent },
    randomDirections: Array.from({ length: randomDirectionCount }, () => Float64Array.from({ length: languageModelShape.hidden }, () => random.normal())),
    languageModelCurve: trained.lossCurve,
    ...heldOutLosses(model, trained.theta, settings.seed),
    grammarEntropy: grammar.entropyPerToken,
    legalPairs: grammar.legalPairs,
  };
}

/** The norm of the 'does' latent's clamp at α = 1: its decoder norm times its largest activation. */
function doesClampNorm(setup: SteeringSetup): number {
  const { sae, chosen } = setup;
  const d = languageModelShape.hidden;
  const row = sae.loss.layout.slice(sae.theta, 'W_dec').subarray(chosen.does.latent * d, (chosen.does.latent + 1) * d);
  return Math.hypot(...row) * chosen.does.maxActivation;
}

/** The hidden-layer edit of one comparison at strength α (none at α = 0); `draw` picks the random direction. */
export function steeringEdit(setup: SteeringSetup, comparison: Comparison, alpha: number, draw = 0): SiteEdit | undefined {
  if (alpha === 0) return undefined;
  if (comparison === 'randomDirection') return addUnitDirection(setup.randomDirections[draw % setup.randomDirections.length]!, alpha * doesClampNorm(setup));
  const profile = setup.chosen[comparison];
  return clampLatent(setup.sae, profile.latent, alpha * profile.maxActivation);
}

export function sampleSentences(setup: SteeringSetup, count: number, random: Random, edit?: SiteEdit, prompt: readonly number[] = []): number[][] {
  return Array.from({ length: count }, () => generate(setup.model, setup.theta, prompt, random, edit));
}

export interface SweepPoint extends GenerationStats {
  alpha: number;
}

/**
 * Bridge share and legality along the α grid for each comparison, and for the bridge-word prompt. The random
 * direction's samples are spread over all its draws, so one lucky draw cannot make the control.
 */
export function steeringSweep(setup: SteeringSetup, samples: number, seed: number): { sweep: Record<Comparison, SweepPoint[]>; prompt: GenerationStats } {
  const sweep = Object.fromEntries(comparisons.map((comparison, index) => {
    const random = createRandom(deriveSeed(seed, 50 + index));
    const draws = comparison === 'randomDirection' ? setup.randomDirections.length : 1;
    return [comparison, alphaGrid.map((alpha) => {
      const sentences = Array.from({ length: draws }, (_, draw) =>
        sampleSentences(setup, Math.ceil(samples / draws), random, steeringEdit(setup, comparison, alpha, draw))).flat();
      return { alpha, ...generationStats(sentences, setup.legalPairs) };
    })];
  })) as Record<Comparison, SweepPoint[]>;
  const prompt = generationStats(sampleSentences(setup, samples, createRandom(deriveSeed(seed, 60)), undefined, bridgePrompt), setup.legalPairs);
  return { sweep, prompt };
}
