/**
 * The frontier as three panels on one horizontal axis, L0 on a log scale: variance unexplained (top), dead
 * latents and recovery (MMCS) below. L1 points are circles on a solid line, TopK points squares on a dashed
 * line, the reader's run a diamond; each sweep point is labelled with its λ or k in the top panel.
 */
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import type { FrontierPoint } from '../../lab/sae-sweep.ts';
import type { ReaderRun } from '../sae-dictionary/reader-run.ts';
import { fixed2, lambdaFormat } from './view-model.ts';

export const plotBox = { width: 640, height: 500 };
const left = 64;
const right = 624;
const panels = {
  error: { top: 40, bottom: 226 },
  dead: { top: 276, bottom: 336 },
  mmcs: { top: 386, bottom: 446 },
};
const xAxisY = 446;
const l0Domain: [number, number] = [0.01, 128];

type Scale = ScaleContinuousNumeric<number, number>;

function clampTo(scale: Scale, value: number): number {
  const [a, b] = scale.domain() as [number, number];
  return scale(Math.min(Math.max(value, Math.min(a, b)), Math.max(a, b)));
}

export function Marker({ kind, x, y }: { kind: 'l1' | 'topk' | 'reader'; x: number; y: number }) {
  if (kind === 'l1') return <circle class="sf-mark sf-mark--l1" cx={x.toFixed(1)} cy={y.toFixed(1)} r="4" />;
  if (kind === 'topk') return <rect class="sf-mark sf-mark--topk" x={(x - 3.5).toFixed(1)} y={(y - 3.5).toFixed(1)} width="7" height="7" />;
  return <path class="sf-mark sf-mark--reader" d={`M${x.toFixed(1)},${(y - 7).toFixed(1)}l7,7l-7,7l-7,-7z`} />;
}

function Panel(props: {
  sweeps: FrontierPoint[][];
  run: ReaderRun;
  y: Scale;
  value: (point: Pick<FrontierPoint, 'fractionOfVarianceUnexplained' | 'deadLatents' | 'mmcs'>) => number;
  x: Scale;
  title: string;
  ticks: number[];
  tickFormat: (value: number) => string;
  labelPoints?: boolean;
}) {
  const { x, y, value } = props;
  const [bottom, top] = y.range() as [number, number];
  return (
    <g class="sf-panel">
      <text x={4} y={top - 8} class="sf-title">
        {props.title}
      </text>
      <g class="sf-axis" aria-hidden="true">
        {props.ticks.map((t) => (
          <g key={t}>
            <line class="sf-grid" x1={left} x2={right} y1={y(t).toFixed(1)} y2={y(t).toFixed(1)} />
            <text x={left - 5} y={y(t)} dy="0.35em" text-anchor="end">
              {props.tickFormat(t)}
            </text>
          </g>
        ))}
        <line class="sf-axis-line" x1={left} x2={left} y1={top} y2={bottom} />
      </g>
      {props.sweeps.map((sweep) => {
        const kind = sweep[0]!.variant;
        const points = sweep.map((p) => [clampTo(x, p.l0), clampTo(y, value(p))] as const);
        return (
          <g key={kind} class={`sf-sweep sf-sweep--${kind}`}>
            <path class={`sf-line sf-line--${kind}`} d={`M${points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join('L')}`} />
            {points.map(([px, py], i) => (
              <g key={i}>
                <Marker kind={kind} x={px} y={py} />
                {props.labelPoints ? (
                  <text x={px + 6} y={py} dy={kind === 'l1' ? '-0.4em' : '1em'} class="sf-point-label" aria-hidden="true">
                    {kind === 'l1' ? `λ ${lambdaFormat(sweep[i]!.value)}` : `k ${sweep[i]!.value}`}
                  </text>
                ) : null}
              </g>
            ))}
          </g>
        );
      })}
      <Marker kind="reader" x={clampTo(x, props.run.l0)} y={clampTo(y, value(props.run))} />
    </g>
  );
}

export function FrontierPlot({ sweeps, run, trueL0, logError, deadMax }: { sweeps: FrontierPoint[][]; run: ReaderRun; trueL0: number; logError: boolean; deadMax: number }) {
  const x = scaleLog().domain(l0Domain).range([left, right]);
  const error: Scale = logError
    ? scaleLog().domain([1e-4, 1.2]).range([panels.error.bottom, panels.error.top])
    : scaleLinear().domain([0, 1.05]).range([panels.error.bottom, panels.error.top]);
  const dead = scaleLinear().domain([0, deadMax]).range([panels.dead.bottom, panels.dead.top]);
  const mmcs = scaleLinear().domain([0.5, 1]).range([panels.mmcs.bottom, panels.mmcs.top]);
  const trueX = x(trueL0);
  return (
    <svg
      class="sf-plot"
      viewBox={`0 0 ${plotBox.width} ${plotBox.height}`}
      role="img"
      aria-label={`Frontier plot: against L0 on a log scale, variance unexplained (top), dead latents and MMCS (below) for each SAE of the sweep, with your run at L0 ${fixed2(run.l0)}.`}
    >
      <line class="sf-true" x1={trueX} x2={trueX} y1={panels.error.top} y2={xAxisY} />
      <text x={trueX + 4} y={panels.error.top + 10} class="sf-note" aria-hidden="true">
        planted: {fixed2(trueL0)} per input
      </text>
      <Panel
        sweeps={sweeps}
        run={run}
        x={x}
        y={error}
        value={(p) => p.fractionOfVarianceUnexplained}
        title={`Variance unexplained (${logError ? 'log' : 'linear'} scale)`}
        ticks={logError ? [1e-4, 1e-3, 1e-2, 0.1, 1] : [0, 0.25, 0.5, 0.75, 1]}
        tickFormat={logError ? (t) => (t >= 0.01 ? `${t}` : t === 1e-3 ? '0.001' : '0.0001') : (t) => `${t}`}
        labelPoints
      />
      <Panel sweeps={sweeps} run={run} x={x} y={dead} value={(p) => p.deadLatents} title="Dead latents" ticks={dead.ticks(2)} tickFormat={(t) => `${t}`} />
      <Panel sweeps={sweeps} run={run} x={x} y={mmcs} value={(p) => p.mmcs} title="Recovery (MMCS)" ticks={[0.5, 0.75, 1]} tickFormat={(t) => `${t}`} />
      <g class="sf-axis" aria-hidden="true">
        <line class="sf-axis-line" x1={left} x2={right} y1={xAxisY} y2={xAxisY} />
        {[0.1, 1, 10, 100].map((t) => (
          <text key={t} x={x(t)} y={xAxisY + 15} text-anchor="middle">
            {t}
          </text>
        ))}
        <text x={(left + right) / 2} y={xAxisY + 36} text-anchor="middle" class="sf-note">
          L0: active latents per input (log)
        </text>
      </g>
    </svg>
  );
}
