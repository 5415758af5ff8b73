/**
 * A signed matrix as a heat map with its legend: a diverging scale around zero (orange positive, blue
 * negative, strength by shade). Values are written in the cells when they fit, and negative cells are
 * slashed when they do not, so the sign never rests on colour alone. Rows and columns are numbered from 1.
 * Cells are grouped by shade, one path per group: few elements to redraw while a model trains. Optional: named
 * rows and columns, one outlined cell, and a pointer handler per cell (the keyboard route is the figure's own control).
 */
import { max, range } from 'd3-array';
import { fixed2 } from './format.ts';

export interface HeatMapProps {
  /** rows × columns; cells are square. */
  values: number[][];
  title: string;
  subtitle: string;
  /** The accessible name: what the map shows, with its range (see `heatExtent`). */
  label: string;
  /** The SVG's viewBox size. */
  box: { width: number; height: number };
  /** Top-left corner and side of the square the cells fit in (by their longer side); the legend sits below the cells. */
  grid: { x: number; y: number; size: number };
  /** Write values in the cells up to this many rows or columns (beyond, negative cells are slashed). */
  maxValueCells?: number;
  /** Names written beside the rows and above the columns instead of their numbers. */
  rowLabels?: readonly string[];
  columnLabels?: readonly string[];
  /** One cell outlined (e.g. the one a figure's panel describes). */
  highlight?: { row: number; column: number };
  /** Called when a cell is clicked. */
  onCellClick?: ((row: number, column: number) => void) | undefined;
}

const swatches = 16;
/** Shades of the scale per sign. */
const levels = 8;

/** The scale runs from −extent to +extent: the largest absolute value (at least 0.01). */
export function heatExtent(values: number[][]): number {
  return Math.max(0.01, max(values.flat().map(Math.abs)) ?? 1);
}

/** The shade of a value, a multiple of 1/levels in (0, 1]. */
export function heatShade(v: number, extent: number): number {
  return Math.max(1, Math.ceil(Math.min(1, Math.abs(v) / extent) * levels - 1e-9)) / levels;
}

function tickLabels(n: number): number[] {
  if (n <= 10) return range(n);
  return range(n).filter((i) => i === 0 || (i + 1) % 5 === 0);
}

function cellGroups(values: number[][], cell: number, grid: HeatMapProps['grid'], extent: number) {
  const groups = new Map<string, { key: string; sign: 'pos' | 'neg'; level: number; count: number; d: string }>();
  values.forEach((row, i) =>
    row.forEach((v, j) => {
      const sign = v >= 0 ? 'pos' : 'neg';
      const level = heatShade(v, extent);
      const key = `${sign}${level}`;
      const group = groups.get(key) ?? { key, sign, level, count: 0, d: '' };
      group.count++;
      group.d += `M${(grid.x + j * cell).toFixed(2)},${(grid.y + i * cell).toFixed(2)}h${cell.toFixed(2)}v${cell.toFixed(2)}h${(-cell).toFixed(2)}z`;
      groups.set(key, group);
    }),
  );
  return [...groups.values()];
}

