/**
 * A two-layer token model built from the lab's layers, exposing named sites the way a real model does:
 * embed → linear → GELU → (two "heads": halves of the hidden layer) → linear → logits.
 */
import { defineLayout } from '../../../../src/lab/core/layout.ts';
import { noSites, type Sites } from '../../../../src/lab/core/interventions.ts';
import { createActivation } from '../../../../src/lab/layers/activation.ts';
import { createEmbedding } from '../../../../src/lab/layers/embedding.ts';
import { createLinear } from '../../../../src/lab/layers/linear.ts';
import { fillNormal } from '../../../../src/lab/matrix.ts';
import { createRandom } from '../../../../src/lab/random.ts';

export const tiny = { vocab: 7, width: 4, hidden: 6, rows: 5 } as const;

export function createTinyModel(seed = 1) {
  const { vocab, width, hidden, rows } = tiny;
  const embedding = createEmbedding(vocab, width, rows);
  const up = createLinear(width, hidden, rows);
  const gelu = createActivation('gelu', rows * hidden);
  const down = createLinear(hidden, vocab, rows);
  const layout = defineLayout({ E: embedding.shape, W_up: up.weightShape, b_up: up.biasShape, W_out: down.weightShape, b_out: down.biasShape });
  const theta = fillNormal(new Float64Array(layout.size), createRandom(seed), 0.8);
  const headValues = new Float64Array(rows * hidden);
  return {
    /** Logits (a copy) for `tokens`, calling `sites` at 'embed', 'hidden', 'hidden.head0', 'hidden.head1' and 'logits'. */
    forward(tokens: readonly number[], sites: Sites = noSites): Float64Array {
      const count = tokens.length;
      const x = Float64Array.from(embedding.forward(layout.slice(theta, 'E'), tokens, count).subarray(0, count * width));
      sites.visit('embed', x);
      const h = gelu.forward(up.forward(layout.slice(theta, 'W_up'), layout.slice(theta, 'b_up'), x, count), count * hidden);
      const hiddenValues = h.subarray(0, count * hidden);
      sites.visit('hidden', hiddenValues);
      // Head-major copy so each head is one contiguous slice, then back.
      const half = hidden / 2;
      for (let head = 0; head < 2; head++) {
        for (let t = 0; t < count; t++) for (let j = 0; j < half; j++) headValues[head * count * half + t * half + j] = hiddenValues[t * hidden + head * half + j]!;
        sites.visit(`hidden.head${head}`, headValues.subarray(head * count * half, (head + 1) * count * half));
        for (let t = 0; t < count; t++) for (let j = 0; j < half; j++) hiddenValues[t * hidden + head * half + j] = headValues[head * count * half + t * half + j]!;
      }
      const logits = Float64Array.from(down.forward(layout.slice(theta, 'W_out'), layout.slice(theta, 'b_out'), hiddenValues, count).subarray(0, count * vocab));
      sites.visit('logits', logits);
      return logits;
    },
  };
}
