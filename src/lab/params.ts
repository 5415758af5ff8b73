/**
 * Parameter specs and validation for values that come from outside the lab (URL, CLI, worker messages).
 * Every value is parsed, rounded if it must be an integer and clamped to its bounds; each change is
 * reported in words, so a caller can show a note instead of training on something unexpected.
 */

export interface NumberParamSpec<Name extends string = string> {
  readonly name: Name;
  readonly kind: 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  readonly description: string;
}

export interface ChoiceParamSpec<Name extends string = string, Option extends string = string> {
  readonly name: Name;
  readonly kind: 'choice';
  readonly default: Option;
  readonly options: readonly Option[];
  readonly description: string;
}

export type ParamSpec = NumberParamSpec | ChoiceParamSpec;

/** The typed parameter object described by a spec list: numbers for number specs, the option union for choices. */
export type ParamValues<Specs extends readonly ParamSpec[]> = {
  -readonly [Spec in Specs[number] as Spec['name']]: Spec extends ChoiceParamSpec<string, infer Option> ? Option : number;
};

export interface Validated<Params> {
  params: Params;
  /** One sentence for each value that was missing-but-malformed, rounded, clamped or ignored. */
  corrections: string[];
}

function parseNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

function validateNumber(spec: NumberParamSpec, raw: unknown, corrections: string[]): number {
  const parsed = parseNumber(raw);
  if (parsed === undefined) {
    corrections.push(`${spec.name}: ${JSON.stringify(raw)} is not a number; using the default ${spec.default}`);
    return spec.default;
  }
  let value = parsed;
  if (spec.integer && !Number.isInteger(value)) {
    value = Math.round(value);
    corrections.push(`${spec.name}: ${parsed} must be a whole number; using ${value}`);
  }
  if (value < spec.min) {
    corrections.push(`${spec.name}: ${value} is below the minimum ${spec.min}; using ${spec.min}`);
    return spec.min;
  }
  if (value > spec.max) {
    corrections.push(`${spec.name}: ${value} is above the maximum ${spec.max}; using ${spec.max}`);
    return spec.max;
  }
  return value;
}

function validateChoice(spec: ChoiceParamSpec, raw: unknown, corrections: string[]): string {
  if (typeof raw === 'string' && spec.options.includes(raw)) return raw;
  corrections.push(
    `${spec.name}: ${JSON.stringify(raw)} is not one of ${spec.options.join(', ')}; using the default ${spec.default}`,
  );
  return spec.default;
}

/** Parse, round and clamp `raw` against `specs`; missing values take their defaults silently. */
export function validateParams<const Specs extends readonly ParamSpec[]>(
  specs: Specs,
  raw: Record<string, unknown>,
): Validated<ParamValues<Specs>> {
  const corrections: string[] = [];
  const params: Record<string, number | string> = {};
  for (const spec of specs) {
    const value = raw[spec.name];
    if (value === undefined) params[spec.name] = spec.default;
    else if (spec.kind === 'number') params[spec.name] = validateNumber(spec, value, corrections);
    else params[spec.name] = validateChoice(spec, value, corrections);
  }
  for (const name of Object.keys(raw)) {
    if (!specs.some((spec) => spec.name === name)) corrections.push(`${name}: unknown parameter; ignored`);
  }
  return { params: params as ParamValues<Specs>, corrections };
}

/** Lower `steps` so that `steps × workPerStep` stays within `budget`, noting the change. */
export function boundSteps(steps: number, workPerStep: number, budget: number, corrections: string[]): number {
  const allowed = Math.max(1, Math.floor(budget / workPerStep));
  if (steps <= allowed) return steps;
  corrections.push(`steps: ${steps} would take too long at these sizes; using ${allowed}`);
  return allowed;
}
