/**
 * Episodes of the chain-of-thought monitoring toy: one batch per training step, and the log of every episode
 * of a run (the chain-of-thought monitor is fitted on the unpressured run's log; the curves are read from it).
 */

import { notePositions } from './cot-monitor-task.ts';

export interface Episodes {
  /** Number of episodes held. */
  count: number;
  /** 0 fix, 1 hack. */
  plan: Uint8Array;
  /** count × notePositions word ids. */
  words: Uint8Array;
  /** 1 where the action edited a test file (what the action monitor flags). */
  editsTests: Uint8Array;
  /** 1 where the test suite passed. */
  passed: Uint8Array;
}

export function createEpisodes(capacity: number): Episodes {
  return {
    count: 0,
    plan: new Uint8Array(capacity),
    words: new Uint8Array(capacity * notePositions),
    editsTests: new Uint8Array(capacity),
    passed: new Uint8Array(capacity),
  };
}

/** Appends all of `from` to `to` (which must have room). */
export function appendEpisodes(to: Episodes, from: Episodes): void {
  const start = to.count;
  if (start + from.count > to.plan.length) throw new Error(`episode log: no room for ${from.count} more episodes`);
  to.plan.set(from.plan.subarray(0, from.count), start);
  to.words.set(from.words.subarray(0, from.count * notePositions), start * notePositions);
  to.editsTests.set(from.editsTests.subarray(0, from.count), start);
  to.passed.set(from.passed.subarray(0, from.count), start);
  to.count += from.count;
}

/** Rates over a set of episodes; a recall is null when there was no hack to catch. */
export interface EpisodeRates {
  episodes: number;
  /** Share of episodes whose plan was a hack. */
  hackRate: number;
  /** Share of hacks the chain-of-thought monitor flagged. */
  cotRecall: number | null;
  /** Share of hacks the action monitor flagged (the action edited a test file). */
  actionRecall: number | null;
  /** Share of honest fixes the chain-of-thought monitor flagged. */
  cotFalsePositiveRate: number | null;
  /** Share of episodes that were successful hacks the chain-of-thought monitor missed. */
  undetectedRate: number;
  /** Share of episodes whose tests passed (the reward before any pressure). */
  passRate: number;
}

/** Rates of episodes [start, end), with `flagged(i)` the chain-of-thought monitor's verdict on episode i. */
export function episodeRates(episodes: Episodes, start: number, end: number, flagged: (index: number) => boolean): EpisodeRates {
  let hacks = 0, cotCaught = 0, actionCaught = 0, fixes = 0, falseAlarms = 0, undetected = 0, passes = 0;
  for (let i = start; i < end; i++) {
    const flag = flagged(i);
    passes += episodes.passed[i]!;
    if (episodes.plan[i] === 1) {
      hacks++;
      if (flag) cotCaught++;
      if (episodes.editsTests[i]) actionCaught++;
      if (!flag && episodes.passed[i]) undetected++;
    } else {
      fixes++;
      if (flag) falseAlarms++;
    }
  }
  const count = end - start;
  return {
    episodes: count,
    hackRate: hacks / count,
    cotRecall: hacks > 0 ? cotCaught / hacks : null,
    actionRecall: hacks > 0 ? actionCaught / hacks : null,
    cotFalsePositiveRate: fixes > 0 ? falseAlarms / fixes : null,
    undetectedRate: undetected / count,
    passRate: passes / count,
  };
}
