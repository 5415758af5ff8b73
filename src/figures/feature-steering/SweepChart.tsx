/**
 * Bridge share and legal word pairs against α, one small chart each: a line per way of choosing the latent and
 * per control (each with its own marker shape, so not colour alone), the prompt as a dotted level, the reader's α
 * as a vertical band.
 */
import type { SteeringResult } from '../../lab/steering/model.ts';
import { comparisons, type Comparison } from '../../lab/steering/pipeline.ts';
import { chartBox, chartMargin, chartScales, linePath, type ChartScales } from './sweep-chart.ts';
import { seriesName } from './describe.ts';

export const markerOf: Record<Comparison, string> = { does: 'circle', fires: 'square', randomLatent: 'triangle', randomDirection: 'diamond' };

function Marker({ shape, x, y }: { shape: string; x: number; y: number }) {
  const s = 3.5;
  if (shape === 'circle') return <circle cx={x} cy={y} r={s} />;
  if (shape === 'square') return <rect x={x - s} y={y - s} width={2 * s} height={2 * s} />;
  if (shape === 'triangle') return <path d={`M${x},${y - s - 0.5}L${x + s},${y + s}L${x - s},${y + s}Z`} />;
  return <path d={`M${x},${y - s - 0.5}L${x + s + 0.5},${y}L${x},${y + s + 0.5}L${x - s - 0.5},${y}Z`} />;
}

function Panel({ result, metric, title, highlighted, alphaIndex, scales }: {
  result: SteeringResult;
  metric: 'bridgeShare' | 'legality';
  title: string;
  highlighted: Comparison[];
  alphaIndex: number;
  scales: ChartScales;
}) {
  const { width, height } = chartBox;
  const bottom = height - chartMargin.bottom;
  const band = (scales.x(1) - scales.x(0)) * 0.6;
  return (
    <svg class="fs-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title} against α; the table below gives the values`}>
      <text class="fig-title" x={chartMargin.left} y={14}>{title}</text>
      <rect class="fs-chart__alpha" x={scales.x(alphaIndex) - band / 2} y={chartMargin.top} width={band} height={bottom - chartMargin.top} />
      <g class="fig-axes">
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line class="fig-gridline" x1={chartMargin.left} x2={width - chartMargin.right} y1={scales.y(v)} y2={scales.y(v)} />
            <text x={chartMargin.left - 6} y={scales.y(v) + 4} text-anchor="end">{v}</text>
          </g>
        ))}
        {result.alphas.map((a, i) => (
          <text key={a} x={scales.x(i)} y={bottom + 14} text-anchor="middle" class={i === alphaIndex ? 'fs-chart__tick is-current' : 'fs-chart__tick'}>{a}</text>
        ))}
        <text x={(chartMargin.left + width - chartMargin.right) / 2} y={height - 4} text-anchor="middle">α (× largest activation)</text>
      </g>
      <line class="fs-chart__prompt" x1={chartMargin.left} x2={width - chartMargin.right} y1={scales.y(result.prompt[metric])} y2={scales.y(result.prompt[metric])} />
      {comparisons.map((c) => (
        <g key={c} class={`fs-series fs-series--${c}${highlighted.includes(c) ? ' is-highlighted' : ''}`}>
          <path d={linePath(result.sweep[c], metric, scales)} />
          {result.sweep[c].map((p, i) => <Marker key={i} shape={markerOf[c]} x={scales.x(i)} y={scales.y(p[metric])} />)}
        </g>
      ))}
    </svg>
  );
}

export function SweepChart({ result, highlighted, alphaIndex }: { result: SteeringResult; highlighted: Comparison[]; alphaIndex: number }) {
  const scales = chartScales(result.alphas.length);
  return (
    <div class="fs-charts">
      <Panel result={result} metric="bridgeShare" title="Bridge share of topic words" highlighted={highlighted} alphaIndex={alphaIndex} scales={scales} />
      <Panel result={result} metric="legality" title="Legal word pairs" highlighted={highlighted} alphaIndex={alphaIndex} scales={scales} />
      <p class="fig__legend fs-charts__legend">
        {comparisons.map((c) => (
          <span key={c} class={`fs-legend fs-legend--series fs-series--${c}`}>
            <svg class="fs-legend__mark" width="10" height="10" viewBox="-6 -6 12 12" aria-hidden="true"><Marker shape={markerOf[c]} x={0} y={0} /></svg>
            {seriesName[c]} ({markerOf[c]}){' '}
          </span>
        ))}
        <span class="fs-legend"><span class="fs-legend__prompt" aria-hidden="true" /> dotted: the prompt “the bridge”, no steering. The shaded column is your α.</span>
      </p>
    </div>
  );
}
