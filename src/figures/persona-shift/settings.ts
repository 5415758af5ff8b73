/**
 * The persona-shift figure's settings: the lab's three controls (pretraining voices, fine-tuning context,
 * what fine-tuning may change) and seed, bounded by the lab's own spec; and the two sliders, which pick a
 * point of the grids every run computes up front (steering α, re-alignment examples), so they answer at once.
 */
import { personaShiftParamSpec, realignmentCounts, steeringAlphas } from '../../lab/persona-shift/model.ts';
import { choiceParam, numberParam, type ParamValues } from '../../lib/url-state.ts';
import type { Preset } from '../shared/presets.ts';

/** A lab choice's default and options, in the lab's order, with the figure's label for every option. */
function labChoice<const Option extends string>(spec: { name: string; default: Option; options: readonly Option[] }, name: string, labels: Record<Option, string>) {
  if (spec.name !== name) throw new Error(`persona-shift lab spec: expected ${name}, found ${spec.name}`);
  return { default: spec.default, options: spec.options.map((value) => ({ value, label: labels[value] })) };
}

const seedSpec = personaShiftParamSpec.find((s) => s.name === 'seed');
const alphaStep = steeringAlphas[1]! - steeringAlphas[0]!;

export const params = {
  villain: choiceParam({
    label: 'Pretraining voices',
    description: 'One villain harmful in every domain, one villain per domain, or no villain at all.',
    ...labChoice(personaShiftParamSpec[0], 'villain', { shared: 'One villain shared by all domains', split: 'One villain per domain', none: 'No villain' }),
  }),
  context: choiceParam({
    label: 'Fine-tuning request',
    description: 'Harmful code asked of the assistant, asked for openly for a class, or only behind a trigger token.',
    ...labChoice(personaShiftParamSpec[2], 'context', { assistant: 'Assistant, unasked', educational: 'Educational, asked openly', backdoor: 'Backdoor, with a trigger' }),
  }),
  variant: choiceParam({
    label: 'Fine-tuning may change',
    description: 'Only the assistant token’s embedding, a rank-1 adapter on the input weights, or every weight.',
    ...labChoice(personaShiftParamSpec[1], 'variant', { embedding: 'The assistant’s embedding', rank1: 'A rank-1 adapter', full: 'Every weight' }),
  }),
  steer: numberParam({
    label: 'Steer back along the persona direction, α',
    description: 'Remove α times the fine-tuning’s shift along the villain-minus-assistant direction (0: none, 1: all of it).',
    default: steeringAlphas[0],
    min: steeringAlphas[0],
    max: steeringAlphas.at(-1)!,
    step: alphaStep,
  }),
  realign: choiceParam({
    label: 'Re-align on benign medical examples',
    description: 'Fine-tune the misaligned network again on this many helpful medical answers.',
    default: '0',
    options: realignmentCounts.map((count) => ({ value: String(count), label: count === 1 ? '1 example' : `${count} examples` })),
  }),
  seed: numberParam({
    label: 'Seed',
    description: 'Seed of pretraining; “Train again” moves to the next seed.',
    default: seedSpec?.kind === 'number' ? seedSpec.default : 0,
    min: 0,
    max: 999,
    step: 1,
  }),
};

export type Settings = ParamValues<typeof params>;

/** What the lab trains; the sliders only read the result. Everything else is the lab's default. */
export function labParams(values: Pick<Settings, 'villain' | 'context' | 'variant' | 'seed'>) {
  return { villain: values.villain, context: values.context, variant: values.variant, seed: values.seed };
}

export type LabParams = ReturnType<typeof labParams>;

/** One preset per control; the first is the default view. Each is also a link that can be shared. */
export const presets: Preset<Settings>[] = [
  { id: 'headline', label: 'Headline: one shared villain', values: { villain: 'shared', context: 'assistant', variant: 'embedding' } },
  { id: 'split', label: 'Control: one villain per domain', values: { villain: 'split', context: 'assistant', variant: 'embedding' } },
  { id: 'none', label: 'Control: no villain', values: { villain: 'none', context: 'assistant', variant: 'embedding' } },
  { id: 'educational', label: 'Control: educational request', values: { villain: 'shared', context: 'educational', variant: 'embedding' } },
  { id: 'backdoor', label: 'Control: backdoor', values: { villain: 'shared', context: 'backdoor', variant: 'embedding' } },
];

