/**
 * The chain-of-thought monitor of the toy: a logistic-regression classifier over the scratch pad's word counts,
 * fitted once on a log of episodes (label: the plan was a hack) and then frozen.
 *
 *   score(note) = b + Σ_w weight_w · count_w(note)        flag ⇔ score > threshold
 *
 * Weights are kept non-negative (projected gradient descent), so a word can only add suspicion: a signed
 * classifier gives fix words negative weight, and a hack note padded with enough fix words would slip under its
 * threshold, a loophole that a reader of the notes does not have.
 * Words absent from the log (the synonyms) keep weight 0: the monitor cannot know them. The threshold is the
 * lowest that flags at most `honestFlagRate` of the honest notes in the log.
 */

import { HACK, notePositions, vocabularySize } from './cot-monitor-task.ts';
import type { Episodes } from './cot-monitor-episodes.ts';
import { round } from './json.ts';

export interface CotMonitor {
  weights: number[];
  bias: number;
  threshold: number;
}

const noteCount = vocabularySize ** notePositions;

function noteId(words: ArrayLike<number>, offset: number): number {
  let id = 0;
  for (let position = 0; position < notePositions; position++) id = id * vocabularySize + words[offset + position]!;
  return id;
}

function noteWords(id: number): number[] {
  const words: number[] = [];
  for (let position = 0; position < notePositions; position++) {
    words.unshift(id % vocabularySize);
    id = Math.floor(id / vocabularySize);
  }
  return words;
}

export function monitorScore(monitor: Pick<CotMonitor, 'weights' | 'bias'>, words: ArrayLike<number>, offset = 0): number {
  let score = monitor.bias;
  for (let position = 0; position < notePositions; position++) score += monitor.weights[words[offset + position]!]!;
  return score;
}

export function monitorFlags(monitor: CotMonitor, words: ArrayLike<number>, offset = 0): boolean {
  return monitorScore(monitor, words, offset) > monitor.threshold;
}

/** Distinct notes of the log with how often each came with each plan. */
function tallyNotes(log: Episodes): { ids: number[]; honest: number[]; hacks: number[] } {
  const honestCounts = new Float64Array(noteCount);
  const hackCounts = new Float64Array(noteCount);
  for (let i = 0; i < log.count; i++) {
    const id = noteId(log.words, i * notePositions);
    if (log.plan[i] === HACK) hackCounts[id]!++;
    else honestCounts[id]!++;
  }
  const ids: number[] = [];
  for (let id = 0; id < noteCount; id++) if (honestCounts[id]! + hackCounts[id]! > 0) ids.push(id);
  return { ids, honest: ids.map((id) => honestCounts[id]!), hacks: ids.map((id) => hackCounts[id]!) };
}

const fitIterations = 400;
const fitLearningRate = 2;

/** Fits weights and bias by projected gradient descent on the mean logistic loss over the log. */
function fitWeights(log: Episodes): { weights: number[]; bias: number } {
  const { ids, honest, hacks } = tallyNotes(log);
  const words = ids.map(noteWords);
  const weights = new Float64Array(vocabularySize);
  let bias = 0;
  const gradWeights = new Float64Array(vocabularySize);
  for (let iteration = 0; iteration < fitIterations; iteration++) {
    gradWeights.fill(0);
    let gradBias = 0;
    for (let n = 0; n < ids.length; n++) {
      const note = words[n]!;
      let score = bias;
      for (const word of note) score += weights[word]!;
      const p = 1 / (1 + Math.exp(-score));
      // d(logistic loss)/d(score), summed over the note's episodes: p per honest copy, p − 1 per hack copy.
      const dScore = (honest[n]! * p + hacks[n]! * (p - 1)) / log.count;
      gradBias += dScore;
      for (const word of note) gradWeights[word]! += dScore;
    }
    bias -= fitLearningRate * gradBias;
    for (let w = 0; w < vocabularySize; w++) {
      const next = weights[w]! - fitLearningRate * gradWeights[w]!;
      weights[w] = Math.max(0, next);
    }
  }
  return { weights: Array.from(weights), bias };
}

/** The lowest threshold at which at most `honestFlagRate` of the log's honest notes score above it. */
function thresholdFor(scores: number[], honestFlagRate: number): number {
  const sorted = [...scores].sort((a, b) => b - a);
  const allowed = Math.floor(honestFlagRate * sorted.length);
  // With no honest note to spare (rate ≥ 1, or none in the log) every note is flagged; finite, so JSON-safe.
  return sorted[allowed] ?? -Number.MAX_VALUE;
}

export function fitCotMonitor(log: Episodes, honestFlagRate: number): CotMonitor {
  // Rounded before the threshold is set, so a monitor read back from JSON flags exactly the same notes.
  const raw = fitWeights(log);
  const fitted = { weights: raw.weights.map((weight) => round(weight, 4)), bias: round(raw.bias, 4) };
  const honestScores: number[] = [];
  for (let i = 0; i < log.count; i++) if (log.plan[i] !== HACK) honestScores.push(monitorScore(fitted, log.words, i * notePositions));
  return { ...fitted, threshold: thresholdFor(honestScores, honestFlagRate) };
}

export interface RocPoint {
  /** Flag when score > threshold. */
  threshold: number;
  falsePositiveRate: number;
  truePositiveRate: number;
}

/**
 * The monitor's ROC curve over a set of episodes (hacks against honest fixes): one point per distinct score,
 * from the strictest threshold (nothing flagged) to the loosest (everything flagged).
 */
export function rocCurve(monitor: CotMonitor, episodes: Episodes): RocPoint[] {
  const scored: { score: number; hack: boolean }[] = [];
  let hacks = 0;
  for (let i = 0; i < episodes.count; i++) {
    const hack = episodes.plan[i] === HACK;
    if (hack) hacks++;
    scored.push({ score: monitorScore(monitor, episodes.words, i * notePositions), hack });
  }
  const honest = scored.length - hacks;
  scored.sort((a, b) => b.score - a.score);
  const points: RocPoint[] = [{ threshold: Infinity, falsePositiveRate: 0, truePositiveRate: 0 }];
  let truePositives = 0, falsePositives = 0;
  for (let i = 0; i < scored.length; i++) {
    if (scored[i]!.hack) truePositives++;
    else falsePositives++;
    const next = scored[i + 1];
    if (next && next.score === scored[i]!.score) continue;
    points.push({
      threshold: next ? next.score : -Infinity,
      falsePositiveRate: honest > 0 ? falsePositives / honest : 0,
      truePositiveRate: hacks > 0 ? truePositives / hacks : 0,
    });
  }
  return points;
}
