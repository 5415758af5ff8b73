/**
 * The planted × latent cosine matrix: one row per planted direction, one column per latent, ordered so that
 * the latent matched to a planted direction sits on the diagonal. Shade = cosine (0 or less is blank). A
 * mark at the end of each row says whether the diagonal cell reaches the "found" line (✓) or not (✕), and a
 * triangle marks the planted directions present in the example input, so nothing rests on colour alone.
 */
import { fixed2, foundCosine, type DictionaryView } from './view-model.ts';

export const matrixBox = { width: 640, height: 262 };
const grid = { x: 58, y: 8, width: 548, rowHeight: 6 };
const levels = 8;
const shade = (cosine: number) => Math.ceil(Math.min(1, cosine) * levels - 1e-9) / levels;

function cellPaths(view: DictionaryView, cellWidth: number) {
  const paths = new Map<number, string>();
  view.ordered.cosines.forEach((row, r) =>
    row.forEach((cosine, c) => {
      if (cosine <= 0) return;
      const level = shade(cosine);
      const x = grid.x + c * cellWidth;
      const y = grid.y + r * grid.rowHeight;
      paths.set(level, `${paths.get(level) ?? ''}M${x.toFixed(2)},${y}h${cellWidth.toFixed(2)}v${grid.rowHeight}h${(-cellWidth).toFixed(2)}z`);
    }),
  );
  return [...paths.entries()].sort((a, b) => a[0] - b[0]);
}

export function CosineMatrix({ view }: { view: DictionaryView }) {
  const { ordered, planted } = view;
  const columns = ordered.columns.length;
  const cellWidth = grid.width / columns;
  const height = planted * grid.rowHeight;
  const example = new Set(view.result.example.features.map((f) => f.feature));
  const diagonal = (r: number) => (r < ordered.matched ? ordered.cosines[r]![r]! : -Infinity);
  const legendY = grid.y + height + 34;
  return (
    <svg
      class="sd-matrix"
      viewBox={`0 0 ${matrixBox.width} ${matrixBox.height}`}
      role="img"
      aria-label={`Heat map of cosine similarities: ${planted} planted directions (rows) against ${columns} latents (columns), matched latents on the diagonal. ${view.found} of ${planted} planted directions have a latent with cosine at least ${fixed2(foundCosine)}.`}
    >
      <g class="sd-axis-labels" aria-hidden="true">
        {ordered.rows.map((plantedIndex, r) =>
          r % 4 === 0 ? (
            <text key={r} x={grid.x - 14} y={grid.y + (r + 0.5) * grid.rowHeight} dy="0.35em" text-anchor="end">
              {plantedIndex + 1}
            </text>
          ) : null,
        )}
        <text x={grid.x + grid.width / 2} y={grid.y + height + 20} text-anchor="middle" class="sd-subtitle">
          {columns} latents, matched ones first
        </text>
        <text x={12} y={grid.y + height / 2} text-anchor="middle" class="sd-subtitle" transform={`rotate(-90 12 ${grid.y + height / 2})`}>
          planted
        </text>
      </g>
      <g class="sd-cells">
        {cellPaths(view, cellWidth).map(([level, d]) => (
          <path key={level} class="sd-cell" fill-opacity={level.toFixed(3)} d={d} />
        ))}
      </g>
      <rect class="sd-frame" x={grid.x} y={grid.y} width={grid.width} height={height} />
      <g class="sd-marks" aria-hidden="true">
        {ordered.rows.map((plantedIndex, r) => {
          const y = grid.y + (r + 0.5) * grid.rowHeight;
          const found = diagonal(r) >= foundCosine;
          return (
            <g key={r}>
              {example.has(plantedIndex) ? <path class="sd-example-mark" d={`M${grid.x - 11},${y - 3}l5,3l-5,3z`} /> : null}
              <text x={grid.x + grid.width + 6} y={y} dy="0.35em" class={`sd-rowmark ${found ? 'sd-found' : 'sd-missed'}`}>
                {found ? '✓' : '✕'}
              </text>
            </g>
          );
        })}
      </g>
      <g class="sd-legend" aria-hidden="true">
        {Array.from({ length: levels }, (_, k) => (
          <rect key={k} class="sd-cell" x={grid.x + k * 16} y={legendY} width={16} height={9} fill-opacity={((k + 1) / levels).toFixed(3)} />
        ))}
        <rect class="sd-frame" x={grid.x} y={legendY} width={16 * levels} height={9} />
        <text x={grid.x - 6} y={legendY + 5} dy="0.35em" text-anchor="end">
          0
        </text>
        <text x={grid.x + 16 * levels + 6} y={legendY + 5} dy="0.35em">
          1 cosine
        </text>
      </g>
    </svg>
  );
}
