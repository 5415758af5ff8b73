/**
 * Readings of one persona-shift result that the drawing, the text alternative and the build-time seed
 * summary share: which domains fine-tuning touched, mean rates over the untouched ones, and the points of
 * the steering and re-alignment grids.
 */
import type { DomainRates, PersonaShiftResult } from '../../lab/persona-shift/model.ts';
import { trainedDomain } from '../../lab/persona-shift/world.ts';

/** The domain the re-alignment examples come from (the lab's choice; see model.ts). */
export const realignDomain = 'medical';

export const isTrained = (domain: string) => domain === trainedDomain;

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Mean rate over the domains that `keep` admits, in the order of `domains`. */
function meanOver(domains: readonly string[], rates: DomainRates, keep: (domain: string) => boolean): number {
  return mean(rates.filter((_, i) => keep(domains[i]!)));
}

/** Mean rate over the domains fine-tuning never saw. */
export const untouchedMean = (result: Pick<PersonaShiftResult, 'domains'>, rates: DomainRates) => meanOver(result.domains, rates, (d) => !isTrained(d));

/** Mean rate over the domains neither fine-tuning nor re-alignment saw. */
export const bystanderMean = (result: Pick<PersonaShiftResult, 'domains'>, rates: DomainRates) =>
  meanOver(result.domains, rates, (d) => !isTrained(d) && d !== realignDomain);

/** The trained domain's rate. */
export const trainedRate = (result: Pick<PersonaShiftResult, 'domains'>, rates: DomainRates) => rates[result.domains.indexOf(trainedDomain)] ?? 0;

/** Rates after steering by α (a point of the result's grid; the slider's steps are the grid's). */
export function steeredRates(result: PersonaShiftResult, alpha: number): DomainRates {
  const point = result.steering.find((s) => Math.abs(s.alpha - alpha) < 1e-9);
  if (!point) throw new Error(`persona-shift result has no steering point at α = ${alpha}`);
  return point.rates;
}

/** Rates after re-aligning on `count` benign examples (a point of the result's grid). */
export function realignedRates(result: PersonaShiftResult, count: number): DomainRates {
  const point = result.realignment.find((r) => r.count === count);
  if (!point) throw new Error(`persona-shift result has no re-alignment point with ${count} examples`);
  return point.rates;
}
