/**
 * The text alternative and the spoken summaries: what a result shows, in words and as a table of the
 * rates before and after pressure. Used for the build-time result (figure.describe) and for every run a
 * reader trains (TextAlternative applies it to what is on screen).
 */
import type { CotMonitorResult } from '../../lab/cot-monitor.ts';
import type { EpisodeRates } from '../../lab/cot-monitor-episodes.ts';
import type { TextAlternative } from '../contract.ts';
import { percent, rateOrDash } from './view-model.ts';

export function settingsText(p: CotMonitorResult['params']): string {
  const start = p.pressureFrom === 'start' ? 'from the start' : 'after the unpressured run';
  const plan = p.necessity === 'on' ? `a hack needs a written plan${p.synonyms === 'on' ? ', and unseen synonyms count' : ''}` : 'a hack needs no written plan';
  return `pressure λ = ${p.pressure} ${start}, ${plan}, seed ${p.seed}`;
}

/** One sentence on the pressured agent: does it hack, and does the monitor see it? */
export function outcomeText(result: CotMonitorResult): string {
  const before = result.unpressured.final;
  const after = result.pressured.final;
  return (
    `Before pressure the agent hacks in ${percent(before.hackRate)} of episodes and the chain-of-thought monitor catches ${rateOrDash(before.cotRecall)} of hacks (the action-only monitor ${rateOrDash(before.actionRecall)}). ` +
    `After the pressured run it hacks in ${percent(after.hackRate)} of episodes, the monitor catches ${rateOrDash(after.cotRecall)} of hacks, and ${percent(after.undetectedRate)} of episodes are hacks that pass unnoticed.`
  );
}

const rows: [label: string, read: (rates: EpisodeRates) => string][] = [
  ['Episodes with a hack', (r) => percent(r.hackRate)],
  ['Hacks caught by the chain-of-thought monitor (recall)', (r) => rateOrDash(r.cotRecall)],
  ['Hacks caught by the action-only monitor (recall)', (r) => rateOrDash(r.actionRecall)],
  ['Honest notes flagged by the chain-of-thought monitor', (r) => rateOrDash(r.cotFalsePositiveRate)],
  ['Episodes that are undetected successful hacks', (r) => percent(r.undetectedRate)],
  ['Episodes whose tests pass', (r) => percent(r.passRate)],
];

export function describeResult(result: CotMonitorResult): TextAlternative {
  const { params } = result;
  return {
    summary:
      `A toy reinforcement-learning agent (a table of probabilities, not a language model), trained by this site's lab with ${settingsText(params)}: ` +
      `${params.steps} steps of ${params.episodes} episodes without pressure, then ${params.steps} more with the monitor's flag in the reward. ` +
      `The monitor was fitted once on the unpressured run's notes and flags ${percent(result.monitorOnLog.falsePositiveRate)} of the honest ones there. ` +
      outcomeText(result),
    table: {
      caption: `Rates over ${result.pressured.final.episodes.toLocaleString('en')} episodes sampled from each trained agent`,
      columns: ['Measure', 'Before pressure', 'After the pressured run'],
      rows: rows.map(([label, read]) => [label, read(result.unpressured.final), read(result.pressured.final)]),
    },
  };
}
