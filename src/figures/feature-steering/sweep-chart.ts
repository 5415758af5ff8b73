/** Pure geometry of the sweep chart: α on x (the lab's grid, evenly spaced), a share from 0 to 1 on y. */
import type { SweepPoint } from '../../lab/steering/pipeline.ts';

export const chartBox = { width: 300, height: 190 };
export const chartMargin = { left: 40, right: 12, top: 26, bottom: 34 };

export interface ChartScales {
  x(index: number): number;
  y(share: number): number;
}

/** The grid's α values are uneven (0 to 1 in quarters, then 1.5, 2, 3): one slot per grid point keeps each readable. */
export function chartScales(points: number): ChartScales {
  const { width, height } = chartBox;
  const { left, right, top, bottom } = chartMargin;
  return {
    x: (index) => left + (index / Math.max(1, points - 1)) * (width - left - right),
    y: (share) => top + (1 - share) * (height - top - bottom),
  };
}

export function linePath(points: readonly SweepPoint[], key: 'bridgeShare' | 'legality', scales: ChartScales): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${scales.x(i).toFixed(1)},${scales.y(p[key]).toFixed(1)}`).join('');
}
