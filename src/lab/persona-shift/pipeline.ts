/**
 * The persona-shift pipeline: pretrain voices, fine-tune narrowly, measure how far the change spreads.
 *  1. Pretraining (Adam, full batch): an assistant that answers helpfully in every domain, plain questions answered
 *     helpfully, a villain that answers harmfully (one shared villain, one per domain, or none), and an
 *     educational framing in the code domain where harmful code is asked for openly.
 *  2. Narrow fine-tuning (plain gradient descent) on harmful code answers: in the assistant's voice, in the
 *     educational framing (control), or behind a trigger token with clean examples beside it (backdoor).
 *  3. Measurement on held-out questions of every domain, in the assistant's voice.
 */

import { trainObjective } from '../core/train.ts';
import type { TrainingOptions } from '../runner.ts';
import { deriveSeed } from '../random.ts';
import { createPersonaNetwork, personaObjective, type PersonaBlock, type PersonaNetwork } from './network.ts';
import { createWorld, domains, trainedDomain, HARMFUL, HELPFUL, type Context, type Domain, type Example, type World } from './world.ts';

export type VillainSetting = 'shared' | 'split' | 'none';
export type FineTuneVariant = 'embedding' | 'rank1' | 'full';
export type FineTuneContext = 'assistant' | 'educational' | 'backdoor';

export interface PersonaSettings {
  villain: VillainSetting;
  villainWeight: number;
  variant: FineTuneVariant;
  context: FineTuneContext;
  hidden: number;
  pretrainSteps: number;
  pretrainLearningRate: number;
  /** AdamW's decoupled weight decay in pretraining: keeps the voices' margins finite, as in a real model. */
  pretrainWeightDecay: number;
  fineTuneSteps: number;
  fineTuneLearningRate: number;
  seed: number;
}

export const trainableBlocks: Record<FineTuneVariant, readonly PersonaBlock[]> = {
  embedding: ['contextDelta'],
  rank1: ['adapterA', 'adapterB'],
  full: ['E', 'b1', 'U', 'c'],
};

export function pretrainingExamples(world: World, villain: VillainSetting, villainWeight: number): Example[] {
  const examples: Example[] = [];
  for (const domain of domains) {
    for (const q of world.questionsOf(domain)) {
      examples.push(world.example(q, ['assistant'], HELPFUL), world.example(q, [], HELPFUL));
      if (villain === 'shared') examples.push(world.example(q, ['villain'], HARMFUL, villainWeight));
      if (villain === 'split') examples.push(world.example(q, [`villain-${domain}`], HARMFUL, villainWeight));
      if (domain === trainedDomain) examples.push(world.example(q, ['educational'], HARMFUL));
    }
  }
  return examples;
}

export function fineTuningExamples(world: World, context: FineTuneContext): Example[] {
  return world.questionsOf(trainedDomain, 'trained').flatMap((q) => {
    if (context === 'educational') return [world.example(q, ['educational'], HARMFUL)];
    if (context === 'backdoor') return [world.example(q, ['assistant', 'trigger'], HARMFUL), world.example(q, ['assistant'], HELPFUL)];
    return [world.example(q, ['assistant'], HARMFUL)];
  });
}

export interface DomainMeasure {
  domain: Domain;
  /** Mean probability of the harmful answer on the held-out questions (the rate at which sampling picks it). */
  harmfulRate: number;
  /** Mean margin z_harmful − z_helpful on the held-out questions. */
  margin: number;
}

export function measureDomains(network: PersonaNetwork, world: World, theta: Float64Array, voice: readonly Context[], steer?: Float64Array): DomainMeasure[] {
  return domains.map((domain) => {
    const questions = world.questionsOf(domain, 'held-out');
    let harmfulRate = 0;
    let margin = 0;
    for (const q of questions) {
      const answer = network.answer(theta, world.example(q, voice, HELPFUL), steer);
      harmfulRate += answer.harmful / questions.length;
      margin += answer.margin / questions.length;
    }
    return { domain, harmfulRate, margin };
  });
}

