/**
 * The URL state codec shared by every figure. A figure declares its parameters once (kind, default,
 * bounds, label); this module turns them into query-string entries and back.
 *
 * Keys are namespaced by the figure's anchor on the page, so two figures (or two copies of one figure)
 * never collide:  ?fig-parameters-vs-activations.input=0.3,0.7#fig-parameters-vs-activations
 *
 * Reading never throws. A value that is malformed, out of bounds or hostile falls back to its default and
 * produces a `Problem` the figure shows as a visible note. Values equal to their defaults are left out of
 * the URL, so a figure at its defaults adds nothing to the address.
 */

interface ParamBase<Kind extends string> {
  readonly kind: Kind;
  /** Visible label of the control (also its accessible name). */
  readonly label: string;
  /** One sentence for the catalogue: what the parameter changes. */
  readonly description: string;
}

export interface NumberParam extends ParamBase<'number'> {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** Granularity of the control; values are rounded to it when read. */
  readonly step: number;
}

export interface VectorParam extends ParamBase<'vector'> {
  readonly default: readonly number[];
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** One label per component, e.g. ["x₁", "x₂"]; its length is the vector's length. */
  readonly components: readonly string[];
}

export interface ChoiceParam<Option extends string = string> extends ParamBase<'choice'> {
  readonly default: Option;
  readonly options: readonly { readonly value: Option; readonly label: string }[];
}

export interface ToggleParam extends ParamBase<'toggle'> {
  readonly default: boolean;
}

export type ParamDecl = NumberParam | VectorParam | ChoiceParam | ToggleParam;

/** A figure's parameters, by name, in the order their controls appear. */
export type ParamDecls = Readonly<Record<string, ParamDecl>>;

/** The value type each declaration produces. */
export type ParamValue<D extends ParamDecl> = D extends NumberParam
  ? number
  : D extends VectorParam
    ? number[]
    : D extends ChoiceParam<infer Option>
      ? Option
      : D extends ToggleParam
        ? boolean
        : never;

export type ParamValues<P extends ParamDecls> = { -readonly [K in keyof P]: ParamValue<P[K]> };

/** Why a value in the URL was not used; `param` is the declared name, or the raw key for unknown ones. */
export interface Problem {
  param: string;
  reason: string;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };

/* ---------- declaration helpers (they only add the kind and keep literal option types) ---------- */

export const numberParam = (p: Omit<NumberParam, 'kind'>): NumberParam => ({ kind: 'number', ...p });
export const vectorParam = (p: Omit<VectorParam, 'kind'>): VectorParam => ({ kind: 'vector', ...p });
export const choiceParam = <const Option extends string>(p: Omit<ChoiceParam<Option>, 'kind'>): ChoiceParam<Option> => ({
  kind: 'choice',
  ...p,
});
export const toggleParam = (p: Omit<ToggleParam, 'kind'>): ToggleParam => ({ kind: 'toggle', ...p });

/* ---------- single values ---------- */

/** Longest raw value the codec looks at; anything longer is refused before parsing. */
export const maxRawLength = 200;
/** A plain decimal: optional sign, digits, optional fraction. No exponents, hex, Infinity or spaces. */
const decimal = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Decimal places needed to write multiples of `step` exactly (0.05 → 2, 1 → 0). */
export function stepDecimals(step: number): number {
  const text = String(step);
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent) return Number(exponent[1]);
  return text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
}

/** Round `value` to the nearest multiple of `step` counted from `min`, written without float noise. */
export function snapToStep(value: number, min: number, step: number): number {
  const snapped = min + Math.round((value - min) / step) * step;
  return Number(snapped.toFixed(stepDecimals(step)));
}

