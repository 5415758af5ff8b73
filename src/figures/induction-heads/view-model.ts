/** Pure helpers from lab results to what the figure writes and draws. */
import type { HeadId, HeadScores } from '../../lab/induction-analysis.ts';
import type { FigureRun } from './data.ts';

export const lnV = Math.log(16);

/** "2.1": layer 2, head 1, counted from 1 as on screen. */
export function headName(head: HeadId): string {
  return `${head.layer + 1}.${head.head + 1}`;
}

export function parseHeadName(name: string): HeadId | undefined {
  const match = /^(\d)\.(\d)$/.exec(name);
  return match ? { layer: Number(match[1]) - 1, head: Number(match[2]) - 1 } : undefined;
}

/** Token letters A–P; the start-of-sequence token is ⊳. */
export function tokenLabel(token: number): string {
  return token === 16 ? '⊳' : String.fromCharCode(65 + token);
}

export type HeadRole = 'previous-token head' | 'induction head' | '';

export function headRole(run: FigureRun, head: HeadId): HeadRole {
  const same = (other: HeadId) => other.layer === head.layer && other.head === head.head;
  if (run.final.circuit.previousToken.some(same)) return 'previous-token head';
  if (run.final.circuit.induction.some(same)) return 'induction head';
  return '';
}

export function allHeads(run: FigureRun): HeadId[] {
  return run.final.scores.flatMap((row, layer) => row.map((_, head) => ({ layer, head })));
}

export function scoresAt(run: FigureRun, checkpoint: number): HeadScores[][] {
  return (run.checkpoints[checkpoint] ?? run.checkpoints.at(-1)!).scores;
}

export const fixed2 = (value: number) => value.toFixed(2).replace('-', '−');
export const integer = (value: number) => Math.round(value).toLocaleString('en-GB');

export function dropText(run: FigureRun): string {
  return run.dropStep === null ? `no drop within ${integer(run.params.steps)} steps` : `drop at step ${integer(run.dropStep)}`;
}

export function settingsText(run: FigureRun): string {
  return `${run.params.layers === 2 ? 'two layers' : 'one layer'}, seed ${run.params.seed}, ${run.params.offset === 'fixed' ? 'fixed' : 'varying'} distance`;
}
