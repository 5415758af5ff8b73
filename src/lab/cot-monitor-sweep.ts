/**
 * The chain-of-thought monitoring toy over several seeds: for each named setting, the mean and range of the
 * final rates of both agents. The article quotes these (through the figure's build-time data), so every
 * number it states about the toy is the lab's, with the number of seeds.
 */

import { trainCotMonitor, validateCotMonitorParams, type CotMonitorParams } from './cot-monitor.ts';
import type { EpisodeRates } from './cot-monitor-episodes.ts';
import { round } from './json.ts';

type Rate = 'hackRate' | 'cotRecall' | 'actionRecall' | 'cotFalsePositiveRate' | 'undetectedRate' | 'passRate';
const rates: Rate[] = ['hackRate', 'cotRecall', 'actionRecall', 'cotFalsePositiveRate', 'undetectedRate', 'passRate'];

/** Mean, lowest and highest over the seeds that had the rate (a recall needs at least one hack). */
export type Spread = { mean: number; min: number; max: number; seeds: number };
export type RateSpreads = { [R in Rate]: Spread | null };
export type SettingSpread = { unpressured: RateSpreads; pressured: RateSpreads; monitorHonestFlagRate: Spread };

function spread(values: (number | null)[]): Spread | null {
  const present = values.filter((value): value is number => value !== null);
  if (present.length === 0) return null;
  const mean = present.reduce((sum, value) => sum + value, 0) / present.length;
  return { mean: round(mean, 4), min: round(Math.min(...present), 4), max: round(Math.max(...present), 4), seeds: present.length };
}

const spreads = (runs: EpisodeRates[]): RateSpreads =>
  Object.fromEntries(rates.map((rate) => [rate, spread(runs.map((run) => run[rate]))])) as RateSpreads;

/** Trains every setting at seeds 0 … seeds − 1 (the lab's defaults for everything a setting leaves out). */
export async function sweepCotMonitor<const Name extends string>(
  settings: Record<Name, Partial<CotMonitorParams>>,
  seeds: number,
): Promise<{ seeds: number; settings: Record<Name, SettingSpread> }> {
  const out = {} as Record<Name, SettingSpread>;
  for (const name of Object.keys(settings) as Name[]) {
    const results = [];
    for (let seed = 0; seed < seeds; seed++) {
      const { params, corrections } = validateCotMonitorParams({ ...settings[name], seed });
      if (corrections.length > 0) throw new Error(`sweep setting ${name}: ${corrections.join('; ')}`);
      results.push((await trainCotMonitor(params)).result);
    }
    out[name] = {
      unpressured: spreads(results.map((r) => r.unpressured.final)),
      pressured: spreads(results.map((r) => r.pressured.final)),
      monitorHonestFlagRate: spread(results.map((r) => r.monitorOnLog.falsePositiveRate))!,
    };
  }
  return { seeds, settings: out };
}
