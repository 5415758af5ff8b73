/**
 * One head's attention pattern on one sequence: row i (the position looking) against column j (the position
 * looked at), shade = attention weight on a fixed 0–1 scale. Axes carry the tokens; the cells of the block's
 * second copy and the cells an induction head would attend to are outlined. Cells are grouped by shade, one
 * path per group.
 */
import { tokenLabel } from './view-model.ts';
import type { DisplaySequence } from './model.ts';

const levels = 8;
const size = 160;
const offset = 16;
export const mapBox = { width: offset + size + 2, height: offset + size + 2 };

export interface AttentionMapProps {
  pattern: number[][];
  sequence: DisplaySequence;
  /** The accessible name. */
  label: string;
}

export function AttentionMap({ pattern, sequence, label }: AttentionMapProps) {
  const T = pattern.length;
  const cell = size / T;
  const groups = new Map<number, string>();
  pattern.forEach((row, i) =>
    row.forEach((value, j) => {
      if (j > i || value < 0.5 / levels) return;
      const level = Math.min(levels, Math.round(value * levels));
      groups.set(level, `${groups.get(level) ?? ''}M${(offset + j * cell).toFixed(1)},${(offset + i * cell).toFixed(1)}h${cell.toFixed(1)}v${cell.toFixed(1)}h${(-cell).toFixed(1)}z`);
    }),
  );
  // Where an induction head attends: from each token of the second copy to the token after its first occurrence.
  const targets = Array.from({ length: sequence.blockLength - 1 }, (_, k) => [sequence.secondStart + k, sequence.firstStart + k + 1] as const);
  return (
    <svg class="ih-map" viewBox={`0 0 ${mapBox.width} ${mapBox.height}`} role="img" aria-label={label}>
      <g class="ih-map__tokens" aria-hidden="true">
        {sequence.tokens.map((token, t) => (
          <g key={t}>
            <text x={offset + (t + 0.5) * cell} y={offset - 4} text-anchor="middle">
              {tokenLabel(token)}
            </text>
            <text x={offset - 3} y={offset + (t + 0.5) * cell} dy="0.35em" text-anchor="end">
              {tokenLabel(token)}
            </text>
          </g>
        ))}
      </g>
      <path class="ih-map__empty" aria-hidden="true" d={`M${offset},${offset}h${size}v${size}z`} />
      {[...groups.entries()].map(([level, d]) => (
        <path key={level} class="ih-map__cells" fill-opacity={(level / levels).toFixed(3)} d={d} />
      ))}
      <path
        class="ih-map__targets"
        aria-hidden="true"
        d={targets.map(([i, j]) => `M${(offset + j * cell + 1).toFixed(1)},${(offset + i * cell + 1).toFixed(1)}h${(cell - 2).toFixed(1)}v${(cell - 2).toFixed(1)}h${(2 - cell).toFixed(1)}z`).join('')}
      />
      <rect class="fig-frame" x={offset} y={offset} width={size} height={size} fill="none" />
    </svg>
  );
}