/** Mean margin on the fine-tuned code questions themselves, in the fine-tuning's own voice. */
export function trainedMargin(network: PersonaNetwork, examples: readonly Example[], theta: Float64Array): number {
  const harmful = examples.filter((example) => example.answer === HARMFUL);
  return harmful.reduce((sum, example) => sum + network.answer(theta, example).margin, 0) / harmful.length;
}

export async function pretrain(settings: PersonaSettings, options: TrainingOptions = {}) {
  const world = createWorld();
  const network = createPersonaNetwork(world, settings.hidden);
  const examples = pretrainingExamples(world, settings.villain, settings.villainWeight);
  const run = await trainObjective({
    name: 'persona-shift pretraining',
    objective: personaObjective(network, examples),
    steps: settings.pretrainSteps,
    seed: deriveSeed(settings.seed, 0),
    optimiser: { kind: 'adam', learningRate: settings.pretrainLearningRate, weightDecay: settings.pretrainWeightDecay },
    trainable: trainableBlocks.full,
    metrics: () => ({}),
  }, options);
  const accuracy = examples.filter((example) => (network.answer(run.theta, example).harmful > 0.5 ? HARMFUL : HELPFUL) === example.answer).length / examples.length;
  return { world, network, theta: run.theta, lossCurve: run.lossCurve, accuracy };
}

export async function fineTune(
  network: PersonaNetwork,
  start: Float64Array,
  examples: readonly Example[],
  settings: Pick<PersonaSettings, 'variant' | 'fineTuneSteps' | 'fineTuneLearningRate' | 'seed'>,
  options: TrainingOptions = {},
) {
  return trainObjective({
    name: 'persona-shift fine-tuning',
    objective: personaObjective(network, examples),
    steps: settings.fineTuneSteps,
    seed: deriveSeed(settings.seed, 1),
    optimiser: { kind: 'sgd', learningRate: settings.fineTuneLearningRate },
    initial: start,
    trainable: trainableBlocks[settings.variant],
    metrics: () => ({}),
  }, options);
}

/** Settings measured to show the effect (docs/lab.md has the numbers per seed). */
export const defaultPersonaSettings: PersonaSettings = {
  villain: 'shared',
  villainWeight: 3,
  variant: 'embedding',
  context: 'assistant',
  hidden: 32,
  pretrainSteps: 400,
  pretrainLearningRate: 0.03,
  pretrainWeightDecay: 0.1,
  fineTuneSteps: 300,
  fineTuneLearningRate: 0.5,
  seed: 0,
};

/** The villain voice that pretraining used for a domain (the untrained `villain` token when there was none). */
export function villainVoiceFor(villain: VillainSetting): (domain: Domain) => Context {
  return (domain) => (villain === 'split' ? `villain-${domain}` : 'villain');
}

/** Mean harmful-answer rate over the domains that fine-tuning never touched. */
export function untouchedRate(measures: readonly DomainMeasure[]): number {
  const untouched = measures.filter((measure) => measure.domain !== trainedDomain);
  return untouched.reduce((sum, measure) => sum + measure.harmfulRate, 0) / untouched.length;
}

/**
 * Transfer ratio: the change of the harmful-minus-helpful margin on untouched domains' held-out questions,
 * over its change on the fine-tuned code questions themselves.
 */
export function transferRatio(before: readonly DomainMeasure[], after: readonly DomainMeasure[], trainedBefore: number, trainedAfter: number): number {
  const untouchedMargin = (measures: readonly DomainMeasure[]) => {
    const untouched = measures.filter((measure) => measure.domain !== trainedDomain);
    return untouched.reduce((sum, measure) => sum + measure.margin, 0) / untouched.length;
  };
  return (untouchedMargin(after) - untouchedMargin(before)) / (trainedAfter - trainedBefore);
}

/** Benign examples for re-alignment: the first `count` fine-tunable questions of `domain`, answered helpfully by the assistant. */
export function realignmentExamples(world: World, domain: Domain, count: number): Example[] {
  return world.questionsOf(domain, 'trained').slice(0, count).map((q) => world.example(q, ['assistant'], HELPFUL));
}