function formatNumber(value: number, step: number): string {
  const text = value.toFixed(stepDecimals(step));
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** Shows a raw value in a note without letting it grow long; the note is rendered as text, never markup. */
export function quote(raw: string): string {
  const clipped = raw.length > 24 ? `${raw.slice(0, 24)}…` : raw;
  return JSON.stringify(clipped);
}

function decodeScalar(raw: string, p: { min: number; max: number; step: number }): Decoded<number> {
  if (!decimal.test(raw)) return { ok: false, reason: `${quote(raw)} is not a number` };
  const value = Number(raw);
  if (!Number.isFinite(value)) return { ok: false, reason: `${quote(raw)} is not a number` };
  if (value < p.min || value > p.max) return { ok: false, reason: `${raw} is outside ${p.min} to ${p.max}` };
  return { ok: true, value: snapToStep(value, p.min, p.step) };
}

export function encodeParam<D extends ParamDecl>(decl: D, value: ParamValue<D>): string {
  switch (decl.kind) {
    case 'number':
      return formatNumber(value as number, decl.step);
    case 'vector':
      return (value as number[]).map((v) => formatNumber(v, decl.step)).join(',');
    case 'choice':
      return value as string;
    case 'toggle':
      return value ? '1' : '0';
  }
}

export function decodeParam<D extends ParamDecl>(decl: D, raw: string): Decoded<ParamValue<D>> {
  type V = Decoded<ParamValue<D>>;
  if (raw.length > maxRawLength) return { ok: false, reason: `the value is too long (${raw.length} characters)` };
  switch (decl.kind) {
    case 'number':
      return decodeScalar(raw, decl) as V;
    case 'vector': {
      const parts = raw.split(',');
      if (parts.length !== decl.components.length) {
        return { ok: false, reason: `expected ${decl.components.length} numbers separated by commas, got ${quote(raw)}` };
      }
      const values: number[] = [];
      for (const [i, part] of parts.entries()) {
        const decoded = decodeScalar(part, decl);
        if (!decoded.ok) return { ok: false, reason: `${decl.components[i]}: ${decoded.reason}` };
        values.push(decoded.value);
      }
      return { ok: true, value: values } as V;
    }
    case 'choice': {
      const option = decl.options.find((o) => o.value === raw);
      return (option ? { ok: true, value: option.value } : { ok: false, reason: `${quote(raw)} is not one of the choices` }) as V;
    }
    case 'toggle':
      if (raw === '1' || raw === '0') return { ok: true, value: raw === '1' } as V;
      return { ok: false, reason: `${quote(raw)} is not 1 or 0` };
  }
}

export function paramEquals<D extends ParamDecl>(decl: D, a: ParamValue<D>, b: ParamValue<D>): boolean {
  return encodeParam(decl, a) === encodeParam(decl, b);
}

/* ---------- whole figures ---------- */

export function defaultValues<P extends ParamDecls>(decls: P): ParamValues<P> {
  const values: Record<string, unknown> = {};
  for (const [name, decl] of Object.entries(decls)) values[name] = Array.isArray(decl.default) ? [...decl.default] : decl.default;
  return values as ParamValues<P>;
}

export function paramKey(anchor: string, name: string): string {
  return `${anchor}.${name}`;
}

/**
 * The figure's values from a query string. Missing keys take their defaults silently; anything present
 * but unusable takes its default and is reported. Keys of other figures are not looked at.
 */
export function readParams<P extends ParamDecls>(
  search: string | URLSearchParams,
  anchor: string,
  decls: P,
): { values: ParamValues<P>; problems: Problem[]; fromUrl: boolean } {
  const query = typeof search === 'string' ? new URLSearchParams(search) : search;
  const values = defaultValues(decls) as Record<string, unknown>;
  const problems: Problem[] = [];
  let fromUrl = false;
  const prefix = `${anchor}.`;
  for (const key of new Set(query.keys())) {
    if (!key.startsWith(prefix)) continue;
    fromUrl = true;
    const name = key.slice(prefix.length);
    if (!Object.hasOwn(decls, name)) {
      problems.push({ param: quote(name), reason: 'is not a setting of this figure' });
      continue;
    }
    const decl = decls[name]!;
    const raws = query.getAll(key);
    const decoded = raws.length > 1 ? { ok: false as const, reason: 'appears more than once' } : decodeParam(decl, raws[0] ?? '');
    if (decoded.ok) values[name] = decoded.value;
    else problems.push({ param: decl.label, reason: decoded.reason });
  }
  return { values: values as ParamValues<P>, problems, fromUrl };
}

/**
 * A copy of `search` with this figure's keys replaced by `values` (defaults left out). Other figures'
 * keys and unrelated parameters are kept in place.
 */
export function writeParams<P extends ParamDecls>(
  search: string | URLSearchParams,
  anchor: string,
  decls: P,
  values: ParamValues<P>,
): URLSearchParams {
  const query = new URLSearchParams(search);
  const prefix = `${anchor}.`;
  for (const key of [...new Set(query.keys())]) if (key.startsWith(prefix)) query.delete(key);
  for (const [name, decl] of Object.entries(decls)) {
    const value = values[name] as ParamValue<typeof decl>;
    if (!paramEquals(decl, value, decl.default as ParamValue<typeof decl>)) query.set(paramKey(anchor, name), encodeParam(decl, value));
  }
  return query;
}

/** `?a.x=1&b.y=2` → only the entries under `from.`, renamed to `to.` (embed code for a figure's second copy). */
export function renameNamespace(search: string | URLSearchParams, from: string, to: string): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(search)) {
    if (key.startsWith(`${from}.`)) out.append(`${to}.${key.slice(from.length + 1)}`, value);
  }
  return out;
}

/** Query strings with commas left readable (URLSearchParams writes them as %2C). */
export function queryString(query: URLSearchParams): string {
  const text = query.toString().replace(/%2C/gi, ',');
  return text ? `?${text}` : '';
}
