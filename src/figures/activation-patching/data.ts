/**
 * Build-time lab output for the activation-patching figure: the atlas network of seed 0 and its state-subspace
 * bases, rounded to float32 (the model the browser fetches, see checkpoint.ts), the patching grid at the
 * figure's defaults computed from them, and, for the article, everything the lab measures over seeds 0–4
 * (each seed's summary, and the range of every measure). `npm run precompute -- activation-patching` writes
 * data.json (about 15 s of CPU time); tests/unit/figures/data.test.ts compares its hashes.
 */
import { defaultAtlasSettings, stateProbes, trainAtlas } from '../../lab/atlas/experiments.ts';
import { patchingGrid, type PatchingResult } from '../../lab/atlas/patching.ts';
import { stateBases, summariseAtlasSeed, type AtlasSeedSummary } from '../../lab/atlas/seed-summary.ts';
import { round } from '../../lab/json.ts';
import { toFloat32Values, type StoredModel } from './checkpoint.ts';
import { figureSeed, params, promptsOf } from './settings.ts';
import { defaultValues } from '../../lib/url-state.ts';

export const summarySeeds = 5;

/** Every numeric leaf of a seed summary, as its smallest and largest value over the seeds. */
export type Range<T> = T extends number ? { min: number; max: number } : { [K in keyof T]: Range<T[K]> };

export interface ActivationPatchingData {
  /** The grid at the default settings, from the float32 model the browser runs. */
  view: PatchingResult;
  model: { seed: number; embedding: number; hidden: number; parameters: number; cities: number; states: number; regions: number; heldOutCities: number };
  seeds: AtlasSeedSummary[];
  range: Range<Omit<AtlasSeedSummary, 'seed'>>;
}

/** The figure's model: seed 0 at the lab's defaults, θ and bases rounded to float32 as stored in the asset. */
export async function buildTimeModel() {
  const settings = { ...defaultAtlasSettings, seed: figureSeed };
  const { network, theta } = await trainAtlas(settings);
  const stored = toFloat32Values(theta);
  const { probes } = await stateProbes(network, stored, figureSeed);
  const bases = stateBases(network, probes);
  const model: StoredModel = {
    theta: stored,
    bases: { embed: bases.embed.map(toFloat32Values), hidden1: bases.hidden1.map(toFloat32Values), hidden2: bases.hidden2.map(toFloat32Values) },
  };
  return { network, model };
}

/** A patching result with its numbers rounded for JSON (entities stay integers). */
export function roundResult(result: PatchingResult): PatchingResult {
  const answers = (list: PatchingResult['baseTop']) => list.map(({ entity, probability }) => ({ entity, probability: round(probability, 4) }));
  return {
    ...result,
    clean: round(result.clean, 4),
    corrupted: round(result.corrupted, 4),
    baseTop: answers(result.baseTop),
    cells: result.cells.map((cell) => ({ ...cell, value: round(cell.value, 4), answers: answers(cell.answers) })),
  };
}

function rangeOf(values: unknown[]): unknown {
  if (typeof values[0] === 'number') return { min: Math.min(...(values as number[])), max: Math.max(...(values as number[])) };
  const first = values[0] as Record<string, unknown>;
  return Object.fromEntries(Object.keys(first).map((key) => [key, rangeOf(values.map((value) => (value as Record<string, unknown>)[key]))]));
}

export async function computeData(): Promise<ActivationPatchingData> {
  const { network, model } = await buildTimeModel();
  const defaults = defaultValues(params);
  const view = patchingGrid(network, model.theta, model.bases, { ...promptsOf(defaults), direction: defaults.direction, metric: defaults.metric });
  const seeds: AtlasSeedSummary[] = [];
  for (let seed = 0; seed < summarySeeds; seed++) seeds.push(await summariseAtlasSeed({ ...defaultAtlasSettings, seed }));
  const { atlas, layout, shape } = network;
  return {
    view: roundResult(view),
    model: {
      seed: figureSeed,
      embedding: shape.embedding,
      hidden: shape.hidden,
      parameters: layout.size,
      cities: atlas.cityCount,
      states: atlas.shape.states,
      regions: atlas.shape.regions,
      heldOutCities: atlas.cityCount / atlas.shape.citiesPerState * atlas.shape.heldOutPerState,
    },
    seeds,
    range: rangeOf(seeds.map(({ seed: _seed, ...rest }) => rest)) as ActivationPatchingData['range'],
  };
}
