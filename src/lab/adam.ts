/**
 * Adam (Kingma & Ba, 2015, "Adam: A Method for Stochastic Optimization", https://arxiv.org/abs/1412.6980)
 * and AdamW's decoupled weight decay (Loshchilov & Hutter, 2019, https://arxiv.org/abs/1711.05101).
 *
 *   m ← β₁ m + (1 − β₁) g        v ← β₂ v + (1 − β₂) g²
 *   θ ← θ − lr · ( m̂ / (√v̂ + ε) + weightDecay · θ ),   m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)
 *
 * Works in place on one flat parameter vector; no allocation per step.
 */

export interface AdamOptions {
  learningRate: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  /** Decoupled (AdamW) weight decay; 0 gives plain Adam. */
  weightDecay?: number;
}

export interface Adam {
  /** One update of `theta` from the gradient `grad` (same length). */
  step(theta: Float64Array, grad: Float64Array): void;
}

export function createAdam(size: number, options: AdamOptions): Adam {
  const { learningRate, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8, weightDecay = 0 } = options;
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  let t = 0;
  return {
    step(theta, grad) {
      t += 1;
      const stepSize = learningRate / (1 - beta1 ** t);
      const vCorrection = 1 / (1 - beta2 ** t);
      const decay = learningRate * weightDecay;
      for (let i = 0; i < size; i++) {
        const g = grad[i]!;
        const mi = beta1 * m[i]! + (1 - beta1) * g;
        const vi = beta2 * v[i]! + (1 - beta2) * g * g;
        m[i] = mi;
        v[i] = vi;
        theta[i] = theta[i]! - stepSize * mi / (Math.sqrt(vi * vCorrection) + epsilon) - decay * theta[i]!;
      }
    },
  };
}
