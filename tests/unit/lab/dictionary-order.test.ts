import { expect, test } from 'vitest';
import { orderDictionary } from '../../../src/lab/dictionary-order.ts';

const truth = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];

test('matched pairs land on the diagonal; rows and columns are permutations', () => {
  const learned = [
    [0, 0, 2], // ↔ truth 2
    [0.1, 0.9, 0], // ↔ truth 1
    [1, 1, 0], // leftover: 0.707 with truth 0 and 1
    [0.95, 0, 0.1], // ↔ truth 0
  ];
  const ordered = orderDictionary(truth, learned);
  expect(ordered.matched).toBe(3);
  expect(ordered.rows).toEqual([0, 1, 2]);
  expect(ordered.columns).toEqual([3, 1, 0, 2]);
  for (let r = 0; r < 3; r++) expect(ordered.cosines[r]![r]).toBe(Math.max(...ordered.cosines[r]!));
  expect(ordered.cosines[2]![2]).toBe(1);
});

test('a dictionary smaller than the truth: unmatched true directions go to the bottom rows', () => {
  const ordered = orderDictionary(truth, [[0, 0.2, 1]]);
  expect(ordered.matched).toBe(1);
  expect(ordered.rows).toEqual([2, 0, 1]);
  expect(ordered.columns).toEqual([0]);
  expect(ordered.cosines.map((row) => row.length)).toEqual([1, 1, 1]);
});
