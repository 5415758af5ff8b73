/**
 * For m = 2: each feature's direction W_i as an arrow in the hidden plane, numbered at its tip and coloured
 * by importance (darker purple = more important; the numbers say which feature it is). A dashed circle
 * marks length 1. For other m, the same box says to read the heat map instead, so nothing moves.
 */
import { scaleLinear } from 'd3-scale';
import { max } from 'd3-array';
import { importanceStyle } from './colour.ts';
import { fixed2 } from '../shared/format.ts';
import { unstoredNorm, type ModelView } from './view-model.ts';

export const panelBox = { width: 240, height: 260 };
const centre = { x: 120, y: 145 };
const reach = 98;

function arrowHead(x: number, y: number, dx: number, dy: number): string {
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const size = Math.min(8, length * 0.6);
  const bx = x - ux * size;
  const by = y - uy * size;
  return `M${x.toFixed(1)},${y.toFixed(1)}L${(bx - uy * size * 0.5).toFixed(1)},${(by + ux * size * 0.5).toFixed(1)}L${(bx + uy * size * 0.5).toFixed(1)},${(by - ux * size * 0.5).toFixed(1)}Z`;
}

export function FeaturePlane({ view }: { view: ModelView }) {
  const { width, height } = panelBox;
  if (view.m !== 2) {
    return (
      <svg class="sx-plane" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Arrows are drawn only when m = 2; this model has m = ${view.m} hidden dimensions.`}>
        <text x={4} y={16} class="fig-title">
          Feature directions
        </text>
        <rect x={4} y={34} width={width - 8} height={height - 42} class="fig-frame" rx={6} />
        <text x={width / 2} y={130} text-anchor="middle" class="fig-subtitle">
          <tspan x={width / 2}>Arrows need m = 2 (a plane).</tspan>
          <tspan x={width / 2} dy="1.4em">With m = {view.m}, read the heat map:</tspan>
          <tspan x={width / 2} dy="1.4em">it shows every pair’s overlap.</tspan>
        </text>
      </svg>
    );
  }
  const longest = Math.max(1.2, max(view.featureNorms) ?? 1);
  const scale = scaleLinear().domain([0, longest]).range([0, reach]);
  const unit = scale(1);
  const arrows = view.featureNorms.map((norm, i) => {
    const wx = view.W[0]![i]!;
    const wy = view.W[1]![i]!;
    return { i, norm, x: centre.x + scale(wx), y: centre.y - scale(wy), dx: scale(wx), dy: -scale(wy) };
  });
  const unstored = arrows.filter((a) => a.norm < unstoredNorm).map((a) => a.i + 1);
  return (
    <svg
      class="sx-plane"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`${view.n} feature directions in the 2-dimensional hidden space, as arrows numbered 1 to ${view.n}; lengths ${view.featureNorms.map(fixed2).join(', ')}.`}
    >
      <text x={4} y={16} class="fig-title">
        Feature directions Wᵢ
      </text>
      <text x={4} y={32} class="fig-subtitle">
        hidden plane (m = 2); circle: length 1
      </text>
      <g class="sx-plane__grid" aria-hidden="true">
        <line x1={centre.x - reach} x2={centre.x + reach} y1={centre.y} y2={centre.y} />
        <line x1={centre.x} x2={centre.x} y1={centre.y - reach} y2={centre.y + reach} />
        <circle cx={centre.x} cy={centre.y} r={unit} class="sx-unit" />
      </g>
      <g class="sx-arrows">
        {arrows.map((a) =>
          a.norm < unstoredNorm ? null : (
            <g key={a.i} class="sx-arrow" data-feature={a.i + 1} style={importanceStyle(view.importance[a.i]!)}>
              <line x1={centre.x} y1={centre.y} x2={a.x} y2={a.y} />
              <path d={arrowHead(a.x, a.y, a.dx, a.dy)} />
              <text x={a.x + (a.dx / (Math.hypot(a.dx, a.dy) || 1)) * 11} y={a.y + (a.dy / (Math.hypot(a.dx, a.dy) || 1)) * 11} dy="0.35em" text-anchor="middle" class="sx-arrow__label">
                {a.i + 1}
              </text>
            </g>
          ),
        )}
      </g>
      {unstored.length > 0 ? (
        <text x={4} y={height - 4} class="fig-subtitle sx-unstored-note">
          Not stored (length &lt; {unstoredNorm}): {unstored.length > 8 ? `${unstored.length} features` : unstored.join(', ')}
        </text>
      ) : null}
    </svg>
  );
}