export function HeatMap({ values, title, subtitle, label, box, grid, maxValueCells = 6, rowLabels, columnLabels, highlight, onCellClick }: HeatMapProps) {
  const rows = values.length;
  const columns = values[0]?.length ?? 0;
  const extent = heatExtent(values);
  const cell = grid.size / Math.max(1, rows, columns);
  const showValues = Math.max(rows, columns) <= maxValueCells;
  const fontSize = Math.min(12, Math.max(8, cell * 0.75));
  const strength = (v: number) => heatShade(v, extent);
  // Below the cells (a map with fewer rows than columns is shorter than its square).
  const legendY = grid.y + rows * cell + 16;
  return (
    <svg class="fig-heatmap" viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={label}>
      <text x={4} y={16} class="fig-title">
        {title}
      </text>
      <text x={4} y={32} class="fig-subtitle">
        {subtitle}
      </text>
      <g class="fig-heatmap__labels" aria-hidden="true" font-size={fontSize}>
        {tickLabels(Math.max(rows, columns)).map((i) => (
          <g key={i}>
            {i < columns && !columnLabels ? (
              <text x={grid.x + (i + 0.5) * cell} y={grid.y - 4} text-anchor="middle">
                {i + 1}
              </text>
            ) : null}
            {i < rows && !rowLabels ? (
              <text x={grid.x - 4} y={grid.y + (i + 0.5) * cell} dy="0.35em" text-anchor="end">
                {i + 1}
              </text>
            ) : null}
          </g>
        ))}
        {columnLabels?.map((name, j) => (
          <text key={`c${j}`} x={grid.x + (j + 0.5) * cell} y={grid.y - 4} text-anchor="middle">
            {name}
          </text>
        ))}
        {rowLabels?.map((name, i) => (
          <text key={`r${i}`} x={grid.x - 4} y={grid.y + (i + 0.5) * cell} dy="0.35em" text-anchor="end">
            {name}
          </text>
        ))}
      </g>
      <g class="fig-cells">
        {cellGroups(values, cell, grid, extent).map((group) => (
          <path key={group.key} class={`fig-cell fig-cell--${group.sign}`} fill-opacity={group.level.toFixed(3)} data-cells={group.count} d={group.d} />
        ))}
      </g>
      {showValues ? (
        <g class="fig-cell-text" aria-hidden="true">
          {values.flatMap((row, i) =>
            row.map((v, j) => (
              <text
                key={`${i}-${j}`}
                x={(grid.x + (j + 0.5) * cell).toFixed(2)}
                y={(grid.y + (i + 0.5) * cell).toFixed(2)}
                dy="0.35em"
                text-anchor="middle"
                class={`fig-cell__value${strength(v) > 0.55 ? ' is-strong' : ''}`}
              >
                {fixed2(v)}
              </text>
            )),
          )}
        </g>
      ) : (
        <path
          class="fig-cell__slashes"
          aria-hidden="true"
          d={values
            .flatMap((row, i) => row.map((v, j) => (v < 0 && strength(v) > 0.15 ? `M${(grid.x + j * cell + 1).toFixed(1)},${(grid.y + (i + 1) * cell - 1).toFixed(1)}l${(cell - 2).toFixed(1)},${(2 - cell).toFixed(1)}` : '')))
            .join('')}
        />
      )}
      <rect class="fig-frame" x={grid.x} y={grid.y} width={columns * cell} height={rows * cell} fill="none" />
      {highlight ? (
        <rect class="fig-heatmap__highlight" x={(grid.x + highlight.column * cell + 1.5).toFixed(2)} y={(grid.y + highlight.row * cell + 1.5).toFixed(2)} width={(cell - 3).toFixed(2)} height={(cell - 3).toFixed(2)} fill="none" />
      ) : null}
      {onCellClick ? (
        <g class="fig-heatmap__targets" aria-hidden="true">
          {values.flatMap((row, i) =>
            row.map((_, j) => (
              <rect key={`${i}-${j}`} x={(grid.x + j * cell).toFixed(2)} y={(grid.y + i * cell).toFixed(2)} width={cell.toFixed(2)} height={cell.toFixed(2)} fill="transparent" onClick={() => onCellClick(i, j)} />
            )),
          )}
        </g>
      ) : null}
      <HeatLegend x={grid.x} y={legendY} width={grid.size} extent={extent} />
    </svg>
  );
}

/** The diverging scale from −extent to +extent in `swatches` steps, with its ends and zero written. */
function HeatLegend({ x, y, width, extent }: { x: number; y: number; width: number; extent: number }) {
  const half = swatches / 2;
  const w = width / swatches;
  return (
    <g class="fig-legend" aria-hidden="true">
      {range(swatches).map((k) => {
        const v = k < half ? (-extent * (half - k)) / half : (extent * (k - half + 1)) / half;
        return <rect key={k} class={`fig-cell fig-cell--${v >= 0 ? 'pos' : 'neg'}`} x={(x + k * w).toFixed(2)} y={y} width={w.toFixed(2)} height={9} fill-opacity={heatShade(v, extent).toFixed(3)} />;
      })}
      <rect class="fig-frame" x={x} y={y} width={width} height={9} fill="none" />
      <text x={x} y={y + 21} text-anchor="start">
        {fixed2(-extent)}
      </text>
      <text x={x + width / 2} y={y + 21} text-anchor="middle">
        0
      </text>
      <text x={x + width} y={y + 21} text-anchor="end">
        {fixed2(extent)}
      </text>
    </g>
  );
}
