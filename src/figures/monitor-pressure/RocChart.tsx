/**
 * The chain-of-thought monitor's ROC curve: for every threshold, the share of hacks it flags (recall) against
 * the share of honest notes it flags, on episodes of the agent before pressure (solid) and after (dashed).
 * The monitor's fixed threshold is marked on each (circle before, square after); the action-only monitor has
 * no threshold to move and is a single triangle.
 */
import type { RocPoint } from '../../lab/cot-monitor-classifier.ts';
import type { EpisodeRates } from '../../lab/cot-monitor-episodes.ts';

export const rocBox = { width: 260, height: 258 };
const margin = { left: 44, right: 14, top: 26, bottom: 34 };

export function RocChart(props: { before: RocPoint[]; after: RocPoint[]; beforeRates: EpisodeRates; afterRates: EpisodeRates; actionFalsePositiveRate: number; caption: string }) {
  const size = rocBox.width - margin.left - margin.right;
  const bottom = margin.top + size;
  const x = (rate: number) => margin.left + rate * size;
  const y = (rate: number) => bottom - rate * size;
  const path = (points: RocPoint[]) => points.map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p.falsePositiveRate).toFixed(1)},${y(p.truePositiveRate).toFixed(1)}`).join('');
  const marker = (rates: EpisodeRates) => (rates.cotRecall === null ? undefined : { cx: x(rates.cotFalsePositiveRate ?? 0), cy: y(rates.cotRecall) });
  const before = marker(props.beforeRates);
  const after = marker(props.afterRates);
  const action = props.beforeRates.actionRecall;
  return (
    <svg class="mp-roc" viewBox={`0 0 ${rocBox.width} ${rocBox.height}`} role="img" aria-label={props.caption}>
      <text x={4} y={14} class="fig-title">
        The monitor’s ROC curve
      </text>
      <g class="fig-axes" aria-hidden="true">
        {[0, 0.5, 1].map((t) => (
          <g key={t}>
            <text x={margin.left - 6} y={y(t)} dy="0.35em" text-anchor="end">{`${t * 100}%`}</text>
            <text x={x(t)} y={bottom + 14} text-anchor="middle">{`${t * 100}%`}</text>
          </g>
        ))}
        <text x={margin.left + size / 2} y={rocBox.height - 2} text-anchor="middle" class="fig-subtitle">
          honest notes flagged
        </text>
        <text transform={`translate(10 ${margin.top + size / 2}) rotate(-90)`} text-anchor="middle" class="fig-subtitle">
          hacks flagged (recall)
        </text>
        <rect x={margin.left} y={margin.top} width={size} height={size} class="fig-frame" />
        <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} class="fig-gridline mp-chance" />
      </g>
      <path class="mp-roc__line mp-roc__line--before" d={path(props.before)} />
      <path class="mp-roc__line mp-roc__line--after" d={path(props.after)} />
      {before ? <circle class="mp-mark mp-mark--before" cx={before.cx.toFixed(1)} cy={before.cy.toFixed(1)} r="5" /> : null}
      {after ? <rect class="mp-mark mp-mark--after" x={(after.cx - 4.5).toFixed(1)} y={(after.cy - 4.5).toFixed(1)} width="9" height="9" /> : null}
      {action !== null ? (
        <path class="mp-mark mp-mark--action" d={`M${x(props.actionFalsePositiveRate).toFixed(1)},${(y(action) - 6).toFixed(1)}l5.5,9.5h-11z`} />
      ) : null}
    </svg>
  );
}

export function RocLegend(props: { threshold: string }) {
  return (
    <ul class="mp-legend mp-legend--roc">
      <li>
        <svg viewBox="0 0 28 12" width="28" height="12" aria-hidden="true">
          <path class="mp-roc__line mp-roc__line--before" d="M1,6L27,6" />
          <circle class="mp-mark mp-mark--before" cx="14" cy="6" r="4" />
        </svg>
        before pressure, circle at the monitor’s threshold ({props.threshold})
      </li>
      <li>
        <svg viewBox="0 0 28 12" width="28" height="12" aria-hidden="true">
          <path class="mp-roc__line mp-roc__line--after" d="M1,6L27,6" />
          <rect class="mp-mark mp-mark--after" x="10" y="2" width="8" height="8" />
        </svg>
        after pressure, square at the same threshold
      </li>
      <li>
        <svg viewBox="0 0 28 12" width="28" height="12" aria-hidden="true">
          <path class="mp-mark mp-mark--action" d="M14,1l5.5,9.5h-11z" />
        </svg>
        action-only monitor (edits to test files)
      </li>
    </ul>
  );
}
