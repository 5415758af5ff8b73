/**
 * Interventions at named sites. A forward pass calls `sites.visit(name, values)` at each named activation
 * (e.g. 'embed', 'block0.mlp.out', 'block0.attn.head3'): `values` is the live buffer the pass continues
 * with, so a hook may read it (cache it) or overwrite it in place (patch, steer, ablate). A head site is
 * that head's own contiguous slice (a subarray), so ablating one head touches nothing else.
 * Activations are rows × width (one row per position or sample); directions have length width.
 * One forward pass is one run: a site visited again overwrites its cached copy.
 */

export interface Sites {
  visit(name: string, values: Float64Array): void;
}

/** The hook for a plain forward pass: no reads, no writes. */
export const noSites: Sites = { visit() {} };

/** An edit of one site's values, in place. */
export type SiteEdit = (values: Float64Array) => void;

function forEachRow(values: Float64Array, width: number, edit: (offset: number) => void): void {
  if (values.length % width !== 0) throw new RangeError(`interventions: ${values.length} values are not rows of width ${width}`);
  for (let offset = 0; offset < values.length; offset += width) edit(offset);
}

/** Replace the site with `source` (the same site's values from another run's cache). */
export function patch(source: Float64Array): SiteEdit {
  return (values) => {
    if (source.length !== values.length) throw new RangeError(`interventions: patch of ${source.length} values into a site of ${values.length}`);
    values.set(source);
  };
}

/** Steer: add `coefficient × direction` to every row. */
export function addDirection(direction: ArrayLike<number>, coefficient: number): SiteEdit {
  const width = direction.length;
  return (values) => forEachRow(values, width, (offset) => {
    for (let j = 0; j < width; j++) values[offset + j]! += coefficient * direction[j]!;
  });
}

/** Set every row's component along the unit vector of `direction` to `value` (leaving the orthogonal part). */
export function clampDirection(direction: ArrayLike<number>, value: number): SiteEdit {
  const width = direction.length;
  let norm = 0;
  for (let j = 0; j < width; j++) norm += direction[j]! ** 2;
  norm = Math.sqrt(norm);
  if (norm === 0) throw new RangeError('interventions: cannot clamp along a zero direction');
  const unit = Float64Array.from(direction, (x) => x / norm);
  return (values) => forEachRow(values, width, (offset) => {
    let projection = 0;
    for (let j = 0; j < width; j++) projection += values[offset + j]! * unit[j]!;
    const shift = value - projection;
    for (let j = 0; j < width; j++) values[offset + j]! += shift * unit[j]!;
  });
}

/** Zero-ablation: the site (e.g. one head's output) contributes nothing. */
export const zeroAblate: SiteEdit = (values) => values.fill(0);

/** Mean-ablation: every row becomes `mean` (the site's average row over a reference set, see `meanRow`). */
export function meanAblate(mean: ArrayLike<number>): SiteEdit {
  const width = mean.length;
  return (values) => forEachRow(values, width, (offset) => {
    for (let j = 0; j < width; j++) values[offset + j] = mean[j]!;
  });
}

/** The mean row of one or more recordings of a site (rows × width each). */
export function meanRow(recordings: readonly Float64Array[], width: number): Float64Array {
  const mean = new Float64Array(width);
  let rows = 0;
  for (const values of recordings) {
    forEachRow(values, width, (offset) => {
      for (let j = 0; j < width; j++) mean[j]! += values[offset + j]!;
      rows++;
    });
  }
  if (rows > 0) for (let j = 0; j < width; j++) mean[j]! /= rows;
  return mean;
}

export type ActivationCache = ReadonlyMap<string, Float64Array>;

export interface SiteHooks extends Sites {
  /** A copy of each recorded site's values as the run continued with them (after any edit). */
  readonly cache: ActivationCache;
}

export interface SiteHookOptions {
  /** Sites to copy into `cache`: true for every site visited. */
  record?: boolean | readonly string[];
  /** Edits applied at each named site, in order. */
  edits?: { readonly [site: string]: SiteEdit | readonly SiteEdit[] };
}

/** A hook object for one run: caches and edits activations by site name. */
export function createSiteHooks({ record = false, edits = {} }: SiteHookOptions = {}): SiteHooks {
  const cache = new Map<string, Float64Array>();
  const recorded = record === true ? undefined : new Set(record === false ? [] : record);
  return {
    cache,
    visit(name, values) {
      const edit = edits[name];
      if (typeof edit === 'function') edit(values);
      else if (edit) for (const each of edit) each(values);
      if (!recorded || recorded.has(name)) cache.set(name, Float64Array.from(values));
    },
  };
}

/** Patch every site of `names` from another run's cache. */
export function patchFrom(cache: ActivationCache, names: readonly string[]): { [site: string]: SiteEdit } {
  return Object.fromEntries(names.map((name) => {
    const source = cache.get(name);
    if (!source) throw new Error(`interventions: the cache has no site "${name}"`);
    return [name, patch(source)];
  }));
}
