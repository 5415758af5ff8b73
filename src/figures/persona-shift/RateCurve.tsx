/**
 * The harmful-answer rate of each domain along fine-tuning: one line per domain, the fine-tuned one solid and
 * the untouched ones dashed, each named at its end (labels pushed apart so they never overlap).
 */
import { scaleLinear } from 'd3-scale';
import type { PersonaShiftResult } from '../../lab/persona-shift/model.ts';
import { integer } from '../shared/format.ts';
import { isTrained } from './measures.ts';

const box = { width: 400, height: 160 };
const margin = { left: 40, right: 96, top: 12, bottom: 30 };
const labelGap = 11;

/** End-label heights, in order of the lines' last values, pushed apart by at least `labelGap` and kept above `bottom`. */
function labelPositions(ends: readonly number[], bottom: number): number[] {
  const order = ends.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++) order[k]!.y = Math.max(order[k]!.y, order[k - 1]!.y + labelGap);
  // A stack pushed below the axis (every line near 0%) moves up as a whole.
  for (let k = order.length - 1; k >= 0; k--) order[k]!.y = Math.min(order[k]!.y, bottom - (order.length - 1 - k) * labelGap);
  const positions: number[] = [];
  for (const { y, i } of order) positions[i] = y;
  return positions;
}

export function RateCurve({ result, caption }: { result: Pick<PersonaShiftResult, 'domains' | 'trajectory'>; caption: string }) {
  const steps = result.trajectory.at(-1)?.step ?? 1;
  const x = scaleLinear().domain([0, steps]).range([margin.left, box.width - margin.right]);
  const y = scaleLinear().domain([0, 1]).range([box.height - margin.bottom, margin.top]);
  const lines = result.domains.map((_, d) => result.trajectory.map((point) => [x(point.step), y(point.rates[d] ?? 0)] as const));
  const labels = labelPositions(lines.map((line) => line.at(-1)?.[1] ?? 0), y(0));
  return (
    <svg viewBox={`0 0 ${box.width} ${box.height}`} class="ps-curve" role="img" aria-label={caption}>
      <g class="fig-axes">
        {[0, 0.5, 1].map((tick) => (
          <g key={tick}>
            <line class="fig-gridline" x1={margin.left} x2={box.width - margin.right} y1={y(tick)} y2={y(tick)} />
            <text x={margin.left - 4} y={y(tick) + 3} text-anchor="end">
              {`${tick * 100}%`}
            </text>
          </g>
        ))}
        {[0, steps].map((tick) => (
          <text key={tick} x={x(tick)} y={box.height - margin.bottom + 12} text-anchor="middle">
            {integer(tick)}
          </text>
        ))}
        <text x={(margin.left + box.width - margin.right) / 2} y={box.height - 4} text-anchor="middle">
          fine-tuning step
        </text>
      </g>
      {result.domains.map((domain, d) => (
        <g key={domain} class={`fig-curve ${isTrained(domain) ? 'fig-curve--solid' : 'fig-curve--dashed'} ps-line--${d}`}>
          <path d={`M${lines[d]!.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join('L')}`} />
          <text class="fig-curve__label" x={box.width - margin.right + 4} y={labels[d]! + 3}>
            {isTrained(domain) ? `${domain} (trained)` : domain}
          </text>
        </g>
      ))}
    </svg>
  );
}
