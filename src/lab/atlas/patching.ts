/**
 * Activation patching on the atlas network, one prompt pair at a time: a grid of sites (layer × part of the
 * layer) and, for each, the share of the effect a patch restores or destroys (Heimersheim & Nanda, 2024, for
 * the directions and metrics; Makelov et al., 2023, for why a subspace patch can mislead). Pure functions of
 * (network, θ, prompts, state bases): cheap enough for the browser's main thread (one forward pass per cell).
 *
 * Directions: "sufficiency" runs the corrupted prompt with the clean prompt's values at the site (denoising:
 * share restored = (m_patched − m_corrupted) / (m_clean − m_corrupted)); "necessity" runs the clean prompt with
 * the corrupted prompt's values (noising: share destroyed = (m_clean − m_patched) / (m_clean − m_corrupted)).
 * When both prompts have the same answer there is no effect to share out: a cell then holds the change in
 * that answer's probability.
 */

import { patch, type SiteEdit } from '../core/interventions.ts';
import { patchSubspace, runQuestions } from './experiments.ts';
import type { AtlasNetwork } from './network.ts';
import type { Question } from './world.ts';

export const patchSites = ['embed', 'hidden1', 'hidden2'] as const;
export type PatchSite = (typeof patchSites)[number];

/** Parts of a layer that are patched: its four quarters of units, the whole layer, the state subspace, the rest. */
export const patchParts = ['quarter1', 'quarter2', 'quarter3', 'quarter4', 'whole', 'state', 'rest'] as const;
export type PatchPart = (typeof patchParts)[number];

export const patchMetrics = ['logit-difference', 'probability', 'top-1'] as const;
export type PatchMetric = (typeof patchMetrics)[number];

export const patchDirections = ['sufficiency', 'necessity'] as const;
export type PatchDirection = (typeof patchDirections)[number];

/** Orthonormal bases of the state subspace at each site (from the state probes, see `stateSubspace`). */
export type StateBases = Record<PatchSite, readonly Float64Array[]>;

/** The edit that patches one part of a site with `source` (the same site's values in the other run). */
export function partEdit(part: PatchPart, source: Float64Array, basis: readonly Float64Array[]): SiteEdit {
  if (part === 'whole') return patch(source);
  if (part === 'state' || part === 'rest') return patchSubspace(source, basis, part === 'rest');
  const quarter = Number(part.slice(-1)) - 1;
  const size = source.length / 4;
  return (values) => values.set(source.subarray(quarter * size, (quarter + 1) * size), quarter * size);
}

function softmax(logits: Float64Array): Float64Array {
  const top = Math.max(...logits);
  const exp = logits.map((z) => Math.exp(z - top));
  const total = exp.reduce((sum, value) => sum + value, 0);
  return exp.map((value) => value / total);
}

const argmax = (values: Float64Array) => values.indexOf(Math.max(...values));

/** The metric of one run's logits, towards the clean answer (against the corrupted one for the logit difference). */
export function metricOf(metric: PatchMetric, logits: Float64Array, cleanAnswer: number, corruptedAnswer: number): number {
  if (metric === 'logit-difference') return logits[cleanAnswer]! - logits[corruptedAnswer]!;
  if (metric === 'probability') return softmax(logits)[cleanAnswer]!;
  return argmax(logits) === cleanAnswer ? 1 : 0;
}

export interface Answer {
  entity: number;
  probability: number;
}

/** The `count` most probable answers of one run. */
export function topAnswers(logits: Float64Array, count = 3): Answer[] {
  const p = softmax(logits);
  return Array.from(p, (probability, entity) => ({ entity, probability })).sort((a, b) => b.probability - a.probability).slice(0, count);
}

export interface PatchRequest {
  clean: Question;
  corrupted: Question;
  direction: PatchDirection;
  metric: PatchMetric;
}

export interface PatchCell {
  site: PatchSite;
  part: PatchPart;
  /** Share restored (sufficiency) or destroyed (necessity); or, when the answers agree, the change in its probability. */
  value: number;
  /** The patched run's most probable answers. */
  answers: Answer[];
}

export interface PatchingResult {
  /** 'share' when the prompts' answers differ; 'change' when they agree (nothing to restore or destroy). */
  mode: 'share' | 'change';
  cleanAnswer: number;
  corruptedAnswer: number;
  /** The metric on the clean and corrupted runs. */
  clean: number;
  corrupted: number;
  /** The unpatched run the patches go into (the corrupted prompt for sufficiency, the clean one for necessity). */
  baseTop: Answer[];
  cells: PatchCell[];
}

/** Every cell of the grid for one prompt pair (sites × parts, site-major), with each cell's patched answers. */
export function patchingGrid(network: AtlasNetwork, theta: Float64Array, bases: StateBases, request: PatchRequest): PatchingResult {
  const { clean, corrupted, direction, metric } = request;
  const cleanRun = runQuestions(network, theta, [clean]);
  const corruptedRun = runQuestions(network, theta, [corrupted]);
  const cleanAnswer = argmax(cleanRun.logits);
  const corruptedAnswer = argmax(corruptedRun.logits);
  const mode = cleanAnswer === corruptedAnswer ? 'change' : 'share';
  const [base, baseRun, sourceRun] = direction === 'sufficiency' ? [corrupted, corruptedRun, cleanRun] : [clean, cleanRun, corruptedRun];
  const m = (logits: Float64Array) => metricOf(metric, logits, cleanAnswer, corruptedAnswer);
  const mClean = m(cleanRun.logits);
  const mCorrupted = m(corruptedRun.logits);
  const effect = mClean - mCorrupted;
  const probability = (logits: Float64Array) => softmax(logits)[cleanAnswer]!;
  const cells: PatchCell[] = patchSites.flatMap((site) =>
    patchParts.map((part) => {
      const edit = partEdit(part, sourceRun.cache.get(site)!, bases[site]);
      const { logits } = runQuestions(network, theta, [base], { [site]: edit });
      const value = mode === 'change'
        ? probability(logits) - probability(baseRun.logits)
        : effect === 0 ? 0 : direction === 'sufficiency' ? (m(logits) - mCorrupted) / effect : (mClean - m(logits)) / effect;
      return { site, part, value, answers: topAnswers(logits) };
    }),
  );
  return {
    mode,
    cleanAnswer,
    corruptedAnswer,
    clean: mClean,
    corrupted: mCorrupted,
    baseTop: topAnswers(baseRun.logits),
    cells,
  };
}
