import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { figures } from '../../../src/figures/registry.ts';
import {
  choiceParam,
  decodeParam,
  defaultValues,
  encodeParam,
  numberParam,
  queryString,
  readParams,
  renameNamespace,
  snapToStep,
  toggleParam,
  vectorParam,
  writeParams,
  type ParamDecl,
  type ParamDecls,
} from '../../../src/lib/url-state.ts';

/** Any valid value of a declaration: numbers on the step grid within bounds, a declared option, a boolean. */
function valueArbitrary(decl: ParamDecl): fc.Arbitrary<unknown> {
  switch (decl.kind) {
    case 'number':
    case 'vector': {
      const steps = Math.round((decl.max - decl.min) / decl.step);
      const one = fc.integer({ min: 0, max: steps }).map((k) => snapToStep(decl.min + k * decl.step, decl.min, decl.step));
      return decl.kind === 'number' ? one : fc.array(one, { minLength: decl.components.length, maxLength: decl.components.length });
    }
    case 'choice':
      return fc.constantFrom(...decl.options.map((o) => o.value));
    case 'toggle':
      return fc.boolean();
  }
}

function valuesArbitrary(decls: ParamDecls): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(Object.entries(decls).map(([name, decl]) => [name, valueArbitrary(decl)])));
}

function isValid(decl: ParamDecl, value: unknown): boolean {
  switch (decl.kind) {
    case 'number':
      return typeof value === 'number' && value >= decl.min && value <= decl.max;
    case 'vector':
      return Array.isArray(value) && value.length === decl.components.length && value.every((v) => typeof v === 'number' && v >= decl.min && v <= decl.max);
    case 'choice':
      return decl.options.some((o) => o.value === value);
    case 'toggle':
      return typeof value === 'boolean';
  }
}

/** A declaration of every kind, so the codec is exercised even for kinds no figure uses yet. */
const everyKind = {
  size: numberParam({ label: 'Size', description: '', default: 5, min: 1, max: 20, step: 1 }),
  rate: numberParam({ label: 'Rate', description: '', default: 0.01, min: 0.0001, max: 0.1, step: 0.0001 }),
  point: vectorParam({ label: 'Point', description: '', default: [0, 0], min: -1, max: 1, step: 0.05, components: ['x', 'y'] }),
  mode: choiceParam({ label: 'Mode', description: '', default: 'relu', options: [{ value: 'relu', label: 'ReLU' }, { value: 'linear', label: 'Linear' }] }),
  linear: toggleParam({ label: 'Linear model too', description: '', default: false }),
};

const cases: [string, ParamDecls][] = [['every kind', everyKind], ...figures.map((f): [string, ParamDecls] => [f.id, f.params])];

describe.each(cases)('URL codec: %s', (_name, decls) => {
  const anchor = 'fig-test';

  test('every value of every declared parameter survives a trip through the URL', () => {
    fc.assert(
      fc.property(valuesArbitrary(decls), (values) => {
        const query = queryString(writeParams('', anchor, decls, values as never));
        const read = readParams(query, anchor, decls);
        expect(read.problems).toEqual([]);
        expect(read.values).toEqual(values);
      }),
      { numRuns: 300 },
    );
  });

  test('defaults are left out of the URL', () => {
    expect(queryString(writeParams('', anchor, decls, defaultValues(decls)))).toBe('');
  });

  test('any raw string for any parameter falls back to a valid value and never throws', () => {
    const names = Object.keys(decls);
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.string({ unit: 'binary', maxLength: 300 }), (name, raw) => {
        const query = new URLSearchParams([[`${anchor}.${name}`, raw]]);
        const read = readParams(query, anchor, decls);
        const decl = decls[name]!;
        expect(isValid(decl, read.values[name])).toBe(true);
        const decoded = decodeParam(decl, raw);
        if (!decoded.ok) {
          expect(read.values[name]).toEqual(decl.default);
          expect(read.problems).toHaveLength(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('other figures’ keys and unrelated parameters are kept when writing', () => {
    const query = writeParams('?utm=x&fig-other.a=1', anchor, decls, defaultValues(decls));
    expect(query.get('utm')).toBe('x');
    expect(query.get('fig-other.a')).toBe('1');
  });
});

describe('URL codec: hostile and malformed values', () => {
  const decls = everyKind;
  const hostile = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e3',
    '0x10',
    ' 5',
    '5 ',
    '',
    '٣',
    '5'.repeat(10_000),
    '1,2,3',
    '0.5,',
    ',',
  ];
  test.each(hostile)('%s', (raw) => {
    for (const name of Object.keys(decls) as (keyof typeof decls)[]) {
      const read = readParams(new URLSearchParams([[`fig-test.${name}`, raw]]), 'fig-test', decls);
      expect(read.values[name]).toEqual(decls[name].default);
      expect(read.problems).toHaveLength(1);
      const text = `${read.problems[0]!.param} ${read.problems[0]!.reason}`;
      expect(text.length).toBeLessThan(200);
    }
  });

  test('out-of-range values are refused, not clamped', () => {
    const read = readParams('?fig-test.size=21&fig-test.point=0,1.5', 'fig-test', decls);
    expect(read.values.size).toBe(5);
    expect(read.values.point).toEqual([0, 0]);
    expect(read.problems.map((p) => p.param)).toEqual(['Size', 'Point']);
  });

  test('unknown names, prototype keys and repeated keys are reported and ignored', () => {
    const read = readParams('?fig-test.__proto__=1&fig-test.constructor=2&fig-test.size=3&fig-test.size=4', 'fig-test', decls);
    expect(read.values).toEqual(defaultValues(decls));
    expect(read.problems).toHaveLength(3);
    expect(Object.getPrototypeOf(read.values)).toBe(Object.prototype);
  });

  test('values are snapped to the declared step and written without float noise', () => {
    expect(decodeParam(decls.point, '0.33,-0.07')).toEqual({ ok: true, value: [0.35, -0.05] });
    expect(encodeParam(decls.rate, 0.1 + 0.2 - 0.29)).toBe('0.01');
    expect(encodeParam(decls.point, [0.3, -1])).toBe('0.3,-1');
  });

  test('keys are namespaced by the anchor, so a second copy of a figure has its own state', () => {
    const query = '?fig-test.size=3&fig-test-2.size=7';
    expect(readParams(query, 'fig-test', decls).values.size).toBe(3);
    expect(readParams(query, 'fig-test-2', decls).values.size).toBe(7);
    expect(queryString(renameNamespace(query, 'fig-test-2', 'fig-test'))).toBe('?fig-test.size=7');
  });

  test('commas stay readable in written URLs', () => {
    expect(queryString(writeParams('', 'fig-test', decls, { ...defaultValues(decls), point: [0.3, 0.7] }))).toBe('?fig-test.point=0.3,0.7');
  });
});
