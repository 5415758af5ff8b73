import { describe, expect, test } from 'vitest';
import { createRandom, deriveSeed } from '../../../src/lab/random.ts';

describe('createRandom (mulberry32)', () => {
  test('matches the reference mulberry32 sequence bit for bit', () => {
    // Raw 32-bit words of the reference mulberry32 (github.com/bryc/code, PRNGs.md) for seed 0.
    const random = createRandom(0);
    const words = Array.from({ length: 4 }, () => random.uniform() * 4294967296);
    expect(words).toEqual([1144304738, 1416247, 958946056, 627933444]);
  });

  test('the same seed gives the same sequence; different seeds differ', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const first = Array.from({ length: 100 }, () => a.normal());
    expect(Array.from({ length: 100 }, () => b.normal())).toEqual(first);
    expect(Array.from({ length: 100 }, () => c.normal())).not.toEqual(first);
  });

  test('uniform lies in [0, 1) with mean ½ and variance 1/12', () => {
    const random = createRandom(7);
    const samples = Array.from({ length: 100_000 }, () => random.uniform());
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...samples)).toBeLessThan(1);
    const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
    const variance = samples.reduce((s, x) => s + (x - mean) ** 2, 0) / samples.length;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 3);
  });

  test('normal has mean 0 and variance 1', () => {
    const random = createRandom(9);
    const samples = Array.from({ length: 100_000 }, () => random.normal());
    const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
    const variance = samples.reduce((s, x) => s + (x - mean) ** 2, 0) / samples.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
  });

  test('deriveSeed gives distinct, reproducible streams', () => {
    const seeds = Array.from({ length: 1000 }, (_, stream) => deriveSeed(5, stream));
    expect(new Set(seeds).size).toBe(1000);
    expect(deriveSeed(5, 3)).toBe(seeds[3]);
    expect(deriveSeed(6, 3)).not.toBe(seeds[3]);
  });
});
