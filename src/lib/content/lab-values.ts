import { format as d3Format, formatSpecifier } from 'd3-format';

/**
 * Numbers the site's own toys measured, quoted in prose by `<LabValue figure path format unit />`. The value
 * comes from the figure's build-time lab output (src/figures/<id>/data.json), so the text cannot drift from
 * the lab and needs no citation.
 */
export interface LabValueRequest {
  figure: string;
  /** Dotted path into data.json; array items by index, e.g. `relu.params.restarts` or `relu.featureNorms.0`. */
  path: string;
  /** A d3-format specifier (https://d3js.org/d3-format), e.g. `.2f`, `d` or `.0%`. Default: the number as stored. */
  format?: string | undefined;
  /** Written after the number, separated by a no-break space, e.g. `degrees`. */
  unit?: string | undefined;
}

/** The value at a dotted path, or undefined when the path does not exist. */
export function valueAtPath(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    if (Array.isArray(current) && !/^\d+$/.test(key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Why the request cannot be served from `data` (the figure's data.json, or undefined if it has none), or undefined. */
export function labValueProblem(request: LabValueRequest, data: unknown): string | undefined {
  if (data === undefined) return `no lab data for figure "${request.figure}" — src/figures/${request.figure}/data.json does not exist`;
  const value = valueAtPath(data, request.path);
  if (value === undefined) return `no value at "${request.path}" in src/figures/${request.figure}/data.json`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return `"${request.path}" in src/figures/${request.figure}/data.json is not a number`;
  if (request.format !== undefined) {
    try {
      formatSpecifier(request.format);
    } catch {
      return `format "${request.format}" is not a d3-format specifier (e.g. ".2f", "d", ".0%")`;
    }
  }
  return undefined;
}

/** The value as prose shows it: formatted, with its unit after a no-break space. */
export function formatLabValue(value: number, request: Pick<LabValueRequest, 'format' | 'unit'>): string {
  const number = request.format === undefined ? String(value) : d3Format(request.format)(value).replace('-', '−');
  return request.unit ? `${number}\u00a0${request.unit}` : number;
}
