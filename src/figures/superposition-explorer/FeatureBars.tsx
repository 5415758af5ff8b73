/**
 * Per feature, two bars on shared rows: ‖W_i‖ (how fully feature i is stored; coloured by importance) and
 * its superposition Σ_{j≠i} (Ŵ_i·W_j)² (how much the other features share its direction). A feature too
 * short to have a meaningful direction gets no superposition bar, only the words "not stored".
 */
import { scaleLinear } from 'd3-scale';
import { max } from 'd3-array';
import { importanceStyle } from './colour.ts';
import { panelBox } from './FeaturePlane.tsx';
import { fixed2 } from '../shared/format.ts';
import { unstoredNorm, type ModelView } from './view-model.ts';

const top = 50;
const bottom = panelBox.height - 6;
const labelRight = 20;
const norms = { left: 26, right: 92 };
const sharing = { left: 142, right: 200 };

export function FeatureBars({ view }: { view: ModelView }) {
  const { n } = view;
  const row = (bottom - top) / n;
  const barHeight = Math.max(3, Math.min(14, row * 0.7));
  const showValues = n <= 12;
  const fontSize = Math.min(12, Math.max(8, row * 0.8));
  const normScale = scaleLinear().domain([0, Math.max(1.2, max(view.featureNorms) ?? 1)]).range([norms.left, norms.right]);
  const sharingScale = scaleLinear().domain([0, Math.max(1, max(view.superposition) ?? 1)]).range([sharing.left, sharing.right]);
  return (
    <svg
      class="sx-bars"
      viewBox={`0 0 ${panelBox.width} ${panelBox.height}`}
      role="img"
      aria-label={`Bars for features 1 to ${n}: length ‖Wᵢ‖ (${view.featureNorms.map(fixed2).join(', ')}) and superposition (${view.superposition.map(fixed2).join(', ')}).`}
    >
      <text x={4} y={16} class="fig-title">
        Per feature
      </text>
      <text x={norms.left} y={38} class="fig-subtitle">
        length ‖Wᵢ‖
      </text>
      <text x={sharing.left - 8} y={38} class="fig-subtitle">
        superposition
      </text>
      <line class="fig-axis" x1={norms.left} x2={norms.left} y1={top - 4} y2={bottom} />
      <line class="fig-axis" x1={sharing.left} x2={sharing.left} y1={top - 4} y2={bottom} />
      <line class="sx-unit-tick" x1={normScale(1)} x2={normScale(1)} y1={top - 4} y2={bottom} />
      {view.featureNorms.map((norm, i) => {
        const y = top + (i + 0.5) * row;
        const stored = norm >= unstoredNorm;
        const share = view.superposition[i] ?? 0;
        return (
          <g key={i} class="sx-bar-row" data-feature={i + 1} font-size={fontSize}>
            <text x={labelRight} y={y} dy="0.35em" text-anchor="end" class="sx-bar-label">
              {i + 1}
            </text>
            <rect class="sx-bar sx-bar--norm" style={importanceStyle(view.importance[i]!)} x={norms.left} y={(y - barHeight / 2).toFixed(2)} width={Math.max(0.5, normScale(norm) - norms.left).toFixed(2)} height={barHeight.toFixed(2)} />
            {showValues ? (
              <text x={normScale(norm) + 3} y={y} dy="0.35em" class="sx-bar-value">
                {fixed2(norm)}
              </text>
            ) : null}
            {stored ? (
              <>
                <rect class="sx-bar sx-bar--sharing" x={sharing.left} y={(y - barHeight / 2).toFixed(2)} width={Math.max(0.5, sharingScale(share) - sharing.left).toFixed(2)} height={barHeight.toFixed(2)} />
                {showValues ? (
                  <text x={sharingScale(share) + 3} y={y} dy="0.35em" class="sx-bar-value">
                    {fixed2(share)}
                  </text>
                ) : null}
              </>
            ) : showValues ? (
              <text x={sharing.left + 3} y={y} dy="0.35em" class="sx-bar-value fig-muted">
                not stored
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
