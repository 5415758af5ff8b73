/**
 * Hostile query strings for a figure's URL codec: huge, negative and non-numeric values, NaN, unicode,
 * markup and javascript: payloads, repeated and unknown keys, other figures' keys, broken percent-encoding.
 * Shared by the Vitest fuzz tests and the Playwright hostile-link test (tests/e2e/quality/).
 */
import fc from 'fast-check';
import type { ParamDecl, ParamDecls } from '../../../src/lib/url-state.ts';

export const payloads = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  '</style><script>alert(1)</script>',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '%3Cscript%3Ealert(1)%3C/script%3E',
  '%',
  '%zz',
  '%E0%A4%A',
  '\u0000',
  '\u202e\u0661\u0662',
  '‮evil',
  '𝟙𝟚',
  '١٢',
  '🙂',
  'NaN',
  '-NaN',
  'Infinity',
  '-Infinity',
  'undefined',
  'null',
  'true',
  'false',
  '',
  ' ',
  '0x10',
  '1e308',
  '-1e308',
  '1e-400',
  '9'.repeat(400),
  '-' + '9'.repeat(60),
  '1'.repeat(199),
  '0.' + '0'.repeat(300) + '1',
  '+1',
  ' 1',
  '1 ',
  '1,',
  ',',
  ',,,,',
  '1,2,3,4,5,6,7,8,9,10',
  '--1',
  '1..2',
  '.',
  '-.',
  '-0',
  '00000000001',
  '1/0',
  'a'.repeat(5000),
];

/** Numbers around and far beyond a declaration's bounds, as text. */
function numberText(decl: { min: number; max: number; step: number }): fc.Arbitrary<string> {
  const span = decl.max - decl.min;
  return fc.oneof(
    fc.double({ min: decl.min - span, max: decl.max + span, noNaN: true }).map((v) => String(v)),
    fc.double({ noNaN: false }).map((v) => String(v)),
    fc.integer().map(String),
    fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
    fc.integer({ min: 0, max: Math.max(1, Math.round(span / decl.step)) }).map((k) => (decl.min + k * decl.step).toFixed(6)),
    fc.constantFrom(String(decl.min), String(decl.max), String(decl.min - decl.step), String(decl.max + decl.step)),
  );
}

/** A raw value aimed at one declaration, mixing plausible and hostile text. */
export function rawValue(decl?: ParamDecl): fc.Arbitrary<string> {
  const hostile = fc.oneof(fc.constantFrom(...payloads), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 300 }));
  if (!decl) return hostile;
  switch (decl.kind) {
    case 'number':
      return fc.oneof(numberText(decl), hostile);
    case 'vector': {
      const n = decl.components.length;
      return fc.oneof(
        fc.array(numberText(decl), { minLength: n, maxLength: n }).map((xs) => xs.join(',')),
        fc.array(fc.oneof(numberText(decl), hostile), { minLength: 0, maxLength: n + 2 }).map((xs) => xs.join(',')),
        hostile,
      );
    }
    case 'choice':
      return fc.oneof(
        fc.constantFrom(...decl.options.map((o) => o.value)),
        fc.constantFrom(...decl.options.map((o) => o.value.toUpperCase()), ...decl.options.map((o) => ` ${o.value}`)),
        hostile,
      );
    case 'toggle':
      return fc.oneof(fc.constantFrom('0', '1', 'true', 'false', 'on', '01', '2', '-1'), hostile);
  }
}

/** A key aimed at this figure (real, unknown or hostile names), another figure, or nothing in particular. */
export function rawKey(anchor: string, decls: ParamDecls): fc.Arbitrary<{ key: string; decl?: ParamDecl }> {
  type Key = { key: string; decl?: ParamDecl };
  const names = Object.keys(decls);
  const own: fc.Arbitrary<Key> = names.length
    ? fc.constantFrom(...names).map((name): Key => ({ key: `${anchor}.${name}`, decl: decls[name]! }))
    : fc.constant<Key>({ key: `${anchor}.x` });
  return fc.oneof(
    { weight: 6, arbitrary: own },
    { weight: 2, arbitrary: fc.oneof(fc.constantFrom(...payloads), fc.string({ maxLength: 20 })).map((name): Key => ({ key: `${anchor}.${name}` })) },
    { weight: 1, arbitrary: fc.constantFrom(`${anchor}`, `${anchor}.`, `${anchor}..`, `${anchor.toUpperCase()}.x`, 'fig-other.input', 'x', '').map((key): Key => ({ key })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((key): Key => ({ key })) },
  );
}

/** How an entry is written into the query: encoded properly, raw, or half-encoded. */
const writeStyle = fc.constantFrom('encoded', 'raw', 'plus');

function write(text: string, style: string): string {
  if (style === 'encoded') return encodeURIComponent(text);
  if (style === 'plus') return encodeURIComponent(text).replace(/%20/g, '+');
  return text.replace(/[&#]/g, (c) => encodeURIComponent(c));
}

/** A whole query string ("?…") aimed at one figure. */
export function hostileQuery(anchor: string, decls: ParamDecls): fc.Arbitrary<string> {
  const entry = rawKey(anchor, decls).chain(({ key, decl }) =>
    fc.tuple(fc.constant(key), rawValue(decl), writeStyle, fc.integer({ min: 1, max: 3 })).map(([k, v, style, copies]) =>
      Array.from({ length: copies }, () => `${write(k, style)}=${write(v, style)}`).join('&'),
    ),
  );
  return fc.oneof(
    { weight: 8, arbitrary: fc.array(entry, { minLength: 0, maxLength: 8 }).map((parts) => `?${parts.join('&')}`) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((s) => `?${s}`) },
    { weight: 1, arbitrary: fc.constantFrom('?', '?&&&', '?=', '?==&=', `?${anchor}`, `?${'&'.repeat(1000)}`) },
  );
}
