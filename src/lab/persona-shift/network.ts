/**
 * The persona-shift network: one-hot tokens (context, domain, question) summed into a shared hidden layer,
 * and for each question a readout over its own two answers.
 *
 *   pre = b₁ + Σ_t (E_t + δ_t) + (Σ_t a_t) b      h = ReLU(pre) (+ s, a steering vector)
 *   z_j = c_{q,j} + U_{q,j} · h   (j = helpful, harmful)           L = Σ w · −log softmax(z)[answer] / Σ w
 *
 * E, b₁, U, c are the pretrained weights. Fine-tuning variants train only some blocks: δ (a change to the
 * context tokens' embeddings alone, so in practice to the voices the fine-tuning data use, e.g. the
 * assistant's), the rank-1 adapter a bᵀ on the input-to-hidden weights, or everything. δ has a row for
 * context tokens only: t ranges over them in the δ term.
 */

import { defineLayout } from '../core/layout.ts';
import type { Objective } from '../core/objective.ts';
import { fillNormal } from '../matrix.ts';
import type { Random } from '../random.ts';
import { contexts, type Example, type World } from './world.ts';

const contextCount = contexts.length;

export function personaLayout(world: World, hidden: number) {
  return defineLayout({
    E: [world.tokenCount, hidden],
    b1: [hidden],
    U: [world.questionCount, 2, hidden],
    c: [world.questionCount, 2],
    adapterA: [world.tokenCount],
    adapterB: [hidden],
    contextDelta: [contextCount, hidden],
  });
}

export type PersonaLayout = ReturnType<typeof personaLayout>;
export type PersonaBlock = PersonaLayout['blocks'][number]['name'];

export interface PersonaNetwork {
  layout: PersonaLayout;
  hidden: number;
  /** Hidden activations h for an example (into `out`), with an optional steering vector added after the ReLU. */
  hiddenState(theta: Float64Array, example: Example, out: Float64Array, steer?: Float64Array): Float64Array;
  /** Probability of the harmful answer, and the margin z_harmful − z_helpful. */
  answer(theta: Float64Array, example: Example, steer?: Float64Array): { harmful: number; margin: number };
  /** Weighted mean cross-entropy over `examples`, its gradient ADDED into `grad`. */
  lossAndGradient(theta: Float64Array, examples: readonly Example[], grad: Float64Array): number;
}

export function createPersonaNetwork(world: World, hidden: number): PersonaNetwork {
  const layout = personaLayout(world, hidden);
  const [E, b1, U, c, A, B, delta] = ['E', 'b1', 'U', 'c', 'adapterA', 'adapterB', 'contextDelta'].map((name) => layout.offset(name as PersonaBlock)) as [number, number, number, number, number, number, number];
  const pre = new Float64Array(hidden);
  const h = new Float64Array(hidden);
  const dpre = new Float64Array(hidden);

  function forward(theta: Float64Array, example: Example, out: Float64Array, steer?: Float64Array): void {
    let adapterScale = 0;
    for (const t of example.tokens) adapterScale += theta[A + t]!;
    for (let k = 0; k < hidden; k++) {
      let value = theta[b1 + k]! + adapterScale * theta[B + k]!;
      for (const t of example.tokens) {
        value += theta[E + t * hidden + k]!;
        if (t < contextCount) value += theta[delta + t * hidden + k]!;
      }
      pre[k] = value;
      out[k] = (value > 0 ? value : 0) + (steer ? steer[k]! : 0);
    }
  }

  function logits(theta: Float64Array, q: number, hiddenValues: Float64Array): [number, number] {
    let helpful = theta[c + 2 * q]!;
    let harmful = theta[c + 2 * q + 1]!;
    const u0 = U + 2 * q * hidden;
    const u1 = u0 + hidden;
    for (let k = 0; k < hidden; k++) {
      helpful += theta[u0 + k]! * hiddenValues[k]!;
      harmful += theta[u1 + k]! * hiddenValues[k]!;
    }
    return [helpful, harmful];
  }

  return {
    layout,
    hidden,
    hiddenState(theta, example, out, steer) {
      forward(theta, example, out, steer);
      return out;
    },
    answer(theta, example, steer) {
      forward(theta, example, h, steer);
      const [helpful, harmful] = logits(theta, example.question, h);
      const margin = harmful - helpful;
      return { harmful: 1 / (1 + Math.exp(-margin)), margin };
    },
    lossAndGradient(theta, examples, grad) {
      let totalWeight = 0;
      for (const example of examples) totalWeight += example.weight;
      let loss = 0;
      for (const example of examples) {
        forward(theta, example, h);
        const q = example.question;
        const [helpful, harmful] = logits(theta, q, h);
        const margin = harmful - helpful;
        const pHarmful = 1 / (1 + Math.exp(-margin));
        const scale = example.weight / totalWeight;
        // −log p(answer) = softplus(∓margin), computed stably.
        const signed = example.answer === 1 ? -margin : margin;
        loss += scale * (signed > 0 ? signed + Math.log1p(Math.exp(-signed)) : Math.log1p(Math.exp(signed)));
        const dHarmful = scale * (pHarmful - example.answer);
        const dHelpful = -dHarmful;
        grad[c + 2 * q]! += dHelpful;
        grad[c + 2 * q + 1]! += dHarmful;
        const u0 = U + 2 * q * hidden;
        const u1 = u0 + hidden;
        for (let k = 0; k < hidden; k++) {
          grad[u0 + k]! += dHelpful * h[k]!;
          grad[u1 + k]! += dHarmful * h[k]!;
          dpre[k] = pre[k]! > 0 ? dHelpful * theta[u0 + k]! + dHarmful * theta[u1 + k]! : 0;
        }
        let adapterScale = 0;
        let dScale = 0;
        for (const t of example.tokens) adapterScale += theta[A + t]!;
        for (let k = 0; k < hidden; k++) {
          const d = dpre[k]!;
          grad[b1 + k]! += d;
          grad[B + k]! += d * adapterScale;
          dScale += d * theta[B + k]!;
          for (const t of example.tokens) grad[E + t * hidden + k]! += d;
        }
        for (const t of example.tokens) {
          grad[A + t]! += dScale;
          if (t < contextCount) for (let k = 0; k < hidden; k++) grad[delta + t * hidden + k]! += dpre[k]!;
        }
      }
      return loss;
    },
  };
}

/** Pretrained weights start random; the adapter starts as a zero update (a = 0, b random, as LoRA does), and δ = 0. */
export function initPersonaNetwork(network: PersonaNetwork, theta: Float64Array, random: Random): void {
  const { layout, hidden } = network;
  fillNormal(layout.slice(theta, 'E'), random, 0.5);
  fillNormal(layout.slice(theta, 'U'), random, 1 / Math.sqrt(hidden));
  fillNormal(layout.slice(theta, 'adapterB'), random, 1 / Math.sqrt(hidden));
}

/** A full-batch objective over a fixed list of examples, for the shared training loop. */
export function personaObjective(network: PersonaNetwork, examples: readonly Example[]): Objective<readonly Example[], PersonaBlock> {
  return {
    layout: network.layout,
    init: (theta, random) => initPersonaNetwork(network, theta, random),
    createBatch: () => examples,
    sample() {},
    lossAndGradient: (theta, batch, grad) => network.lossAndGradient(theta, batch, grad),
  };
}
