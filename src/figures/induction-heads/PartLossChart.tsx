/**
 * Training loss on the first and the repeated part of each sequence against the step (linear scales), with
 * ln 16 for reference, the drop step marked and, optionally, the checkpoint shown in the heat maps. The two
 * curves differ by line style and are named at their ends, so they never rest on colour alone.
 */
import { fixed2, integer, lnV } from './view-model.ts';

export const chartBox = { width: 320, height: 176 };
const margin = { left: 34, right: 70, top: 30, bottom: 34 };
const maxLoss = 3.5;

export interface PartLossChartProps {
  title: string;
  /** Length of the run: the x axis spans it. */
  steps: number;
  step: number[];
  first: number[];
  repeated: number[];
  dropStep: number | null;
  /** Step of the checkpoint shown elsewhere in the figure. */
  marker?: number | undefined;
  /** The accessible name: what the chart shows, in words. */
  caption: string;
}

export function PartLossChart({ title, steps, step, first, repeated, dropStep, marker, caption }: PartLossChartProps) {
  const x = (s: number) => margin.left + (s / Math.max(1, steps)) * (chartBox.width - margin.left - margin.right);
  const y = (loss: number) => chartBox.height - margin.bottom - (Math.min(loss, maxLoss) / maxLoss) * (chartBox.height - margin.top - margin.bottom);
  const path = (values: number[]) => (values.length > 1 ? `M${values.map((loss, i) => `${x(step[i]!).toFixed(1)},${y(loss).toFixed(1)}`).join('L')}` : '');
  const right = chartBox.width - margin.right;
  const bottom = chartBox.height - margin.bottom;
  const end = (values: number[]) => (values.length > 0 ? { x: x(step[values.length - 1]!), y: y(values.at(-1)!) } : undefined);
  const firstEnd = end(first);
  const repeatedEnd = end(repeated);
  // Labels at the ends of the lines, kept apart when the lines end close together.
  const gap = firstEnd && repeatedEnd ? Math.max(0, 12 - Math.abs(firstEnd.y - repeatedEnd.y)) / 2 : 0;
  return (
    <svg class="ih-chart" viewBox={`0 0 ${chartBox.width} ${chartBox.height}`} role="img" aria-label={caption}>
      <text x={4} y={14} class="fig-title">
        {title}
      </text>
      <g class="fig-axes" aria-hidden="true">
        {[0, 1, 2, 3].map((t) => (
          <g key={t}>
            <line x1={margin.left} x2={right} y1={y(t)} y2={y(t)} class="fig-gridline" />
            <text x={margin.left - 4} y={y(t)} dy="0.35em" text-anchor="end">
              {t}
            </text>
          </g>
        ))}
        {[0, 0.5, 1].map((f) => (
          <text key={f} x={x(f * steps)} y={bottom + 13} text-anchor="middle">
            {integer(f * steps)}
          </text>
        ))}
        <text x={(margin.left + right) / 2} y={chartBox.height - 3} text-anchor="middle" class="fig-subtitle">
          training step
        </text>
        <text x={4} y={margin.top - 6} class="fig-subtitle">
          loss (nats)
        </text>
        <line x1={margin.left} x2={margin.left} y1={margin.top} y2={bottom} class="fig-axis" />
        <line x1={margin.left} x2={right} y1={bottom} y2={bottom} class="fig-axis" />
      </g>
      <g class="ih-reference" aria-hidden="true">
        <line x1={margin.left} x2={right} y1={y(lnV)} y2={y(lnV)} />
        <text x={margin.left + 4} y={y(lnV) - 4}>
          ln 16 = {fixed2(lnV)}
        </text>
      </g>
      {dropStep !== null ? (
        <g class="ih-drop" data-step={dropStep}>
          <line x1={x(dropStep)} x2={x(dropStep)} y1={margin.top} y2={bottom} />
          <text x={x(dropStep) + 3} y={margin.top + 8}>
            drop: step {integer(dropStep)}
          </text>
        </g>
      ) : null}
      {marker !== undefined ? <path class="ih-marker" aria-hidden="true" d={`M${x(marker).toFixed(1)},${bottom}l-5,8h10z`} /> : null}
      <g class="ih-curve ih-curve--first">
        <path d={path(first)} />
        {firstEnd ? (
          <text x={firstEnd.x + 4} y={firstEnd.y - (firstEnd.y <= (repeatedEnd?.y ?? 0) ? gap : -gap)} dy="0.35em">
            first copy
          </text>
        ) : null}
      </g>
      <g class="ih-curve ih-curve--repeated">
        <path d={path(repeated)} />
        {repeatedEnd ? (
          <text x={repeatedEnd.x + 4} y={repeatedEnd.y + (repeatedEnd.y >= (firstEnd?.y ?? 0) ? gap : -gap)} dy="0.35em">
            second copy
          </text>
        ) : null}
      </g>
    </svg>
  );
}
