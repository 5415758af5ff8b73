/**
 * Train any lab model headless:  npm run lab -- <model> [--param value …] [--seed N] [--json]
 * Prints a readable summary, or with --json one JSON object { model, params, metrics, weights }.
 * Unknown models, unknown parameters and out-of-range values are errors (exit code 2): the command
 * line says exactly what to train, so nothing is silently clamped here.
 */

import { isLabModelName, labModels, type LabModelName } from './models.ts';
import type { ParamSpec } from './params.ts';

export interface LabArgs {
  model: LabModelName;
  params: Record<string, string>;
  json: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

const kebabToCamel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

function describeSpec(spec: ParamSpec): string {
  const range = spec.kind === 'number' ? `${spec.min} … ${spec.max}` : spec.options.join(' | ');
  return `  --${spec.name.padEnd(20)} ${spec.description} [${range}, default ${spec.default}]`;
}

export function usage(): string {
  const models = Object.entries(labModels).map(([name, model]) =>
    [`${name}: ${model.description}`, ...model.paramSpec.map(describeSpec)].join('\n'),
  );
  return ['usage: npm run lab -- <model> [--param value …] [--seed N] [--json]', '', ...models].join('\n');
}

/** Pure: argv (after the script name) → what to train. Throws UsageError. */
export function parseLabArgs(argv: readonly string[]): LabArgs {
  const [model, ...rest] = argv;
  if (model === undefined || model.startsWith('-')) throw new UsageError('missing model name');
  if (!isLabModelName(model)) {
    throw new UsageError(`unknown model "${model}"; choose one of ${Object.keys(labModels).join(', ')}`);
  }
  const names = new Set(labModels[model].paramSpec.map((spec) => spec.name));
  const params: Record<string, string> = {};
  let json = false;
  for (let k = 0; k < rest.length; k++) {
    const flag = rest[k]!;
    if (flag === '--json') {
      json = true;
      continue;
    }
    if (!flag.startsWith('--')) throw new UsageError(`unexpected argument "${flag}"`);
    const [rawName, inlineValue] = flag.slice(2).split('=', 2) as [string, string | undefined];
    const name = kebabToCamel(rawName);
    if (!names.has(name)) throw new UsageError(`unknown parameter --${rawName} for ${model}`);
    const value = inlineValue ?? rest[++k];
    if (value === undefined) throw new UsageError(`--${rawName} needs a value`);
    params[name] = value;
  }
  return { model, params, json };
}

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], output: Output): Promise<number> {
  let args: LabArgs;
  try {
    args = parseLabArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.stderr(`lab: ${error.message}\n\n${usage()}\n`);
    return 2;
  }
  const { corrections } = labModels[args.model].validate(args.params);
  if (corrections.length > 0) {
    output.stderr(`lab: bad parameters for ${args.model}:\n${corrections.map((note) => `  ${note}`).join('\n')}\n`);
    return 2;
  }
  const started = performance.now();
  try {
    const { run: { result, summary } } = await labModels[args.model].run(args.params);
    if (args.json) {
      const { params, lossCurve, ...rest } = result;
      output.stdout(`${JSON.stringify({ model: args.model, params, ...rest, lossCurve })}\n`);
    } else {
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      output.stdout(`${args.model} (${seconds} s)\n${summary.map((line) => `  ${line}`).join('\n')}\n`);
    }
    return 0;
  } catch (error) {
    output.stderr(`lab: ${args.model} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
