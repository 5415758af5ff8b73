import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { labModels } from '../../../src/lab/models.ts';
import { validateParams } from '../../../src/lab/params.ts';

const spec = [
  { name: 'size', kind: 'number', default: 4, min: 1, max: 10, integer: true, description: '' },
  { name: 'rate', kind: 'number', default: 0.5, min: 0, max: 1, integer: false, description: '' },
  { name: 'mode', kind: 'choice', default: 'a', options: ['a', 'b'], description: '' },
] as const;

describe('validateParams', () => {
  test('parses strings from URLs and command lines; missing values take defaults silently', () => {
    expect(validateParams(spec, { size: '7', rate: ' 0.25 ', mode: 'b' })).toEqual({ params: { size: 7, rate: 0.25, mode: 'b' }, corrections: [] });
    expect(validateParams(spec, {})).toEqual({ params: { size: 4, rate: 0.5, mode: 'a' }, corrections: [] });
  });

  test('rounds, clamps and falls back to defaults, saying so each time', () => {
    const { params, corrections } = validateParams(spec, { size: 2.6, rate: 'NaN', mode: 'c', extra: 1 });
    expect(params).toEqual({ size: 3, rate: 0.5, mode: 'a' });
    expect(corrections).toEqual([
      'size: 2.6 must be a whole number; using 3',
      'rate: "NaN" is not a number; using the default 0.5',
      'mode: "c" is not one of a, b; using the default a',
      'extra: unknown parameter; ignored',
    ]);
    expect(validateParams(spec, { size: -Infinity, rate: 9 }).params).toEqual({ size: 4, rate: 1, mode: 'a' });
  });
});

// No outside input may escape the bounds of a model's spec or produce a non-finite number.
describe.each(Object.entries(labModels))('%s: validate is total and bounded', (_, model) => {
  test('for arbitrary raw input', () => {
    const names = model.paramSpec.map((s) => s.name);
    const raw = fc.dictionary(fc.constantFrom(...names, 'other'), fc.oneof(fc.double(), fc.string(), fc.integer(), fc.constant(null), fc.boolean()));
    fc.assert(
      fc.property(raw, (input) => {
        const { params } = model.validate(input);
        for (const s of model.paramSpec) {
          const value = (params as Record<string, unknown>)[s.name];
          if (s.kind === 'choice') expect(s.options).toContain(value);
          else {
            expect(Number.isFinite(value)).toBe(true);
            expect(value).toBeGreaterThanOrEqual(s.min);
            expect(value).toBeLessThanOrEqual(s.max);
            if (s.integer) expect(Number.isInteger(value)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
