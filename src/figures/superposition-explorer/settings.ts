/**
 * The explorer's settings: the figure's parameters (bounds taken from the lab's own spec), the presets, the
 * rule m < n, and the parameters sent to the lab for one model. Shared by figure.ts, data.ts and the island.
 */
import { superpositionParamSpec } from '../../lab/superposition.ts';
import { numberParam, toggleParam, type ParamValues } from '../../lib/url-state.ts';

/** Training runs per setting (the lab's default): the one with the lowest loss is kept. */
export const labRestarts = labDefault('restarts');

function labDefault(name: 'restarts' | 'steps'): number {
  const spec = superpositionParamSpec.find((s) => s.name === name);
  return spec?.kind === 'number' ? spec.default : 1;
}

function labBounds(name: 'n' | 'm' | 'sparsity' | 'importanceDecay') {
  const spec = superpositionParamSpec.find((s) => s.name === name);
  if (!spec || spec.kind !== 'number') throw new Error(`lab spec has no number parameter ${name}`);
  return { default: spec.default, min: spec.min, max: spec.max };
}

export const params = {
  n: numberParam({ label: 'Features n', description: 'How many sparse input features the model must store (2 to 20).', ...labBounds('n'), step: 1 }),
  m: numberParam({ label: 'Hidden dimensions m', description: 'Dimensions of the hidden space, fewer than n (1 to 10).', ...labBounds('m'), step: 1 }),
  sparsity: numberParam({ label: 'Sparsity S', description: 'Probability that a feature is zero in an input (0 to 0.99).', ...labBounds('sparsity'), step: 0.01 }),
  importanceDecay: numberParam({
    label: 'Importance decay r',
    description: 'Feature i counts r^(i−1) in the loss; r = 1 makes every feature equally important.',
    ...labBounds('importanceDecay'),
    step: 0.01,
  }),
  linear: toggleParam({ label: 'Also train the linear model', description: 'Train the linear model x′ = WᵀWx + b on the same data, beside the ReLU model.', default: false }),
  seed: numberParam({ label: 'Seed', description: 'Seed of the first training run; “Train again” moves to the next seed.', default: 0, min: 0, max: 9999, step: 1 }),
};

export type Settings = ParamValues<typeof params>;

export const defaultSettings: Settings = { n: params.n.default, m: params.m.default, sparsity: params.sparsity.default, importanceDecay: params.importanceDecay.default, linear: false, seed: 0 };

export interface Preset {
  id: string;
  /** The name the article uses for it. */
  label: string;
  values: Pick<Settings, 'n' | 'm' | 'sparsity' | 'importanceDecay' | 'seed'>;
}

/** The paper's headline cases. The first is the figure's default view. */
export const presets: Preset[] = [
  { id: 'sparse', label: 'Sparse, equal importance', values: { n: 5, m: 2, sparsity: 0.9, importanceDecay: 1, seed: 0 } },
  { id: 'dense', label: 'Dense, decaying importance', values: { n: 5, m: 2, sparsity: 0, importanceDecay: 0.7, seed: 0 } },
];

export function presetMatches(preset: Preset, values: Settings): boolean {
  return (Object.keys(preset.values) as (keyof Preset['values'])[]).every((k) => preset.values[k] === values[k]);
}

/** The lab requires m < n: a larger m (e.g. from an old link) is shown and trained as n − 1. */
export function constrain(values: Settings): Settings {
  return values.m < values.n ? values : { ...values, m: values.n - 1 };
}

/** The next values when the reader sets `name`: keeps m < n by lowering m (never by raising n). */
export function withChange<K extends keyof Settings>(values: Settings, name: K, value: Settings[K]): Settings {
  const next = { ...constrain(values), [name]: value };
  if (next.m >= next.n) next.m = next.n - 1;
  return next;
}

export type Nonlinearity = 'relu' | 'linear';

/** What the lab trains for one model; everything else (steps, restarts, batch, learning rate) is the lab's default. */
export function labParams(values: Settings, nonlinearity: Nonlinearity) {
  const { n, m, sparsity, importanceDecay, seed } = constrain(values);
  return { n, m, sparsity, importanceDecay, seed, nonlinearity };
}

export type LabParams = ReturnType<typeof labParams>;
