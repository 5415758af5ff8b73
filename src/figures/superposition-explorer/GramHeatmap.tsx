/**
 * WᵀW as a heat map: cell (i, j) is the dot product W_i · W_j — on the diagonal ‖W_i‖², off it the overlap
 * of two features' directions. Diverging scale around zero (orange positive, blue negative, strength by
 * shade), with a legend; values are written in the cells when they fit, and negative cells are slashed
 * when they do not, so the sign never rests on colour alone.
 */
import { max, range } from 'd3-array';
import { fixed2, type ModelView } from './view-model.ts';
import { panelBox } from './FeaturePlane.tsx';

const grid = { x: 42, y: 50, size: 170 };
const legend = { y: 236, swatches: 2 * 8, width: 170 };
const signedText = (v: number) => fixed2(v).replace('-', '−');

function tickLabels(n: number): number[] {
  if (n <= 10) return range(n);
  return range(n).filter((i) => i === 0 || (i + 1) % 5 === 0);
}

/** Shades of the scale per sign: cells are grouped by shade, one path per group (few elements to redraw while training). */
const levels = 8;
const shade = (v: number, extent: number) => Math.max(1, Math.ceil((Math.min(1, Math.abs(v) / extent) * levels) - 1e-9)) / levels;

function cellGroups(gram: number[][], cell: number) {
  const extent = Math.max(0.01, max(gram.flat().map(Math.abs)) ?? 1);
  const groups = new Map<string, { key: string; sign: 'pos' | 'neg'; level: number; count: number; d: string }>();
  gram.forEach((row, i) =>
    row.forEach((v, j) => {
      const sign = v >= 0 ? 'pos' : 'neg';
      const level = shade(v, extent);
      const key = `${sign}${level}`;
      const group = groups.get(key) ?? { key, sign, level, count: 0, d: '' };
      group.count++;
      group.d += `M${(grid.x + j * cell).toFixed(2)},${(grid.y + i * cell).toFixed(2)}h${cell.toFixed(2)}v${cell.toFixed(2)}h${(-cell).toFixed(2)}z`;
      groups.set(key, group);
    }),
  );
  return [...groups.values()];
}

export function GramHeatmap({ view }: { view: ModelView }) {
  const { n, gram } = view;
  const extent = Math.max(0.01, max(gram.flat().map(Math.abs)) ?? 1);
  const cell = grid.size / n;
  const showValues = n <= 6;
  const labels = tickLabels(n);
  const fontSize = Math.min(12, Math.max(8, cell * 0.75));
  const strength = (v: number) => shade(v, extent);
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
        {cellGroups(gram, cell).map((group) => (
          <path key={group.key} class={`sx-cell sx-cell--${group.sign}`} fill-opacity={group.level.toFixed(3)} data-cells={group.count} d={group.d} />
        ))}
      </g>
      {showValues ? (
        <g class="sx-cell-text" aria-hidden="true">
          {gram.flatMap((row, i) =>
            row.map((v, j) => (
              <text
                key={`${i}-${j}`}
                x={(grid.x + (j + 0.5) * cell).toFixed(2)}
                y={(grid.y + (i + 0.5) * cell).toFixed(2)}
                dy="0.35em"
                text-anchor="middle"
                class={`sx-cell__value${strength(v) > 0.55 ? ' is-strong' : ''}`}
              >
                {signedText(v)}
              </text>
            )),
          )}
        </g>
      ) : (
        // Too small for numbers: a slash through every clearly negative cell (one path, cheap to redraw while training).
        <path
          class="sx-cell__slashes"
          aria-hidden="true"
          d={gram
            .flatMap((row, i) => row.map((v, j) => (v < 0 && strength(v) > 0.15 ? `M${(grid.x + j * cell + 1).toFixed(1)},${(grid.y + (i + 1) * cell - 1).toFixed(1)}l${(cell - 2).toFixed(1)},${(2 - cell).toFixed(1)}` : '')))
            .join('')}
        />
      )}
      <rect class="sx-frame" x={grid.x} y={grid.y} width={grid.size} height={grid.size} fill="none" />
      <g class="sx-legend" aria-hidden="true">
        {range(legend.swatches).map((k) => {
          const v = k < legend.swatches / 2 ? (-extent * (legend.swatches / 2 - k)) / (legend.swatches / 2) : (extent * (k - legend.swatches / 2 + 1)) / (legend.swatches / 2);
          const w = legend.width / legend.swatches;
          return (
            <rect key={k} class={`sx-cell sx-cell--${v >= 0 ? 'pos' : 'neg'}`} x={(grid.x + k * w).toFixed(2)} y={legend.y} width={w.toFixed(2)} height={9} fill-opacity={strength(v).toFixed(3)} />
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
