/**
 * The activation-patching figure's settings: which two-step question, the clean and corrupted prompts, the
 * direction and metric of the patch, and which cell of the grid the output panel shows; plus the presets.
 * The atlas is the build-time model's (seed 0), so every prompt option names its real state.
 */
import { patchDirections, patchMetrics, patchParts, patchSites, type PatchPart, type PatchSite } from '../../lab/atlas/patching.ts';
import { createAtlas, type Question } from '../../lab/atlas/world.ts';
import { choiceParam, type ParamValues } from '../../lib/url-state.ts';
import type { Preset } from '../shared/presets.ts';

/** The seed of the build-time model the figure runs. */
export const figureSeed = 0;
export const atlas = createAtlas(undefined, figureSeed);

const cities = Array.from({ length: atlas.cityCount }, (_, city) => city);
const states = Array.from({ length: atlas.shape.states }, (_, state) => state);
type CityOption = `city-${number}`;
type StateOption = `state-${number}`;

export const siteLabels: Record<PatchSite, string> = { embed: 'embedding', hidden1: 'hidden layer 1', hidden2: 'hidden layer 2' };
export const partLabels: Record<PatchPart, string> = {
  quarter1: 'units, 1st quarter',
  quarter2: 'units, 2nd quarter',
  quarter3: 'units, 3rd quarter',
  quarter4: 'units, 4th quarter',
  whole: 'whole layer',
  state: 'state subspace',
  rest: 'rest of the layer',
};
/** Column headings of the grid (short). */
export const partShortLabels: Record<PatchPart, string> = { quarter1: 'Q1', quarter2: 'Q2', quarter3: 'Q3', quarter4: 'Q4', whole: 'all', state: 'state', rest: 'rest' };

export const cityLabel = (city: number) => `city ${city} (state ${atlas.stateOfCity(city)})`;

const cellOptions = patchSites.flatMap((site) => patchParts.map((part) => ({ value: `${site}.${part}` as `${PatchSite}.${PatchPart}`, label: `${siteLabels[site]}: ${partLabels[part]}` })));

export const params = {
  question: choiceParam({
    label: 'Question',
    description: 'The two-step question both prompts ask: the capital, or the region, of the state a city is in.',
    default: 'capital',
    options: [
      { value: 'capital', label: 'capital of the city’s state' },
      { value: 'region', label: 'region of the city’s state' },
    ],
  }),
  clean: choiceParam({
    label: 'Clean prompt: city',
    description: 'The city the clean prompt asks about.',
    default: 'city-0' as CityOption,
    options: cities.map((city) => ({ value: `city-${city}` as CityOption, label: cityLabel(city) })),
  }),
  corrupted: choiceParam({
    label: 'Corrupted prompt',
    description: 'Another city (in another state, or the same one), or the direct question about a state.',
    default: 'city-7' as CityOption | StateOption,
    options: [
      ...cities.map((city) => ({ value: `city-${city}` as CityOption | StateOption, label: cityLabel(city) })),
      ...states.map((state) => ({ value: `state-${state}` as CityOption | StateOption, label: `direct question about state ${state}` })),
    ],
  }),
  direction: choiceParam({
    label: 'Direction',
    description: 'Clean values into the corrupted run (is this site sufficient to restore the answer?) or corrupted values into the clean run (is it necessary?).',
    default: 'sufficiency',
    options: patchDirections.map((value) => ({ value, label: value === 'sufficiency' ? 'clean into corrupted (sufficiency)' : 'corrupted into clean (necessity)' })),
  }),
  metric: choiceParam({
    label: 'Metric',
    description: 'What the share is measured on: the logit difference between the two answers, the clean answer’s probability, or whether it is the top answer.',
    default: 'logit-difference',
    options: patchMetrics.map((value) => ({ value, label: value === 'logit-difference' ? 'logit difference' : value === 'probability' ? 'probability of the clean answer' : 'top-1 answer' })),
  }),
  cell: choiceParam({
    label: 'Output of the patch at',
    description: 'The cell of the grid whose patched run the output panel shows.',
    default: 'hidden1.state' as `${PatchSite}.${PatchPart}`,
    options: cellOptions,
  }),
};

export type Settings = ParamValues<typeof params>;

/** The prompts a setting asks: both two-step questions about cities, or a direct question about a state. */
export function promptsOf(values: Pick<Settings, 'question' | 'clean' | 'corrupted'>): { clean: Question; corrupted: Question } {
  const twoStep = values.question === 'capital' ? 'capital-of-city' : 'region-of-city';
  const direct = values.question === 'capital' ? 'capital-of-state' : 'region-of-state';
  const [kind, index] = values.corrupted.split('-') as ['city' | 'state', string];
  return {
    clean: atlas.ask(twoStep, Number(values.clean.slice('city-'.length))),
    corrupted: atlas.ask(kind === 'city' ? twoStep : direct, Number(index)),
  };
}

export function cellOf(values: Pick<Settings, 'cell'>): { site: PatchSite; part: PatchPart } {
  const [site, part] = values.cell.split('.') as [PatchSite, PatchPart];
  return { site, part };
}

/** The default view and the two experiments of the issue; each is also a shareable link. */
export const presets: Preset<Settings>[] = [
  { id: 'pair', label: 'Two cities in different states', values: { clean: 'city-0', corrupted: 'city-7', direction: 'sufficiency', cell: 'hidden1.state' } },
  { id: 'direct', label: 'Direct question’s state into the two-step one', values: { clean: 'city-0', corrupted: 'state-1', direction: 'necessity', cell: 'hidden2.state' } },
  { id: 'same-state', label: 'A city of the same state (should change nothing)', values: { clean: 'city-0', corrupted: 'city-2', direction: 'necessity', cell: 'hidden2.whole' } },
];

