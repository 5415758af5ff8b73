/**
 * What drives the pinned neuron: one bar per incoming weight × activation, the bias, and their sum z,
 * on a shared axis around zero (right of the axis pushes up, left pushes down; the signed value is written
 * at the end of every row). Rows are laid out for the widest layer, so pinning another neuron never resizes it.
 */
import { scaleLinear } from 'd3-scale';
import { max } from 'd3-array';
import { fixed2, signed2 } from '../shared/format.ts';
import type { PvaView } from './view-model.ts';

export const contributionsViewBox = { width: 420, height: 190 };
const rowHeight = 24;
const firstRow = 54;
const axisX = { left: 205, right: 350 };

function Bar({ y, value, scale, kind }: { y: number; value: number; scale: (v: number) => number; kind: string }) {
  const zero = scale(0);
  const end = scale(value);
  return (
    <g class={`pva-bar pva-bar--${value >= 0 ? 'pos' : 'neg'} pva-bar--${kind}`}>
      <rect x={Math.min(zero, end).toFixed(1)} y={y - 7} width={Math.max(1, Math.abs(end - zero)).toFixed(1)} height={14} data-animate />
    </g>
  );
}

export function Contributions({ view }: { view: PvaView }) {
  const p = view.pinned;
  const maxRows = Math.max(...view.layerSizes.slice(0, -1)) + 2;
  const height = firstRow + maxRows * rowHeight;
  if (!p) {
    return (
      <svg class="pva-contributions" viewBox={`0 0 ${contributionsViewBox.width} ${height}`} role="img" aria-label="No neuron is pinned.">
        <text x={2} y={28} class="fig-title">
          Pin a neuron to see what drives it.
        </text>
        <text x={2} y={52} class="fig-subtitle">
          Choose one under “Pinned neuron”, or click a circle in the network.
        </text>
      </svg>
    );
  }
  const rows = [
    ...p.terms.map((t) => ({ label: `${p.fromNames[t.from]}: w ${signed2(t.weight)} × a ${signed2(t.activation)}`, value: t.contribution, kind: 'term' })),
    { label: `bias b`, value: p.bias, kind: 'bias' },
    { label: `sum z`, value: p.preActivation, kind: 'sum' },
  ];
  const extent = max(rows, (r) => Math.abs(r.value)) || 1;
  const scale = scaleLinear().domain([-extent, extent]).range([axisX.left, axisX.right]);
  const result = p.squash === 'tanh' ? `tanh(z) = ${signed2(p.a)}` : `softmax → probability ${fixed2(p.a)}`;
  return (
    <svg
      class="pva-contributions"
      viewBox={`0 0 ${contributionsViewBox.width} ${height}`}
      role="img"
      aria-label={`What drives ${p.name}: incoming activations times weights plus bias give z = ${signed2(p.preActivation)}; ${result}.`}
    >
      <text x={2} y={18} class="fig-title">
        What drives {p.name} now
      </text>
      <text x={2} y={38} class="fig-subtitle">
        z = Σ w × a + b = {signed2(p.preActivation)}, then {result}
      </text>
      <line class="pva-zero" x1={scale(0)} x2={scale(0)} y1={firstRow - 10} y2={firstRow + rows.length * rowHeight - 8} />
      {rows.map((row, k) => {
        const y = firstRow + k * rowHeight + 4;
        return (
          <g key={row.label} class={row.kind === 'sum' ? 'pva-sum-row' : undefined}>
            <text x={2} y={y} dy="0.35em" class="pva-row-label">
              {row.label}
            </text>
            <Bar y={y} value={row.value} scale={scale} kind={row.kind} />
            <text x={contributionsViewBox.width - 6} y={y} dy="0.35em" text-anchor="end" class="pva-bar-value">
              {signed2(row.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
