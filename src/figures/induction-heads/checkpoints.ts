/**
 * The build-time run's checkpoints as one binary asset: θ at every checkpoint as float32, so the figure can fetch
 * them only when a reader scrubs to another step or picks another sequence (they are never inlined in the page).
 *
 * Layout (little-endian float32): count, size, step₀ … step_{count−1}, then count × size values of θ.
 */

export interface StoredCheckpoints {
  steps: number[];
  theta: Float32Array[];
}

export function encodeCheckpoints(checkpoints: readonly { step: number; theta: readonly number[] }[]): Uint8Array<ArrayBuffer> {
  const count = checkpoints.length;
  const size = checkpoints[0]?.theta.length ?? 0;
  const values = new Float32Array(2 + count + count * size);
  values[0] = count;
  values[1] = size;
  checkpoints.forEach((checkpoint, k) => {
    if (checkpoint.theta.length !== size) throw new Error(`checkpoint ${k} has ${checkpoint.theta.length} values, expected ${size}`);
    values[2 + k] = checkpoint.step;
    values.set(checkpoint.theta, 2 + count + k * size);
  });
  return new Uint8Array(values.buffer);
}

export function decodeCheckpoints(buffer: ArrayBuffer): StoredCheckpoints {
  const values = new Float32Array(buffer);
  const count = values[0] ?? 0;
  const size = values[1] ?? 0;
  if (!Number.isInteger(count) || !Number.isInteger(size) || values.length !== 2 + count + count * size) {
    throw new Error('checkpoints: the file is not a checkpoint list');
  }
  const start = 2 + count;
  return {
    steps: Array.from(values.subarray(2, start)),
    theta: Array.from({ length: count }, (_, k) => values.subarray(start + k * size, start + (k + 1) * size)),
  };
}

/** Where the build writes the asset (src/pages/figures/induction-heads/checkpoints.bin.ts), below the site's base. */
export const checkpointsPath = 'figures/induction-heads/checkpoints.bin';
