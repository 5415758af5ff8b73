/**
 * `defineLabModel`: one declaration per model file — its parameters and their bounds, validation, the training
 * function, the progress metrics and the result type, and a few summary lines. The registry (models.ts), the
 * CLI, the worker and the bench all work from these declarations, so a model's types reach every caller:
 * a figure reads `progress.metrics.W` of the superposition model as `number[][]`, never as an unknown value.
 */

import type { ParamSpec, Validated } from '../params.ts';
import type { LossCurve, ProgressMetrics, TrainingOptions } from '../runner.ts';
import type { Layout } from './layout.ts';

/** What every model's train function accepts besides its parameters. */
export interface LabTrainOptions<Metrics extends ProgressMetrics = ProgressMetrics> extends TrainingOptions<Metrics> {
  /** Start from these parameters (e.g. a checkpoint's θ, in the model's layout) instead of the seeded initialisation. */
  initial?: Float64Array | undefined;
  /** Blocks of the layout that train; every other block stays frozen. Omitted: all train. */
  trainable?: readonly string[] | undefined;
}

/** Every result carries its validated parameters, the final loss and the loss curve. */
export interface LabResultBase<Params> {
  params: Params;
  finalLoss: number;
  lossCurve: LossCurve;
}

/** A trained model: the JSON-safe result for figures, and θ (in `layout(params)`) for a checkpoint. */
export interface Trained<Result> {
  result: Result;
  theta: Float64Array;
}

export interface LabModelDefinition<Name extends string, Params, Metrics extends ProgressMetrics, Result extends LabResultBase<Params>> {
  name: Name;
  /** One line for the CLI's usage. */
  description: string;
  paramSpec: readonly ParamSpec[];
  /** Parses, rounds and clamps outside values (URL, CLI, worker), listing every correction. */
  validate(raw: Record<string, unknown>): Validated<Params>;
  /** The layout of θ for these parameters (a checkpoint's shape). */
  layout(params: Params): Layout;
  train(params: Params, options?: LabTrainOptions<Metrics>): Promise<Trained<Result>>;
  /** A few human-readable lines (CLI, logs). */
  summary(result: Result): string[];
}

export interface LabRun<Name extends string = string, Result = unknown> {
  model: Name;
  /** Notes on parameters that were rounded, clamped or ignored. */
  corrections: string[];
  result: Result;
  summary: string[];
}

export interface LabModel<Name extends string, Params, Metrics extends ProgressMetrics, Result extends LabResultBase<Params>>
  extends LabModelDefinition<Name, Params, Metrics, Result> {
  /** The parameters with every value at its default. */
  defaults(): Params;
  /** Validates raw parameters, trains and summarises. */
  run(raw: Record<string, unknown>, options?: LabTrainOptions<Metrics>): Promise<{ run: LabRun<Name, Result>; theta: Float64Array }>;
}

/** Any model, as the registry holds them (`any`: parameters appear both as inputs and outputs, so no narrower type admits every model). */
export type AnyLabModel<Name extends string = string> = LabModel<Name, any, any, any>;
export type LabParamsOf<Model> = Model extends LabModel<string, infer Params, infer _Metrics, infer _Result> ? Params : never;
export type LabMetricsOf<Model> = Model extends LabModel<string, infer _Params, infer Metrics, infer _Result> ? Metrics : never;
export type LabResultOf<Model> = Model extends LabModel<string, infer _Params, infer _Metrics, infer Result> ? Result : never;

export function defineLabModel<const Name extends string, Params, Metrics extends ProgressMetrics, Result extends LabResultBase<Params>>(
  definition: LabModelDefinition<Name, Params, Metrics, Result>,
): LabModel<Name, Params, Metrics, Result> {
  return {
    ...definition,
    defaults: () => definition.validate({}).params,
    async run(raw, options) {
      const { params, corrections } = definition.validate(raw);
      const { result, theta } = await definition.train(params, options);
      return { run: { model: definition.name, corrections, result, summary: definition.summary(result) }, theta };
    },
  };
}
