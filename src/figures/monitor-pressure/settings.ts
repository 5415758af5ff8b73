/**
 * The figure's settings: its URL parameters (bounds from the lab's own spec), the presets the article names,
 * and the parameters sent to the lab. Shared by figure.ts, data.ts and the island.
 */
import { cotMonitorEpisodeBudget, cotMonitorParamSpec, type CotMonitorParams } from '../../lab/cot-monitor.ts';
import { choiceParam, numberParam, toggleParam, type ParamValues } from '../../lib/url-state.ts';

function labBounds(name: 'pressure' | 'actionShare' | 'honestFlagRate' | 'episodes' | 'steps') {
  const spec = cotMonitorParamSpec.find((s) => s.name === name);
  if (!spec || spec.kind !== 'number') throw new Error(`lab spec has no number parameter ${name}`);
  return { default: spec.default, min: spec.min, max: spec.max };
}

export const params = {
  pressure: numberParam({ label: 'Pressure λ', description: 'Reward taken away each time the chain-of-thought monitor flags the scratch pad (0 = no pressure).', ...labBounds('pressure'), step: 0.1 }),
  pressureFrom: choiceParam({
    label: 'Pressure starts',
    description: 'After the unpressured run (training continues from that agent), or from the start (from the planted agent).',
    default: 'unpressured',
    options: [
      { value: 'unpressured', label: 'after the unpressured run' },
      { value: 'start', label: 'from the start' },
    ],
  }),
  necessity: toggleParam({ label: 'Hack needs a written plan', description: 'A hack works only if the scratch pad names its operation in the environment’s hack words.', default: false }),
  synonyms: toggleParam({ label: 'Unseen synonyms work too', description: 'Under pressure, three words the monitor never saw become available, and they also name a hack operation.', default: false }),
  actionShare: numberParam({ label: 'Hacks that edit a test file', description: 'Share of hacks the action-only monitor can see: a setting of the toy, not a result.', ...labBounds('actionShare'), step: 0.05 }),
  honestFlagRate: numberParam({ label: 'Honest notes the monitor may flag', description: 'The monitor’s threshold flags at most this share of honest notes in the unpressured log.', ...labBounds('honestFlagRate'), step: 0.01 }),
  // The longest run the figure offers is the lab's whole episode budget (the most steps, each with the most episodes).
  steps: numberParam({ label: 'Training steps', description: 'Steps of each run, the unpressured one and the pressured one.', ...labBounds('steps'), step: 20 }),
  episodes: numberParam({ label: 'Episodes per step', description: 'Episodes the agent plays before each update: more gives a steadier gradient and a longer run.', ...labBounds('episodes'), max: cotMonitorEpisodeBudget / labBounds('steps').max, step: 8 }),
  seed: numberParam({ label: 'Seed', description: 'Seed of both training runs; “Train again” moves to the next seed.', default: 0, min: 0, max: 9999, step: 1 }),
};

export type Settings = ParamValues<typeof params>;

export interface Preset {
  id: string;
  label: string;
  values: Pick<Settings, 'pressure' | 'pressureFrom'>;
}

/** The pressures the article names; each is offered with the written plan needed or not, and with synonyms. */
export const pressurePresets: Preset[] = [
  { id: 'none', label: 'None', values: { pressure: 0, pressureFrom: 'unpressured' } },
  { id: 'little', label: 'A little', values: { pressure: 0.6, pressureFrom: 'unpressured' } },
  { id: 'strong', label: 'Strong', values: { pressure: 2, pressureFrom: 'unpressured' } },
  { id: 'start', label: 'From the start', values: { pressure: 2, pressureFrom: 'start' } },
];

export interface Regime {
  id: string;
  label: string;
  values: Pick<Settings, 'necessity' | 'synonyms'>;
}

export const regimes: Regime[] = [
  { id: 'free', label: 'Plan optional', values: { necessity: false, synonyms: false } },
  { id: 'needed', label: 'Plan needed', values: { necessity: true, synonyms: false } },
  { id: 'synonyms', label: 'Plan needed, synonyms work', values: { necessity: true, synonyms: true } },
];

/** A preset's full settings: the reader's other settings (action share, flag rate, run length) reset to their defaults. */
export function presetSettings(preset: Preset, regime: Regime): Settings {
  return { ...defaultSettings, ...preset.values, ...regime.values };
}

export const defaultSettings: Settings = {
  pressure: params.pressure.default, pressureFrom: 'unpressured', necessity: false, synonyms: false,
  actionShare: params.actionShare.default, honestFlagRate: params.honestFlagRate.default,
  steps: params.steps.default, episodes: params.episodes.default, seed: 0,
};

/** What the lab trains: the figure's settings; the learning rate is the lab's default. */
export function labParams(values: Settings) {
  return {
    pressure: values.pressure,
    pressureFrom: values.pressureFrom,
    necessity: values.necessity ? 'on' : 'off',
    synonyms: values.synonyms ? 'on' : 'off',
    actionShare: values.actionShare,
    honestFlagRate: values.honestFlagRate,
    steps: values.steps,
    episodes: values.episodes,
    seed: values.seed,
  } satisfies Partial<CotMonitorParams>;
}

export type LabParams = ReturnType<typeof labParams>;

/** Episodes a run of these settings plays: both runs, the unpressured and the pressured one. */
export const episodesToPlay = (values: Pick<Settings, 'steps' | 'episodes'>) => 2 * values.steps * values.episodes;

/**
 * Seconds per episode played, until a run in this page has measured the reader's device: from `npm run bench`
 * (its cot-monitor case, 4 million episodes) on a 2-core machine, rounded up.
 */
export const referenceSecondsPerEpisode = 5e-7;
