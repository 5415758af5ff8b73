/** The intervention's readout: shares of state A's cities whose answers moved to B's, by the swap and by a random push. */
import { fixed2 } from '../shared/format.ts';
import { swapBars, type SwapReadout } from './view-model.ts';

const labelWidth = 150;
const barWidth = 170;
const rowHeight = 24;

export function SwapBars({ readout }: { readout: SwapReadout }) {
  const bars = swapBars(readout, barWidth, rowHeight);
  const height = 4 * rowHeight + 20;
  return (
    <svg class="ag-swap" viewBox={`0 0 ${labelWidth + barWidth + 50} ${height}`} role="img"
      aria-label={bars.length === 0 ? 'No intervention: B equals the prompt’s state' : bars.map((bar) => `${bar.label}: ${fixed2(bar.share)}`).join('; ')}>
      <g aria-hidden="true">
        {bars.map((bar) => (
          <g key={bar.key} class={`ag-swap__row${bar.control ? ' is-control' : ''}`} data-bar={bar.key} transform={`translate(0 ${bar.y + 4})`}>
            <text class="ag-swap__label" x={labelWidth - 8} y={rowHeight / 2} dy="0.35em" text-anchor="end">{bar.label}</text>
            <rect class="ag-swap__track" x={labelWidth} y={4} width={barWidth} height={rowHeight - 8} />
            <rect class="ag-swap__bar" x={labelWidth} y={4} width={bar.length.toFixed(1)} height={rowHeight - 8} />
            <text class="ag-swap__value" x={labelWidth + barWidth + 6} y={rowHeight / 2} dy="0.35em">{`${Math.round(bar.share * 100)}%`}</text>
          </g>
        ))}
        <text class="ag-swap__axis" x={0} y={height - 4}>Bars: share of state {readout.stateA}’s {readout.cities} cities moved to state {readout.stateB}’s answer</text>
      </g>
    </svg>
  );
}
