/**
 * Seeded random numbers that give the same bits in Node and in the browser.
 *
 * mulberry32 (Tommy Ettinger, 2017): a 32-bit state advanced with integer arithmetic only
 * (Math.imul, shifts), so every JavaScript engine produces the identical sequence.
 * Normal samples use the Box–Muller transform (Box & Muller, 1958).
 */

export interface Random {
  /** Uniform in [0, 1), 32 bits of resolution. */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
}

export function createRandom(seed: number): Random {
  // The state lives in a typed array: a plain 32-bit `let` would be boxed on every update.
  const state = Int32Array.of(seed | 0);
  let spareNormal: number | undefined;

  function uniform(): number {
    const a = (state[0]! + 0x6d2b79f5) | 0;
    state[0] = a;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  function normal(): number {
    if (spareNormal !== undefined) {
      const z = spareNormal;
      spareNormal = undefined;
      return z;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - uniform())); // 1 − u ∈ (0, 1], so the log is finite
    const angle = 2 * Math.PI * uniform();
    spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  return { uniform, normal };
}

/** A well-mixed 32-bit seed for an independent stream `stream` of a run seeded with `seed` (splitmix32-style). */
export function deriveSeed(seed: number, stream: number): number {
  let z = (Math.imul(seed >>> 0, 0x9e3779b9) + Math.imul(stream + 1, 0x85ebca6b)) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}
