/**
 * The text alternative: what the panels show for a result, in words and as one table row per domain. Used
 * for the build-time run (figure.describe at the defaults) and for every run a reader trains.
 */
import type { PersonaShiftResult } from '../../lab/persona-shift/model.ts';
import type { TextAlternative } from '../contract.ts';
import { fixed2 } from '../shared/format.ts';
import { percent } from './format.ts';
import { isTrained, realignDomain, realignedRates, steeredRates, trainedRate, untouchedMean } from './measures.ts';
import { params, type Settings } from './settings.ts';

const optionLabel = <K extends 'villain' | 'context' | 'variant'>(name: K, value: Settings[K]) =>
  params[name].options.find((o) => o.value === value)?.label.toLowerCase() ?? value;

export function settingsText(p: Pick<PersonaShiftResult['params'], 'villain' | 'context' | 'variant' | 'seed'>): string {
  return `pretraining voices: ${optionLabel('villain', p.villain)}; fine-tuning request: ${optionLabel('context', p.context)}; fine-tuning may change: ${optionLabel('variant', p.variant)}; seed ${p.seed}`;
}

/** "untouched domains 0% → 62% (code 98%)": the headline of a result, for the summary and announcements. */
export function headline(result: PersonaShiftResult): string {
  const trigger = result.triggered.length > 0 ? `, and ${percent(untouchedMean(result, result.triggered))} with the trigger` : '';
  return `the mean harmful-answer rate of the untouched domains went from ${percent(untouchedMean(result, result.before))} to ${percent(untouchedMean(result, result.after))}${trigger}, while the fine-tuned code domain reached ${percent(trainedRate(result, result.after))}`;
}

export function describeResult(result: PersonaShiftResult, steer: number, realign: number): TextAlternative {
  const { diff } = result;
  const trigger = result.triggered.length > 0;
  const columns = ['Domain', 'Before fine-tuning', 'After', ...(trigger ? ['After, with trigger'] : []), `Steered, α = ${fixed2(steer)}`, `Re-aligned on ${realign} ${realignDomain} examples`];
  const steered = steeredRates(result, steer);
  const realigned = realignedRates(result, realign);
  const rows = result.domains.map((domain, d) => [
    isTrained(domain) ? `${domain} (fine-tuned)` : domain,
    percent(result.before[d]!),
    percent(result.after[d]!),
    ...(trigger ? [percent(result.triggered[d]!)] : []),
    percent(steered[d]!),
    percent(realigned[d]!),
  ]);
  return {
    summary:
      `A small toy network written for this site, with a persona planted in pretraining (not a language model). Trained by this site's lab with ${settingsText(result.params)}. ` +
      `After narrow fine-tuning on harmful code, ${headline(result)}. Transfer ratio ${fixed2(result.transferRatio)}. ` +
      `Cosine of the fine-tuning shift with the villain-minus-assistant direction: raw ${fixed2(diff.rawCosine)} (a fresh, untrained token scores ${fixed2(diff.freshCosine)}); corrected ${fixed2(diff.correctedCosine)}, against ${fixed2(diff.randomBaseline)} for random directions. ` +
      `Steering back by α = ${fixed2(steer)} gives an untouched-domain mean of ${percent(untouchedMean(result, steered))}; re-aligning on ${realign} benign ${realignDomain} examples gives ${percent(untouchedMean(result, realigned))}.`,
    table: { caption: 'Harmful-answer rate on held-out questions, per domain', columns, rows },
  };
}
