/**
 * Rates over training, both runs on one step axis: the unpressured run, then (after the marked line) the
 * pressured one. Four measures, each with its own line pattern and named in the legend, never by colour alone.
 * In the unpressured run the chain-of-thought monitor's verdicts are those of the monitor fitted on that run.
 */
import type { CurvePoint } from '../../lab/cot-monitor.ts';
import type { RunCurves } from './view-model.ts';

/** Two shapes of the same drawing: CSS shows the wide one in a wide figure and the narrow one on a phone. */
export const curvesBoxes = { wide: { width: 640, height: 230 }, narrow: { width: 340, height: 250 } } as const;
const margin = { left: 40, right: 10, top: 30, bottom: 36 };

export type Measure = 'hackRate' | 'cotRecall' | 'actionRecall' | 'undetectedRate';

export const measures: { key: Measure; label: string }[] = [
  { key: 'hackRate', label: 'episodes with a hack' },
  { key: 'cotRecall', label: 'hacks the chain-of-thought monitor catches' },
  { key: 'actionRecall', label: 'hacks the action-only monitor catches' },
  { key: 'undetectedRate', label: 'episodes with an undetected successful hack' },
];

/** An SVG path through the points, broken where a value is missing (no hacks to catch in that stretch). */
function linePath(points: [number, number | null][], x: (step: number) => number, y: (rate: number) => number): string {
  let d = '';
  let pen = false;
  for (const [step, rate] of points) {
    if (rate === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(step).toFixed(1)},${y(rate).toFixed(1)}`;
    pen = true;
  }
  return d;
}

export function RateCurves(props: { shape: keyof typeof curvesBoxes; curves: RunCurves; steps: number; pressure: number; fromStart: boolean; caption: string }) {
  const { curves, steps } = props;
  const curvesBox = curvesBoxes[props.shape];
  const stepTicks = props.shape === 'wide' ? [0, steps / 2, steps, (3 * steps) / 2, 2 * steps] : [0, steps, 2 * steps];
  const plotWidth = curvesBox.width - margin.left - margin.right;
  const plotBottom = curvesBox.height - margin.bottom;
  const x = (step: number) => margin.left + (step / (2 * steps)) * plotWidth;
  const y = (rate: number) => plotBottom - rate * (plotBottom - margin.top);
  const joined = (key: Measure): [number, number | null][] => [
    ...curves.unpressured.map((p: CurvePoint): [number, number | null] => [p.step, p[key]]),
    ...curves.pressured.map((p: CurvePoint): [number, number | null] => [steps + p.step, p[key]]),
  ];
  const divider = x(steps);
  return (
    <svg class={`mp-curves mp-curves--${props.shape}`} viewBox={`0 0 ${curvesBox.width} ${curvesBox.height}`} role="img" aria-label={props.caption}>
      <text x={4} y={14} class="fig-title">
        Over training
      </text>
      <g class="fig-axes" aria-hidden="true">
        {[0, 0.5, 1].map((t) => (
          <g key={t}>
            <line x1={margin.left} x2={curvesBox.width - margin.right} y1={y(t)} y2={y(t)} class="fig-gridline" />
            <text x={margin.left - 6} y={y(t)} dy="0.35em" text-anchor="end">
              {`${t * 100}%`}
            </text>
          </g>
        ))}
        {stepTicks.map((t) => (
          <text key={t} x={x(t)} y={plotBottom + 14} text-anchor="middle">
            {t > steps ? t - steps : t}
          </text>
        ))}
        <text x={(margin.left + divider) / 2} y={curvesBox.height - 4} text-anchor="middle" class="fig-subtitle">
          unpressured run (steps)
        </text>
        <text x={(divider + curvesBox.width - margin.right) / 2} y={curvesBox.height - 4} text-anchor="middle" class="fig-subtitle">
          {props.fromStart ? 'pressured run, restarted (steps)' : 'pressured run (steps)'}
        </text>
        <line x1={margin.left} x2={margin.left} y1={margin.top} y2={plotBottom} class="fig-axis" />
        <line x1={margin.left} x2={curvesBox.width - margin.right} y1={plotBottom} y2={plotBottom} class="fig-axis" />
      </g>
      <g class="mp-divider">
        <line x1={divider} x2={divider} y1={margin.top - 8} y2={plotBottom} />
        <text x={divider} y={margin.top - 12} text-anchor="middle">
          {`monitor fitted; λ = ${props.pressure} from here`}
        </text>
      </g>
      {measures.map(({ key }) => (
        <path key={key} class={`mp-line mp-line--${key}`} d={linePath(joined(key), x, y)} />
      ))}
    </svg>
  );
}

/** The legend: a sample of each line's pattern beside its name. */
export function CurvesLegend() {
  return (
    <ul class="mp-legend">
      {measures.map(({ key, label }) => (
        <li key={key}>
          <svg viewBox="0 0 28 10" width="28" height="10" aria-hidden="true">
            <path class={`mp-line mp-line--${key}`} d="M1,5L27,5" />
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}
