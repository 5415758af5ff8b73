/**
 * A training loss against the step, on a log scale: a lab result's loss curve once training has finished,
 * or the losses a run has reported so far (`useLabRun().live`). Up to two series: the first a solid line,
 * the second a dashed one, each named at its end, so they never rest on colour alone.
 */
import { extent } from 'd3-array';
import { scaleLinear, scaleLog } from 'd3-scale';
import { integer, lossFormat } from './format.ts';

export const lossBox = { width: 400, height: 150 };
const margin = { left: 52, right: 62, top: 24, bottom: 30 };

export interface CurveSeries {
  /** Written at the end of the line. */
  name: string;
  /** Length of the run: the x axis spans the longest. */
  steps: number;
  step: number[];
  loss: number[];
}

export interface LossCurveProps {
  series: CurveSeries[];
  /** The accessible name: what the curves show, in words. */
  caption: string;
  /** Label of the x axis. */
  stepLabel?: string;
}

export function LossCurve({ series, caption, stepLabel = 'training step' }: LossCurveProps) {
  const losses = series.flatMap((s) => s.loss).filter((l) => l > 0);
  const [low = 0.01, high = 1] = extent(losses);
  const y = scaleLog()
    .domain([low * 0.8, Math.max(high * 1.25, low * 2)])
    .range([lossBox.height - margin.bottom, margin.top])
    .nice();
  const maxSteps = Math.max(1, ...series.map((s) => s.steps));
  const x = scaleLinear().domain([0, maxSteps]).range([margin.left, lossBox.width - margin.right]);
  const floor = y.domain()[0]!;
  // A polyline through the points (written out: d3-shape would add a few kilobytes for one M…L… path).
  const path = (points: [number, number][]) => `M${points.map(([s, l]) => `${x(s).toFixed(1)},${y(Math.max(l, floor)).toFixed(1)}`).join('L')}`;
  const yTicks = y.ticks(3).filter((_, k, all) => all.length <= 4 || k % Math.ceil(all.length / 4) === 0);
  return (
    <svg class="fig-loss" viewBox={`0 0 ${lossBox.width} ${lossBox.height}`} role="img" aria-label={caption}>
      <text x={4} y={14} class="fig-title">
        Training loss (log scale)
      </text>
      <g class="fig-axes" aria-hidden="true">
        {yTicks.map((t) => (
          <g key={t}>
            <line x1={margin.left} x2={lossBox.width - margin.right} y1={y(t)} y2={y(t)} class="fig-gridline" />
            <text x={margin.left - 4} y={y(t)} dy="0.35em" text-anchor="end">
              {lossFormat(t)}
            </text>
          </g>
        ))}
        {x.ticks(4).map((t) => (
          <text key={t} x={x(t)} y={lossBox.height - margin.bottom + 14} text-anchor="middle">
            {integer(t)}
          </text>
        ))}
        <text x={(margin.left + lossBox.width - margin.right) / 2} y={lossBox.height - 2} text-anchor="middle" class="fig-subtitle">
          {stepLabel}
        </text>
        <line x1={margin.left} x2={margin.left} y1={margin.top} y2={lossBox.height - margin.bottom} class="fig-axis" />
        <line x1={margin.left} x2={lossBox.width - margin.right} y1={lossBox.height - margin.bottom} y2={lossBox.height - margin.bottom} class="fig-axis" />
      </g>
      {series.map((s, k) => {
        const points = s.step.map((step, i): [number, number] => [step, s.loss[i]!]).filter((p) => p[1] > 0);
        const last = points.at(-1);
        return (
          <g key={k} class={`fig-curve fig-curve--${k === 0 ? 'solid' : 'dashed'}`} data-series={s.name}>
            <path d={points.length > 1 ? path(points) : ''} />
            {last ? <circle class="fig-curve__dot" cx={x(last[0]).toFixed(1)} cy={y(Math.max(last[1], floor)).toFixed(1)} r="2.5" /> : null}
            {last ? (
              <text x={x(last[0]) + 4} y={y(Math.max(last[1], floor))} dy={k === 0 ? '0.9em' : '-0.3em'} class="fig-curve__label">
                {s.name}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
