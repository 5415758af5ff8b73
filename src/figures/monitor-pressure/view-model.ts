/**
 * What the drawings need from a lab result or from a run in progress: the two runs' curves on one step axis,
 * the live curves carried by progress reports, and the number formats of this figure.
 */
import { format } from 'd3-format';
import type { CotMonitorResult, CurvePoint } from '../../lab/cot-monitor.ts';
import type { JsonValue } from '../../lab/json.ts';
import type { TrainingProgress } from '../../lab/runner.ts';

/** A rate as a whole percentage: 0.964 → "96%". */
export const percent = format('.0%');
export const rateOrDash = (value: number | null) => (value === null ? '—' : percent(value));

export interface RunCurves {
  unpressured: CurvePoint[];
  pressured: CurvePoint[];
}

export const resultCurves = (result: CotMonitorResult): RunCurves => ({ unpressured: result.unpressured.curve, pressured: result.pressured.curve });

const isNumberOrNull = (value: JsonValue | undefined) => value === null || typeof value === 'number';

function curveFrom(value: JsonValue | undefined): CurvePoint[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((point) => {
    if (point === null || typeof point !== 'object' || Array.isArray(point)) return [];
    const { step, hackRate, cotRecall, actionRecall, undetectedRate } = point;
    if (typeof step !== 'number' || typeof hackRate !== 'number' || typeof undetectedRate !== 'number') return [];
    if (!isNumberOrNull(cotRecall) || !isNumberOrNull(actionRecall)) return [];
    return [{ step, hackRate, cotRecall: cotRecall as number | null, actionRecall: actionRecall as number | null, undetectedRate }];
  });
}

/** The curves a progress report carries (the lab adds them to its metrics); empty before the first report. */
export function liveCurves(progress: TrainingProgress | undefined): RunCurves {
  return { unpressured: curveFrom(progress?.metrics['unpressured']), pressured: curveFrom(progress?.metrics['pressured']) };
}

/** How far both runs have got, from 0 to 1. */
export function runProgress(progress: TrainingProgress | undefined): number {
  if (!progress) return 0;
  const within = progress.step / Math.max(1, progress.steps);
  return Math.min(1, progress.metrics['phase'] === 'pressured' ? 0.5 + within / 2 : within / 2);
}

export function phaseText(progress: TrainingProgress | undefined): string {
  if (!progress) return 'starting';
  const run = progress.metrics['phase'] === 'pressured' ? 'pressured run' : 'unpressured run';
  return `${run}, step ${progress.step} of ${progress.steps}`;
}
