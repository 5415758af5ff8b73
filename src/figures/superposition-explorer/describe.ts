/**
 * The text alternative: what the drawing shows for a finished result, in words and as one table row per
 * feature. Used for the build-time result (figure.describe) and for every result a reader trains.
 */
import { extent } from 'd3-array';
import type { SuperpositionResult } from '../../lab/superposition.ts';
import type { TextAlternative } from '../contract.ts';
import { fixed2, lossFormat } from '../shared/format.ts';
import { angleOf, resultView, storedCount, storedNorm, unstoredNorm, type ModelView } from './view-model.ts';

export function settingsText(p: Pick<SuperpositionResult['params'], 'n' | 'm' | 'sparsity' | 'importanceDecay' | 'seed'>): string {
  return `n = ${p.n} features, m = ${p.m} hidden dimensions, sparsity S = ${fixed2(p.sparsity)}, importance decay r = ${fixed2(p.importanceDecay)}, seed ${p.seed}`;
}

/** "stores 5 of 5 features (length above 0.5)", for summaries and announcements. */
export function storedText(view: ModelView): string {
  return `stores ${storedCount(view)} of ${view.n} features (length above ${storedNorm})`;
}

/** Gaps between neighbouring stored arrows, in degrees, smallest and largest (m = 2, at least 3 stored). */
function angleGaps(view: ModelView): [number, number] | undefined {
  const angles = view.featureNorms.flatMap((norm, i) => (norm >= storedNorm ? [angleOf(view, i)] : [])).sort((a, b) => a - b);
  if (view.m !== 2 || angles.length < 3) return undefined;
  const gaps = angles.map((a, k) => (angles[(k + 1) % angles.length]! - a + 360) % 360);
  const [low, high] = extent(gaps);
  return low === undefined || high === undefined ? undefined : [low, high];
}

function overlapText(view: ModelView): string {
  const off = view.gram.flatMap((row, i) => row.filter((_, j) => j !== i));
  const [low, high] = extent(off);
  if (low === undefined || high === undefined) return '';
  return ` Between different features, WᵀW ranges from ${fixed2(low)} to ${fixed2(high)}.`;
}

function modelSentence(name: string, result: SuperpositionResult): string {
  const view = resultView(result);
  const gaps = angleGaps(view);
  const geometry = gaps ? ` Neighbouring arrows are ${Math.round(gaps[0])}° to ${Math.round(gaps[1])}° apart.` : '';
  return `The ${name} ${storedText(view)}; its final loss is ${lossFormat(result.finalLoss)}.${geometry}${overlapText(view)}`;
}

export function describeResults(relu: SuperpositionResult, linear?: SuperpositionResult): TextAlternative {
  const p = relu.params;
  const view = resultView(relu);
  const linearView = linear ? resultView(linear) : undefined;
  const columns = ['Feature', 'Importance Iᵢ', 'Length ‖Wᵢ‖', 'Superposition', ...(view.m === 2 ? ['Angle'] : []), 'Bias bᵢ', ...(linearView ? ['Linear model: length ‖Wᵢ‖'] : [])];
  const rows = view.featureNorms.map((norm, i) => [
    `${i + 1}`,
    fixed2(view.importance[i]!),
    fixed2(norm),
    norm < unstoredNorm ? `${fixed2(view.superposition[i]!)} (not stored)` : fixed2(view.superposition[i]!),
    ...(view.m === 2 ? [norm < unstoredNorm ? '—' : `${Math.round(angleOf(view, i))}°`] : []),
    fixed2(view.b?.[i] ?? 0),
    ...(linearView ? [fixed2(linearView.featureNorms[i]!)] : []),
  ]);
  return {
    summary:
      `A toy model of superposition (a toy, far smaller than a language model), trained by this site's lab with ${settingsText(p)}, keeping the best of ${p.restarts} training runs of ${p.steps.toLocaleString('en')} steps. ` +
      modelSentence('ReLU model', relu) +
      (linear ? ` ${modelSentence('linear model, trained on the same data,', linear)}` : '') +
      (view.m === 2 ? ' The arrows drawn are the columns Wᵢ in the hidden plane.' : ' With more than two hidden dimensions no arrows are drawn; the heat map shows WᵀW.'),
    table: { caption: `Each feature of the trained ${linear ? 'ReLU and linear models' : 'ReLU model'}`, columns, rows },
  };
}
