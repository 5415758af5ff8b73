// Small helpers every benchmark shares: medians, run order, and the machine's load while measuring.
import { cpus, loadavg } from 'node:os';

/**
 * @param {number[]} values
 * @returns {number} NaN for no values
 */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  const upper = s[m] ?? Number.NaN;
  return s.length % 2 ? upper : ((s[m - 1] ?? Number.NaN) + upper) / 2;
}

/** "load average 3.1 on 2 cores": what else the machine was doing while it was measured. */
export function machineLoad() {
  return `load average ${(loadavg()[0] ?? 0).toFixed(1)} on ${cpus().length} cores`;
}

/** The order of the variants over `runs` rounds: forwards, then backwards, so none is always first. */
/**
 * @template T
 * @param {T[]} names
 * @param {number} runs
 * @returns {T[]}
 */
export function alternate(names, runs) {
  return Array.from({ length: runs }, (_, i) => (i % 2 ? [...names].reverse() : names)).flat();
}
