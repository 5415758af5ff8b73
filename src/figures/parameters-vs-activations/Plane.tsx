/**
 * The input plane [−1, 1]²: the three true regions (dashed outlines, named), the region the network
 * answers for each part of the plane (faint shading by class, computed from the fixed parameters), and the
 * input point. Pure apart from the optional pointer handler that lets a reader drag the point.
 */
import { scaleLinear } from 'd3-scale';
import { range } from 'd3-array';
import { forwardModel0, type Model0Weights } from '../../lab/mlp.ts';
import { fixed2 } from '../shared/format.ts';
import type { PvaView } from './view-model.ts';

export const planeViewBox = { width: 280, height: 280 };
const margin = { left: 30, right: 10, top: 10, bottom: 30 };
export const planeX = scaleLinear().domain([-1, 1]).range([margin.left, planeViewBox.width - margin.right]);
export const planeY = scaleLinear().domain([-1, 1]).range([planeViewBox.height - margin.bottom, margin.top]);

const cells = 28;
interface Run {
  row: number;
  start: number;
  length: number;
  label: number;
}

const runCache = new WeakMap<Model0Weights, Run[]>();

/** The network's answer on a cells×cells grid, merged into horizontal runs (a few dozen rectangles). */
export function answerRuns(weights: Model0Weights): Run[] {
  const cached = runCache.get(weights);
  if (cached) return cached;
  const runs: Run[] = [];
  const centre = (k: number) => -1 + (2 * (k + 0.5)) / cells;
  for (let row = 0; row < cells; row++) {
    let current: Run | undefined;
    for (let column = 0; column < cells; column++) {
      const output = forwardModel0(weights, [centre(column), centre(row)]).layers.at(-1)!.activations;
      const label = output.indexOf(Math.max(...output));
      if (current && current.label === label) current.length++;
      else runs.push((current = { row, start: column, length: 1, label }));
    }
  }
  runCache.set(weights, runs);
  return runs;
}

export function Plane(props: { view: PvaView; weights: Model0Weights; onPointer?: (event: PointerEvent) => void }) {
  const { view } = props;
  const cell = (planeX(1) - planeX(-1)) / cells;
  const [px, py] = [planeX(view.input[0]), planeY(view.input[1])];
  const r = planeX(0.5) - planeX(0);
  const handlers = props.onPointer ? { onPointerDown: props.onPointer, onPointerMove: props.onPointer } : {};
  return (
    <svg
      class="pva-plane"
      viewBox={`0 0 ${planeViewBox.width} ${planeViewBox.height}`}
      role="img"
      aria-label={`The input plane: the point (${fixed2(view.input[0])}, ${fixed2(view.input[1])}) lies in the ${view.classes[view.truth]} region; the network answers “${view.classes[view.predicted]}”.`}
      {...handlers}
    >
      <g class="pva-answers" aria-hidden="true">
        {answerRuns(props.weights).map((run) => (
          <rect
            key={`${run.row}-${run.start}`}
            class={`pva-answer pva-class-${run.label}`}
            x={(planeX(-1) + run.start * cell).toFixed(1)}
            y={(planeY(-1) - (run.row + 1) * cell).toFixed(1)}
            width={(run.length * cell + 0.5).toFixed(1)}
            height={(cell + 0.5).toFixed(1)}
          />
        ))}
      </g>
      <g class="pva-truth" aria-hidden="true">
        <rect class="fig-frame" x={planeX(-1)} y={planeY(1)} width={planeX(1) - planeX(-1)} height={planeY(-1) - planeY(1)} />
        <circle cx={planeX(0)} cy={planeY(0)} r={r} />
        <line x1={planeX(0)} x2={planeX(0)} y1={planeY(1)} y2={planeY(0.5)} />
        <line x1={planeX(0)} x2={planeX(0)} y1={planeY(-0.5)} y2={planeY(-1)} />
        {view.classes.map((name, k) => {
          const [x, y] = k === 0 ? [0, -0.12] : k === 1 ? [-0.55, -0.85] : [0.55, -0.85];
          return (
            <text key={name} class={`pva-region-label pva-class-${k}`} x={planeX(x)} y={planeY(y)} text-anchor="middle">
              {name}
            </text>
          );
        })}
      </g>
      <g class="fig-axes" aria-hidden="true">
        {range(-1, 1.01, 1).map((t) => (
          <g key={t}>
            <text x={planeX(t)} y={planeY(-1) + 16} text-anchor="middle">
              {t === 0 ? '0' : t > 0 ? '1' : '−1'}
            </text>
            <text x={planeX(-1) - 6} y={planeY(t)} dy="0.35em" text-anchor="end">
              {t === 0 ? '0' : t > 0 ? '1' : '−1'}
            </text>
          </g>
        ))}
        <text x={planeX(0.5)} y={planeY(-1) + 26} text-anchor="middle" class="pva-axis-name">
          x₁
        </text>
        <text x={planeX(-1) - 20} y={planeY(0.5)} dy="0.35em" text-anchor="middle" class="pva-axis-name">
          x₂
        </text>
      </g>
      <g class="pva-input" aria-hidden="true">
        <line x1={px} x2={px} y1={planeY(1)} y2={planeY(-1)} class="pva-crosshair" />
        <line x1={planeX(-1)} x2={planeX(1)} y1={py} y2={py} class="pva-crosshair" />
        <circle cx={px} cy={py} r={9} class="pva-point" />
      </g>
    </svg>
  );
}

/** The plane coordinates under a pointer event on the plane's SVG, clamped to [−1, 1]. */
export function pointerToInput(event: PointerEvent, svg: SVGSVGElement): [number, number] {
  const box = svg.getBoundingClientRect();
  const sx = ((event.clientX - box.left) / box.width) * planeViewBox.width;
  const sy = ((event.clientY - box.top) / box.height) * planeViewBox.height;
  const clamp = (v: number) => Math.max(-1, Math.min(1, v));
  return [clamp(planeX.invert(sx)), clamp(planeY.invert(sy))];
}
