/**
 * Property-based fuzzing of every registered figure's URL codec (and of a synthetic figure that uses every
 * parameter kind). Thousands of hostile query strings per figure: reading never throws, never lets input
 * become markup, always yields values within the declared bounds, and reports a problem (the "reset to
 * defaults" note) exactly when the link asked for something unusable.
 */
import fc from 'fast-check';
import { h } from 'preact';
import renderToString from 'preact-render-to-string';
import { describe, expect, test } from 'vitest';
import { figureAnchor } from '../../../src/figures/contract.ts';
import { figures } from '../../../src/figures/registry.ts';
import { FigureNote } from '../../../src/figures/shared/FigureStatus.tsx';
import {
  choiceParam,
  decodeParam,
  defaultValues,
  numberParam,
  readParams,
  toggleParam,
  vectorParam,
  writeParams,
  type ParamDecl,
  type ParamDecls,
} from '../../../src/lib/url-state.ts';
import { scanTags } from '../../../scripts/quality/html.mjs';
import { hostileQuery, payloads, rawValue } from './hostile.ts';

// 500 runs per property and figure keep the suite fast as figures are added; set FUZZ_RUNS for a deeper search.
const runs = Number(process.env.FUZZ_RUNS ?? 500);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const params = { numRuns: runs, ...(seed === undefined ? {} : { seed }) };

/** A figure that is not registered: it makes sure every kind of parameter is fuzzed, whatever figures exist. */
const synthetic: ParamDecls = {
  rate: numberParam({ label: 'Rate', description: 'd', default: 0.1, min: 0.001, max: 1, step: 0.001 }),
  steps: numberParam({ label: 'Steps', description: 'd', default: 100, min: -50, max: 5000, step: 10 }),
  point: vectorParam({ label: 'Point', description: 'd', default: [0, 0.5, -1], min: -1, max: 1, step: 0.05, components: ['x', 'y', 'z'] }),
  mode: choiceParam({ label: 'Mode', description: 'd', default: 'a', options: [{ value: 'a', label: 'A' }, { value: 'b-c', label: 'B' }, { value: 'none', label: 'N' }] }),
  show: toggleParam({ label: 'Show', description: 'd', default: true }),
};

const subjects: { name: string; anchor: string; decls: ParamDecls }[] = [
  ...figures.map((f) => ({ name: f.id, anchor: figureAnchor(f.id), decls: f.params })),
  ...figures.map((f) => ({ name: `${f.id} (second copy on a page)`, anchor: figureAnchor(f.id, 2), decls: f.params })),
  { name: 'synthetic figure with every parameter kind', anchor: 'fig-synthetic', decls: synthetic },
];

/** Whether a value is one the declaration allows: within bounds, on the step grid, a declared option. */
function allowed(decl: ParamDecl, value: unknown): boolean {
  const onGrid = (v: number, min: number, step: number) => Math.abs((v - min) / step - Math.round((v - min) / step)) < 1e-6;
  const scalar = (v: unknown, d: { min: number; max: number; step: number }) =>
    typeof v === 'number' && Number.isFinite(v) && v >= d.min && v <= d.max && onGrid(v, d.min, d.step);
  switch (decl.kind) {
    case 'number':
      return scalar(value, decl);
    case 'vector':
      return Array.isArray(value) && value.length === decl.components.length && value.every((v) => scalar(v, decl));
    case 'choice':
      return typeof value === 'string' && decl.options.some((o) => o.value === value);
    case 'toggle':
      return typeof value === 'boolean';
  }
}

/**
 * An oracle written from the codec's documented contract, independent of its code: 'valid' when a raw value
 * must be accepted, 'invalid' when it must be refused, 'either' for forms the contract leaves open.
 */
function expectation(decl: ParamDecl, raw: string): 'valid' | 'invalid' | 'either' {
  const plain = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
  const scalar = (text: string, d: { min: number; max: number }): 'valid' | 'invalid' | 'either' => {
    if (plain.test(text)) {
      const v = Number(text);
      return v >= d.min && v <= d.max ? 'valid' : 'invalid';
    }
    const v = Number(text);
    // Exponents, "+1", spaces, hex: may be refused; if the number they spell is out of bounds or not finite, must be.
    if (text.trim() === '' || !Number.isFinite(v) || v < d.min || v > d.max) return 'invalid';
    return 'either';
  };
  if (raw.length > 200) return 'invalid';
  switch (decl.kind) {
    case 'number':
      return scalar(raw, decl);
    case 'vector': {
      const parts = raw.split(',');
      if (parts.length !== decl.components.length) return 'invalid';
      const each = parts.map((p) => scalar(p, decl));
      return each.includes('invalid') ? 'invalid' : each.includes('either') ? 'either' : 'valid';
    }
    case 'choice':
      return decl.options.some((o) => o.value === raw) ? 'valid' : 'invalid';
    case 'toggle':
      return raw === '0' || raw === '1' ? 'valid' : raw === 'true' || raw === 'false' ? 'either' : 'invalid';
  }
}

