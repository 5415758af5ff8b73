/**
 * WᵀW as a heat map: cell (i, j) is the dot product W_i · W_j — on the diagonal ‖W_i‖², off it the overlap
 * of two features' directions. Diverging scale around zero (orange positive, blue negative, strength by
 * shade), with a legend; values are written in the cells when they fit, and negative cells carry a minus
 * sign when they do not, so the sign never rests on colour alone.
 */
import { max } from 'd3-array';
import { range } from 'd3-array';
import { fixed2, type ModelView } from './view-model.ts';
import { panelBox } from './FeaturePlane.tsx';

const grid = { x: 42, y: 50, size: 170 };
const legend = { y: 236, swatches: 9, width: 170 };
const minus = '−';
const signedText = (v: number) => fixed2(v).replace('-', minus);

function tickLabels(n: number): number[] {
  if (n <= 10) return range(n);
  return range(n).filter((i) => i === 0 || (i + 1) % 5 === 0);
}

export function GramHeatmap({ view }: { view: ModelView }) {
  const { n, gram } = view;
  const extent = Math.max(0.01, max(gram.flat().map(Math.abs)) ?? 1);
  const cell = grid.size / n;
  const showValues = n <= 6;
  const labels = tickLabels(n);
  const fontSize = Math.min(12, Math.max(8, cell * 0.75));
  const strength = (v: number) => Math.max(0.03, Math.min(1, Math.abs(v) / extent));
  return (
    <svg
      class="sx-heatmap"
      viewBox={`0 0 ${panelBox.width} ${panelBox.height}`}
      role="img"
      aria-label={`Heat map of WᵀW, ${n} by ${n}: how much each feature's direction overlaps every other; values from ${signedText(-extent)} (blue) to ${signedText(extent)} (orange).`}
    >
      <text x={4} y={16} class="sx-title">
        Overlaps WᵀW
      </text>
      <text x={4} y={32} class="sx-subtitle">
        row i, column j: Wᵢ · Wⱼ
      </text>
      <g class="sx-heatmap__labels" aria-hidden="true" font-size={fontSize}>
        {labels.map((i) => (
          <g key={i}>
            <text x={grid.x + (i + 0.5) * cell} y={grid.y - 4} text-anchor="middle">
              {i + 1}
            </text>
            <text x={grid.x - 4} y={grid.y + (i + 0.5) * cell} dy="0.35em" text-anchor="end">
              {i + 1}
            </text>
          </g>
        ))}
      </g>
      <g class="sx-cells">
        {gram.map((row, i) =>
          row.map((v, j) => {
            const x = grid.x + j * cell;
            const y = grid.y + i * cell;
            const strong = strength(v) > 0.55;
            return (
              <g key={`${i}-${j}`} class={`sx-cell sx-cell--${v >= 0 ? 'pos' : 'neg'}${strong ? ' is-strong' : ''}`}>
                <rect x={x.toFixed(2)} y={y.toFixed(2)} width={cell.toFixed(2)} height={cell.toFixed(2)} fill-opacity={strength(v).toFixed(3)} />
                {showValues ? (
                  <text x={(x + cell / 2).toFixed(2)} y={(y + cell / 2).toFixed(2)} dy="0.35em" text-anchor="middle" class="sx-cell__value" aria-hidden="true">
                    {signedText(v)}
                  </text>
                ) : v < 0 && strength(v) > 0.15 && cell >= 8 ? (
                  <text x={(x + cell / 2).toFixed(2)} y={(y + cell / 2).toFixed(2)} dy="0.35em" text-anchor="middle" class="sx-cell__sign" aria-hidden="true" font-size={fontSize}>
                    {minus}
                  </text>
                ) : null}
              </g>
            );
          }),
        )}
      </g>
      <rect class="sx-frame" x={grid.x} y={grid.y} width={grid.size} height={grid.size} fill="none" />
      <g class="sx-legend" aria-hidden="true">
        {range(legend.swatches).map((k) => {
          const v = -extent + (2 * extent * k) / (legend.swatches - 1);
          const w = legend.width / legend.swatches;
          return (
            <g key={k} class={`sx-cell sx-cell--${v >= 0 ? 'pos' : 'neg'}`}>
              <rect x={(grid.x + k * w).toFixed(2)} y={legend.y} width={w.toFixed(2)} height={9} fill-opacity={strength(v).toFixed(3)} />
            </g>
          );
        })}
        <rect class="sx-frame" x={grid.x} y={legend.y} width={legend.width} height={9} fill="none" />
        <text x={grid.x} y={legend.y + 21} text-anchor="start">
          {signedText(-extent)}
        </text>
        <text x={grid.x + legend.width / 2} y={legend.y + 21} text-anchor="middle">
          0
        </text>
        <text x={grid.x + legend.width} y={legend.y + 21} text-anchor="end">
          {signedText(extent)}
        </text>
      </g>
    </svg>
  );
}
