/**
 * Embedding lookup: row t of the output is row tokens[t] of the table E (vocab × width).
 * The table is a block of the model's θ (pass `layout.slice(theta, 'E')`); the output buffer belongs to the
 * instance and is overwritten by the next forward. Backward adds into the table's gradient.
 */

export interface Embedding {
  readonly vocab: number;
  readonly width: number;
  /** Shape of the table block, for defineLayout. */
  readonly shape: readonly [number, number];
  /** rows × width; remembers `tokens` for backward. */
  forward(table: Float64Array, tokens: ArrayLike<number>, rows: number): Float64Array;
  /** Adds ∂L/∂E into `dTable` from ∂L/∂output of the last forward. */
  backward(dOutput: Float64Array, dTable: Float64Array): void;
}

export function createEmbedding(vocab: number, width: number, maxRows: number): Embedding {
  const output = new Float64Array(maxRows * width);
  const tokens = new Int32Array(maxRows);
  let rows = 0;
  return {
    vocab,
    width,
    shape: [vocab, width],
    forward(table, input, count) {
      if (count > maxRows) throw new RangeError(`embedding: ${count} rows, at most ${maxRows}`);
      rows = count;
      for (let t = 0; t < rows; t++) {
        const token = input[t]!;
        if (!Number.isInteger(token) || token < 0 || token >= vocab) throw new RangeError(`embedding: token ${token} outside 0 … ${vocab - 1}`);
        tokens[t] = token;
        output.set(table.subarray(token * width, (token + 1) * width), t * width);
      }
      return output;
    },
    backward(dOutput, dTable) {
      for (let t = 0; t < rows; t++) {
        const row = tokens[t]! * width;
        for (let j = 0; j < width; j++) dTable[row + j]! += dOutput[t * width + j]!;
      }
    },
  };
}