/** Tags rendered for a problem note whose text is harmless: hostile text must render the same tags. */
const noteTags = (problems: { param: string; reason: string }[]) =>
  scanTags(renderToString(h(FigureNote, { problems, onDismiss: () => {} })))
    .map((t) => `${t.name}[${Object.keys(t.attrs).sort().join(',')}]`)
    .join(' ');

test('the registry has figures to fuzz (the synthetic one is fuzzed either way)', () => {
  expect(subjects.length).toBeGreaterThanOrEqual(1);
});

describe.each(subjects)('URL codec of $name', ({ anchor, decls }) => {
  const prefix = `${anchor}.`;
  const defaults = defaultValues(decls) as Record<string, unknown>;

  test('reading a hostile query never throws and always yields allowed values', () => {
    fc.assert(
      fc.property(hostileQuery(anchor, decls), (search) => {
        const { values } = readParams(search, anchor, decls);
        for (const [name, decl] of Object.entries(decls)) expect(allowed(decl, (values as Record<string, unknown>)[name]), `${name} from ${search.slice(0, 120)}`).toBe(true);
        expect(Object.keys(values).sort()).toEqual(Object.keys(decls).sort());
      }),
      params,
    );
  });

  test('a problem (the reset-to-defaults note) is reported exactly when the link asks for something unusable', () => {
    fc.assert(
      fc.property(hostileQuery(anchor, decls), (search) => {
        const query = new URLSearchParams(search);
        const { values, problems, fromUrl } = readParams(search, anchor, decls);
        const keys = [...new Set(query.keys())].filter((k) => k.startsWith(prefix));
        expect(fromUrl).toBe(keys.length > 0);
        let mustFail = false;
        let mayFail = false;
        for (const key of keys) {
          const name = key.slice(prefix.length);
          const decl = Object.hasOwn(decls, name) ? decls[name] : undefined;
          const raws = query.getAll(key);
          if (!decl || raws.length > 1) {
            mustFail = true;
            if (decl) expect((values as Record<string, unknown>)[name], `${name} repeated`).toEqual(defaults[name]);
            continue;
          }
          const verdict = expectation(decl, raws[0]!);
          if (verdict === 'invalid') {
            mustFail = true;
            expect((values as Record<string, unknown>)[name], `${name}=${raws[0]!.slice(0, 60)} falls back to its default`).toEqual(defaults[name]);
          }
          if (verdict === 'either') mayFail = true;
        }
        if (mustFail) expect(problems.length, search.slice(0, 120)).toBeGreaterThan(0);
        if (!mustFail && !mayFail) expect(problems, search.slice(0, 120)).toEqual([]);
        expect(problems.length).toBeLessThanOrEqual(keys.length);
      }),
      params,
    );
  });

  test('problems never carry markup or long input: the note renders the same tags as a harmless one', () => {
    fc.assert(
      fc.property(hostileQuery(anchor, decls), (search) => {
        const { problems } = readParams(search, anchor, decls);
        for (const p of problems) {
          expect(p.param.length + p.reason.length, `${p.param} ${p.reason}`).toBeLessThan(400);
        }
        if (problems.length) expect(noteTags(problems)).toBe(noteTags(problems.map(() => ({ param: 'x', reason: 'is not a number' }))));
      }),
      { ...params, numRuns: Math.ceil(runs / 4) },
    );
  });

  test('every markup and javascript: payload, in every parameter, renders as text', () => {
    for (const [name] of Object.entries(decls)) {
      for (const payload of payloads) {
        const { problems } = readParams(`?${encodeURIComponent(`${prefix}${name}`)}=${encodeURIComponent(payload)}`, anchor, decls);
        const html = problems.length ? renderToString(h(FigureNote, { problems, onDismiss: () => {} })) : '';
        expect(scanTags(html).map((t) => t.name).filter((t) => !['div', 'p', 'button'].includes(t)), `${name}=${payload}`).toEqual([]);
        expect(html).not.toMatch(/<(script|img|svg|iframe|a)\b/i);
      }
    }
  });

  test('decoding any raw value never throws and is allowed when accepted', () => {
    for (const [name, decl] of Object.entries(decls)) {
      fc.assert(
        fc.property(rawValue(decl), (raw) => {
          const decoded = decodeParam(decl, raw);
          if (decoded.ok) expect(allowed(decl, decoded.value), `${name}=${raw.slice(0, 60)}`).toBe(true);
          else expect(typeof decoded.reason).toBe('string');
        }),
        { ...params, numRuns: Math.ceil(runs / 2) },
      );
    }
  });

  test('values the codec wrote are read back exactly, other figures untouched', () => {
    const other = '?fig-unrelated.z=%3Cscript%3E&utm_source=x';
    fc.assert(
      fc.property(hostileQuery(anchor, decls), hostileQuery(anchor, decls), (a, b) => {
        const target = readParams(a, anchor, decls).values;
        const written = writeParams(`${other}&${b.slice(1)}`, anchor, decls, target);
        const back = readParams(written, anchor, decls);
        expect(back.problems).toEqual([]);
        expect(back.values).toEqual(target);
        expect(written.getAll('fig-unrelated.z')).toEqual(['<script>']);
        expect(written.get('utm_source')).toBe('x');
      }),
      { ...params, numRuns: Math.ceil(runs / 4) },
    );
  });
});
