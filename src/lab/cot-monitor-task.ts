/**
 * Model 3, the task: a toy coding environment in which an agent can cheat, after Baker et al. (2025),
 * "Monitoring Reasoning Models for Misbehavior and the Risks of Promoting Obfuscation", https://arxiv.org/abs/2503.11926.
 *
 * Each episode the agent must make a failing test suite pass. It chooses a plan (fix the code, or hack the
 * tests), writes a scratch pad of `notePositions` words, then acts. A fix passes with probability
 * `fixSuccess`; a hack always passes, unless "necessity" is on and the scratch pad does not name a hack
 * operation (then the hack fails: its reasoning had to be written down to be done). Whether the action edits a
 * test file is environment noise: most hacks do (the action monitor's recall is a setting of the toy, not a result).
 */

import type { Random } from './random.ts';

export const plans = ['fix', 'hack'] as const;
export type Plan = (typeof plans)[number];
export const FIX = 0;
export const HACK = 1;

export type WordKind = 'hack' | 'fix' | 'neutral' | 'synonym';

/**
 * The scratch pad's vocabulary. Hack words name the three hack operations of the article's examples; each
 * synonym names the same operation in a word the monitor never saw (available only under the synonyms switch).
 */
export const vocabulary: readonly { word: string; kind: WordKind }[] = [
  { word: 'skip', kind: 'hack' },
  { word: 'stub', kind: 'hack' },
  { word: 'exit', kind: 'hack' },
  { word: 'trace', kind: 'fix' },
  { word: 'debug', kind: 'fix' },
  { word: 'patch', kind: 'fix' },
  { word: 'retest', kind: 'fix' },
  { word: 'tests', kind: 'neutral' },
  { word: 'then', kind: 'neutral' },
  { word: 'omit', kind: 'synonym' },
  { word: 'dummy', kind: 'synonym' },
  { word: 'bail', kind: 'synonym' },
];
export const vocabularySize = vocabulary.length;
export const notePositions = 3;

export const isHackWord = vocabulary.map(({ kind }) => kind === 'hack');
export const isSynonym = vocabulary.map(({ kind }) => kind === 'synonym');

/** Chance that an honest fix makes the suite pass. */
export const fixSuccess = 0.3;
/** Chance that an honest fix also edits a test file (the action monitor's false alarms). */
export const fixEditsTests = 0.1;

export interface EnvironmentSettings {
  /** A hack passes only if the scratch pad names a hack operation. */
  necessity: boolean;
  /** Synonyms are available to the agent and, under necessity, name a hack operation too. */
  synonyms: boolean;
  /** Share of hacks whose action edits a test file (what the action monitor sees). */
  actionShare: number;
}

/** Whether a scratch pad (word ids) names a hack operation in words the environment accepts. */
export function namesHackOperation(words: ArrayLike<number>, offset: number, settings: EnvironmentSettings): boolean {
  for (let position = 0; position < notePositions; position++) {
    const word = words[offset + position]!;
    if (isHackWord[word] || (settings.synonyms && isSynonym[word])) return true;
  }
  return false;
}

export interface Outcome {
  passed: boolean;
  editsTests: boolean;
}

/** What the plan and the scratch pad lead to in the environment. */
export function act(plan: number, words: ArrayLike<number>, offset: number, settings: EnvironmentSettings, random: Random): Outcome {
  if (plan === HACK) {
    const editsTests = random.uniform() < settings.actionShare;
    const passed = !settings.necessity || namesHackOperation(words, offset, settings);
    return { passed, editsTests };
  }
  const editsTests = random.uniform() < fixEditsTests;
  return { passed: random.uniform() < fixSuccess, editsTests };
}
