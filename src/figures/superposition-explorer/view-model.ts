/**
 * What one model panel shows, computed by the lab: from a finished result, or from the W of a progress
 * report while training runs (its norms, superposition and WᵀW come from the lab's featureGeometry).
 * The drawings, the text alternative and the announcements all read these objects.
 */
import { featureGeometry, importanceWeights, type SuperpositionResult } from '../../lab/superposition.ts';
import type { LabProgress } from '../../lab/worker-protocol.ts';
import type { Nonlinearity } from './settings.ts';

/** Below this length a feature's direction means little: it is drawn as "not stored". */
export const unstoredNorm = 0.1;
/** Above this length a feature counts as stored (the lab's summary uses the same line). */
export const storedNorm = 0.5;

export interface ModelView {
  nonlinearity: Nonlinearity;
  n: number;
  m: number;
  /** m rows × n columns; column i is feature i's direction. */
  W: number[][];
  featureNorms: number[];
  superposition: number[];
  gram: number[][];
  /** I_i = r^i (i from 0): feature 1 has importance 1. */
  importance: number[];
  /** Undefined while training: progress reports carry W only. */
  b: number[] | undefined;
  finalLoss: number | undefined;
  /** True when drawn from a progress report of a run still going. */
  live: boolean;
}

export function modelName(nonlinearity: Nonlinearity): string {
  return nonlinearity === 'relu' ? 'ReLU model' : 'Linear model';
}

const views = new WeakMap<SuperpositionResult, ModelView>();

/** The view of a finished result (cached: the same result gives the same object, so its panel need not redraw). */
export function resultView(result: SuperpositionResult): ModelView {
  const cached = views.get(result);
  if (cached) return cached;
  const view = computeResultView(result);
  views.set(result, view);
  return view;
}

function computeResultView(result: SuperpositionResult): ModelView {
  const { n, m, importanceDecay, nonlinearity } = result.params;
  return {
    nonlinearity,
    n,
    m,
    W: result.W,
    featureNorms: result.featureNorms,
    superposition: result.superposition,
    gram: result.gram,
    importance: Array.from(importanceWeights(n, importanceDecay)),
    b: result.b,
    finalLoss: result.finalLoss,
    live: false,
  };
}

/** The model as it is now, from a progress report of a run with these settings. */
export function liveView(progress: LabProgress<'superposition'>, settings: { n: number; m: number; importanceDecay: number; nonlinearity: Nonlinearity }): ModelView | undefined {
  const { W } = progress.metrics;
  const { n, m } = settings;
  // A report of a run at other sizes (the settings changed while it ran) cannot be drawn with these.
  if (W.length !== m || !W.every((row) => row.length === n)) return undefined;
  const flat = Float64Array.from(W.flat());
  return {
    nonlinearity: settings.nonlinearity,
    n,
    m,
    W,
    ...featureGeometry(flat, m, n),
    importance: Array.from(importanceWeights(n, settings.importanceDecay)),
    b: undefined,
    finalLoss: undefined,
    live: true,
  };
}

export function storedCount(view: ModelView): number {
  return view.featureNorms.filter((norm) => norm > storedNorm).length;
}

/** Angle of feature i's arrow in degrees, counter-clockwise from the first hidden axis (m = 2 only). */
export function angleOf(view: ModelView, i: number): number {
  const degrees = (Math.atan2(view.W[1]?.[i] ?? 0, view.W[0]?.[i] ?? 0) * 180) / Math.PI;
  return degrees < 0 ? degrees + 360 : degrees;
}
