import { describe, expect, test } from 'vitest';
import { columnNorms, cosine, dot, fillNormal, gram } from '../../../src/lab/matrix.ts';
import { createRandom } from '../../../src/lab/random.ts';

const A = Float64Array.of(1, 2, 3, 4, 5, 6); // 2×3: rows (1 2 3), (4 5 6)

describe('matrix helpers', () => {
  test('dot handles offsets and lengths that are not multiples of four', () => {
    const a = Float64Array.from({ length: 11 }, (_, k) => k + 1);
    for (let length = 0; length <= 9; length++) {
      let expected = 0;
      for (let k = 0; k < length; k++) expected += a[k + 2]! * a[k]!;
      expect(dot(a, 2, a, 0, length)).toBe(expected);
    }
  });

  test('columnNorms and gram', () => {
    const norms = columnNorms(A, 2, 3);
    [Math.sqrt(17), Math.sqrt(29), Math.sqrt(45)].forEach((expected, c) => expect(norms[c]).toBeCloseTo(expected, 12));
    expect(Array.from(gram(A, 2, 3))).toEqual([17, 22, 27, 22, 29, 36, 27, 36, 45]);
  });

  test('cosine similarity', () => {
    expect(cosine([1, 0, 0, 1], 2, [9, 9, 0, 2], 2, 2)).toBeCloseTo(1, 12);
    expect(cosine([1, 0], 0, [0, 1], 0, 2)).toBe(0);
    expect(cosine([0, 0], 0, [0, 1], 0, 2)).toBe(0);
  });

  test('fillNormal scales N(0, 1) samples', () => {
    const samples = fillNormal(new Float64Array(20_000), createRandom(1), 3);
    const variance = samples.reduce((s, x) => s + x * x, 0) / samples.length;
    expect(Math.abs(variance - 9)).toBeLessThan(0.3);
  });
});
