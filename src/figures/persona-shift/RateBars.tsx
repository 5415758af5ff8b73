/**
 * Harmful-answer rate per domain, as horizontal bars in groups: one group per domain, one bar per row
 * (e.g. before / after fine-tuning). Rows differ by fill (outline, solid, hatched) and are named in the legend,
 * and every bar writes its value, so nothing rests on colour; the fine-tuned domain is labelled as such and
 * sits on a shaded band.
 */
import { scaleLinear } from 'd3-scale';
import type { DomainRates } from '../../lab/persona-shift/model.ts';
import { percent } from './format.ts';
import { isTrained } from './measures.ts';

export type RowStyle = 'outline' | 'solid' | 'hatched';

export interface RateRow {
  label: string;
  style: RowStyle;
  rates: DomainRates;
}

const width = 400;
const margin = { left: 112, right: 44, top: 22 };
const barHeight = 11;
const barGap = 3;
const groupGap = 10;

export function rateBarsHeight(domainCount: number, rowCount: number): number {
  return margin.top + domainCount * (rowCount * (barHeight + barGap) + groupGap) + 4;
}

/** `slots`: rows to make room for, so that a row appearing later (the backdoor's triggered rates) moves nothing. */
export function RateBars({ domains, rows, title, idPrefix, slots = rows.length }: { domains: readonly string[]; rows: readonly RateRow[]; title: string; idPrefix: string; slots?: number }) {
  const height = rateBarsHeight(domains.length, Math.max(slots, rows.length));
  const x = scaleLinear().domain([0, 1]).range([margin.left, width - margin.right]);
  const groupHeight = Math.max(slots, rows.length) * (barHeight + barGap) + groupGap;
  const hatch = `${idPrefix}-hatch`;
  // Each legend entry starts after the previous one's label (about 5.5 units a character at this size).
  const legendOffsets = rows.map((_, r) => rows.slice(0, r).reduce((x, row) => x + 30 + 5.5 * row.label.length, 0));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} class="ps-bars" role="img" aria-label={title}>
      <defs>
        <pattern id={hatch} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="5" height="5" class="ps-bar--hatch-bg" />
          <line x1="0" y1="0" x2="0" y2="5" class="ps-bar--hatch-line" />
        </pattern>
      </defs>
      <g class="fig-legend" transform={`translate(${margin.left},10)`}>
        {rows.map((row, r) => (
          <g key={row.label} transform={`translate(${legendOffsets[r]},0)`}>
            <rect x={0} y={-7} width={14} height={8} class={`ps-bar ps-bar--${row.style}`} fill={row.style === 'hatched' ? `url(#${hatch})` : undefined} />
            <text x={18} y={0}>{row.label}</text>
          </g>
        ))}
      </g>
      {[0, 0.5, 1].map((tick) => (
        <line key={tick} class="fig-gridline" x1={x(tick)} x2={x(tick)} y1={margin.top - 2} y2={height - 4} />
      ))}
      {domains.map((domain, d) => {
        const top = margin.top + d * groupHeight;
        const trained = isTrained(domain);
        return (
          <g key={domain} class={trained ? 'ps-domain is-trained' : 'ps-domain'}>
            {trained ? <rect class="ps-domain__band" x={2} y={top - 2} width={width - 4} height={groupHeight - groupGap + 3} /> : null}
            <text class="ps-domain__name" x={6} y={top + barHeight}>
              {domain}
            </text>
            <text class="fig-muted ps-domain__role" x={6} y={top + 2 * barHeight + 2}>
              {trained ? 'fine-tuned on' : 'untouched'}
            </text>
            {rows.map((row, r) => {
              const rate = row.rates[d] ?? 0;
              const y = top + r * (barHeight + barGap);
              return (
                <g key={row.label}>
                  <rect x={x(0)} y={y} width={Math.max(0.5, x(rate) - x(0))} height={barHeight} class={`ps-bar ps-bar--${row.style}`} fill={row.style === 'hatched' ? `url(#${hatch})` : undefined} />
                  <text class="ps-bar__value" x={x(rate) + 3} y={y + barHeight - 2}>
                    {percent(rate)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
