import { describe, expect, test } from 'vitest';
import {
  addDirection, clampDirection, createSiteHooks, meanAblate, meanRow, noSites, patchFrom, zeroAblate,
} from '../../../src/lab/core/interventions.ts';
import { createTinyModel, tiny } from './support/tiny-model.ts';

const model = createTinyModel();
const runA = [1, 2, 3, 4, 5];
const runB = [6, 0, 3, 2, 2];
const record = () => createSiteHooks({ record: true });

describe('interventions at named sites', () => {
  test('the cache holds every site of the run', () => {
    const hooks = record();
    const logits = model.forward(runA, hooks);
    expect([...hooks.cache.keys()]).toEqual(['embed', 'hidden', 'hidden.head0', 'hidden.head1', 'logits']);
    expect(hooks.cache.get('logits')).toEqual(logits);
    expect(model.forward(runA, noSites)).toEqual(logits);
  });

  test.each(['embed', 'hidden'])('patching the whole %s site from run B into run A reproduces run B exactly', (site) => {
    const b = record();
    const logitsB = model.forward(runB, b);
    const patched = model.forward(runA, createSiteHooks({ edits: patchFrom(b.cache, [site]) }));
    expect(Array.from(patched)).toStrictEqual(Array.from(logitsB));
  });

  test('patching both heads is patching the whole layer; one head alone is a different run', () => {
    const b = record();
    const logitsB = model.forward(runB, b);
    expect(model.forward(runA, createSiteHooks({ edits: patchFrom(b.cache, ['hidden.head0', 'hidden.head1']) }))).toEqual(logitsB);
    const oneHead = model.forward(runA, createSiteHooks({ edits: patchFrom(b.cache, ['hidden.head0']) }));
    expect(oneHead).not.toEqual(logitsB);
    expect(oneHead).not.toEqual(model.forward(runA));
  });

  test('adding zero along a direction changes nothing', () => {
    const clean = model.forward(runA);
    expect(model.forward(runA, createSiteHooks({ edits: { hidden: addDirection([1, -2, 0.5, 3, 0, 1], 0) } }))).toStrictEqual(clean);
  });

  test('clamping equals adding the difference between the target and the current projection', () => {
    const direction = [3, 0, 4, 0];
    const unit = direction.map((x) => x / 5);
    const token = [2];
    const hooks = record();
    model.forward(token, hooks);
    const embed = hooks.cache.get('embed')!;
    const projection = unit.reduce((sum, u, j) => sum + u * embed[j]!, 0);
    const clamped = createSiteHooks({ record: ['embed'], edits: { embed: clampDirection(direction, 1.5) } });
    const viaClamp = model.forward(token, clamped);
    const viaAdd = model.forward(token, createSiteHooks({ edits: { embed: addDirection(unit, 1.5 - projection) } }));
    for (let k = 0; k < viaAdd.length; k++) expect(viaClamp[k]).toBeCloseTo(viaAdd[k]!, 12);
    const after = clamped.cache.get('embed')!;
    expect(unit.reduce((sum, u, j) => sum + u * after[j]!, 0)).toBeCloseTo(1.5, 12);
  });

  test('zero- and mean-ablating a head changes only that head', () => {
    const clean = record();
    model.forward(runA, clean);
    const ablated = createSiteHooks({ record: ['hidden', 'hidden.head0', 'hidden.head1'], edits: { 'hidden.head1': zeroAblate } });
    model.forward(runA, ablated);
    expect(ablated.cache.get('hidden.head1')!.every((x) => x === 0)).toBe(true);
    expect(ablated.cache.get('hidden.head0')).toEqual(clean.cache.get('hidden.head0'));

    const half = tiny.hidden / 2;
    const mean = meanRow([clean.cache.get('hidden.head1')!], half);
    const meanAblated = createSiteHooks({ record: ['hidden.head1'], edits: { 'hidden.head1': meanAblate(mean) } });
    model.forward(runA, meanAblated);
    const values = meanAblated.cache.get('hidden.head1')!;
    for (let t = 0; t < runA.length; t++) expect(Array.from(values.subarray(t * half, (t + 1) * half))).toEqual(Array.from(mean));
  });

  test('a patch of the wrong size or a missing site is an error', () => {
    const b = record();
    model.forward(runB.slice(0, 2), b);
    expect(() => model.forward(runA, createSiteHooks({ edits: patchFrom(b.cache, ['embed']) }))).toThrow(/patch of 8 values into a site of 20/);
    expect(() => patchFrom(b.cache, ['nowhere'])).toThrow(/no site "nowhere"/);
  });
});
