/**
 * Model diffing at a glance: the cosine of fine-tuning's shift with the villain-minus-assistant direction,
 * raw and corrected, beside a fresh token's raw cosine and the random baseline of the corrected one. Bars grow
 * from zero (cosines can be negative); each writes its value.
 */
import { scaleLinear } from 'd3-scale';
import type { PersonaShiftResult } from '../../lab/persona-shift/model.ts';
import { fixed2 } from '../shared/format.ts';

const width = 400;
const margin = { left: 150, right: 40, top: 6 };
const row = 20;

/** The panel's rows, in order: what each bar is, and which of the result's numbers it shows. */
export const cosineRows = [
  { key: 'rawCosine', label: 'raw', style: 'outline' },
  { key: 'freshCosine', label: 'untrained token, raw', style: 'outline' },
  { key: 'correctedCosine', label: 'corrected', style: 'solid' },
  { key: 'randomBaseline', label: 'random, corrected', style: 'hatched' },
] as const satisfies readonly { key: keyof PersonaShiftResult['diff']; label: string; style: string }[];

export function CosineBars({ diff, idPrefix }: { diff: PersonaShiftResult['diff']; idPrefix: string }) {
  const height = margin.top + cosineRows.length * row + 14;
  const x = scaleLinear().domain([-1, 1]).range([margin.left, width - margin.right]);
  const hatch = `${idPrefix}-cos-hatch`;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} class="ps-bars" role="img" aria-label="Cosines of fine-tuning's shift with the persona direction, and their baselines">
      <defs>
        <pattern id={hatch} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="5" height="5" class="ps-bar--hatch-bg" />
          <line x1="0" y1="0" x2="0" y2="5" class="ps-bar--hatch-line" />
        </pattern>
      </defs>
      <line class="fig-axis" x1={x(0)} x2={x(0)} y1={margin.top - 2} y2={height - 12} />
      <g class="fig-axes">
        {[-1, 0, 1].map((tick) => (
          <text key={tick} x={x(tick)} y={height - 2} text-anchor="middle">
            {tick === -1 ? '−1' : String(tick)}
          </text>
        ))}
      </g>
      {cosineRows.map((r, k) => {
        const value = diff[r.key];
        const top = margin.top + k * row;
        const [from, to] = value < 0 ? [x(value), x(0)] : [x(0), x(value)];
        return (
          <g key={r.key}>
            <text x={margin.left - 6} y={top + 11} text-anchor="end">
              {r.label}
            </text>
            <rect x={from} y={top + 2} width={Math.max(0.5, to - from)} height={12} class={`ps-bar ps-bar--${r.style}`} fill={r.style === 'hatched' ? `url(#${hatch})` : undefined} />
            <text class="ps-bar__value" x={value < 0 ? from - 3 : to + 3} y={top + 12} text-anchor={value < 0 ? 'end' : 'start'}>
              {fixed2(value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
