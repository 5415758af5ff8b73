/**
 * An attention-only transformer (Elhage et al., 2021): learned token and position embeddings, `layers` layers of
 * multi-head causal self-attention added to the residual stream, and an unembedding to next-token logits.
 * No MLP, no layer norm; the only bias is the unembedding's.
 *
 *     x₀ = E[token] + P[position]
 *     x_{l+1} = x_l + Σ_h head_{l,h}(x_l)
 *     logits = U x_L + b,   L = mean over positions t < context − 1 of −log softmax(logits_t)[token_{t+1}]
 *
 * The model runs one sequence at a time; scratch belongs to the instance. After `forward`, every head's
 * attention pattern and output and every position's loss are readable until the next call.
 */

import { noSites, type Sites } from './core/interventions.ts';
import { defineLayout, type Layout } from './core/layout.ts';
import { createEmbedding } from './layers/embedding.ts';
import { createLinear } from './layers/linear.ts';
import { createSoftmaxCrossEntropy } from './layers/softmax-cross-entropy.ts';
import { attentionBlocks, createCausalAttention, type AttentionShape, type AttentionWeights, type CausalAttention } from './layers/attention.ts';
import type { Random } from './random.ts';

export interface TransformerShape extends AttentionShape {
  /** Content tokens 0 … vocab − 1 are predicted; the start-of-sequence token `vocab` is only embedded. */
  readonly vocab: number;
  readonly layers: number;
}

export interface Transformer {
  readonly shape: TransformerShape;
  readonly layout: Layout;
  init(theta: Float64Array, random: Random): void;
  /** Runs one sequence (`context` tokens from `tokens[start]`); returns its mean next-token loss. Head sites: `layer<l>.head<h>`. */
  forward(theta: Float64Array, tokens: Int32Array, start: number, sites?: Sites): number;
  /** After a `forward` without hooks: ADDS the gradient of that sequence's mean loss, times `weight`, into `grad`. */
  backward(theta: Float64Array, grad: Float64Array, weight: number): void;
  /** −log p(token_{t+1}) at position t, from the last forward pass (length context − 1). */
  readonly positionLoss: Float64Array;
  pattern(layer: number, head: number): Float64Array;
  headOutput(layer: number, head: number): Float64Array;
}

/**
 * Standard deviation of the token and position embeddings at initialisation. With N(0, 1) embeddings the
 * initial attention scores are large and the induction task trained far more slowly (measured); N(0, 0.3²)
 * keeps the first attention patterns close to uniform.
 */
const embeddingStd = 0.3;

export function transformerLayout(shape: TransformerShape): Layout {
  const { vocab, context, width, layers } = shape;
  const blocks: Record<string, readonly number[]> = { embed: [vocab + 1, width], position: [context, width] };
  for (let l = 0; l < layers; l++) Object.assign(blocks, attentionBlocks(`layer${l}`, shape));
  blocks.unembed = [vocab, width];
  blocks.unembedBias = [vocab];
  return defineLayout(blocks);
}

function attentionWeights(layout: Layout, theta: Float64Array, layer: number): AttentionWeights {
  return {
    query: layout.slice(theta, `layer${layer}.query`),
    key: layout.slice(theta, `layer${layer}.key`),
    value: layout.slice(theta, `layer${layer}.value`),
    output: layout.slice(theta, `layer${layer}.output`),
  };
}

export function createTransformer(shape: TransformerShape): Transformer {
  const { vocab, context: T, width: d, layers, headSize } = shape;
  const layout = transformerLayout(shape);
  const embedding = createEmbedding(vocab + 1, d, T);
  const attention: CausalAttention[] = Array.from({ length: layers }, (_, l) => createCausalAttention(shape, `layer${l}`));
  const unembed = createLinear(d, vocab, T - 1);
  const crossEntropy = createSoftmaxCrossEntropy(vocab, T - 1);
  /** residual[l] is the stream entering layer l; residual[layers] the final one. */
  const residual = Array.from({ length: layers + 1 }, () => new Float64Array(T * d));
  const layerOutput = new Float64Array(T * d);
  const gradResidual = new Float64Array(T * d);
  const gradLayerOutput = new Float64Array(T * d);
  const positionLoss = new Float64Array(T - 1);
  const tokens = new Int32Array(T);
  const targets = tokens.subarray(1);

  return {
    shape,
    layout,
    positionLoss,
    init(theta, random) {
      const fill = (name: string, std: number) => {
        const block = layout.slice(theta, name);
        for (let i = 0; i < block.length; i++) block[i] = std * random.normal();
      };
      fill('embed', embeddingStd);
      fill('position', embeddingStd);
      for (let l = 0; l < layers; l++) {
        for (const part of ['query', 'key', 'value']) fill(`layer${l}.${part}`, 1 / Math.sqrt(d));
        fill(`layer${l}.output`, 1 / Math.sqrt(headSize));
      }
      fill('unembed', 1 / Math.sqrt(d));
    },
    forward(theta, source, start, sites = noSites) {
      tokens.set(source.subarray(start, start + T));
      const embedded = embedding.forward(layout.slice(theta, 'embed'), tokens, T);
      const P = layout.slice(theta, 'position');
      const x0 = residual[0]!;
      for (let i = 0; i < T * d; i++) x0[i] = embedded[i]! + P[i]!;
      for (let l = 0; l < layers; l++) {
        attention[l]!.forward(residual[l]!, attentionWeights(layout, theta, l), layerOutput, sites);
        const from = residual[l]!;
        const to = residual[l + 1]!;
        for (let i = 0; i < T * d; i++) to[i] = from[i]! + layerOutput[i]!;
      }
      const logits = unembed.forward(layout.slice(theta, 'unembed'), layout.slice(theta, 'unembedBias'), residual[layers]!, T - 1);
      const loss = crossEntropy.forward(logits, targets, T - 1);
      const p = crossEntropy.probabilities;
      for (let t = 0; t < T - 1; t++) positionLoss[t] = -Math.log(p[t * vocab + targets[t]!]!);
      return loss;
    },
    backward(theta, grad, weight) {
      const dLogits = crossEntropy.backward(weight);
      gradResidual.set(unembed.backward(layout.slice(theta, 'unembed'), dLogits, layout.slice(grad, 'unembed'), layout.slice(grad, 'unembedBias')).subarray(0, (T - 1) * d));
      gradResidual.fill(0, (T - 1) * d);
      // The residual connection passes ∂L/∂x_{l+1} straight to x_l; each layer adds its own input gradient.
      for (let l = layers - 1; l >= 0; l--) {
        gradLayerOutput.set(gradResidual);
        attention[l]!.backward(gradLayerOutput, attentionWeights(layout, theta, l), attentionWeights(layout, grad, l), gradResidual);
      }
      embedding.backward(gradResidual, layout.slice(grad, 'embed'));
      const gradP = layout.slice(grad, 'position');
      for (let i = 0; i < T * d; i++) gradP[i] = gradP[i]! + gradResidual[i]!;
    },
    pattern: (layer, head) => attention[layer]!.pattern(head),
    headOutput: (layer, head) => attention[layer]!.headOutput(head),
  };
}
