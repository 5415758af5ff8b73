/**
 * Build-time lab output for this figure: the toy trained once at the figure's defaults (strong pressure after
 * the unpressured run, written plan not needed), which the server render draws and a reader's first run
 * replaces; and the named settings of the presets over several seeds, which the article quotes through
 * <LabValue figure="monitor-pressure" path="sweep.settings.…" />. `npx node src/figures/precompute.ts monitor-pressure`
 * writes data.json; tests/unit/figures/data.test.ts retrains and checks it.
 */
import { trainCotMonitor, validateCotMonitorParams, type CotMonitorResult } from '../../lab/cot-monitor.ts';
import { sweepCotMonitor } from '../../lab/cot-monitor-sweep.ts';
import { defaultSettings, labParams } from './settings.ts';

/** The settings the article discusses; λ = 5 is the slider's end, where hiding and quitting compete. */
const sweepSettings = {
  none: { pressure: 0 },
  little: { pressure: 0.6 },
  strong: { pressure: 2 },
  start: { pressure: 2, pressureFrom: 'start' },
  harsh: { pressure: 5 },
  noneNeeded: { pressure: 0, necessity: 'on' },
  littleNeeded: { pressure: 0.6, necessity: 'on' },
  strongNeeded: { pressure: 2, necessity: 'on' },
  harshNeeded: { pressure: 5, necessity: 'on' },
  littleSynonyms: { pressure: 0.6, necessity: 'on', synonyms: 'on' },
  strongSynonyms: { pressure: 2, necessity: 'on', synonyms: 'on' },
} as const;

export const sweepSeeds = 10;

export interface MonitorPressureData {
  /** The run drawn at the defaults. */
  run: CotMonitorResult;
  sweep: Awaited<ReturnType<typeof sweepCotMonitor<keyof typeof sweepSettings>>>;
}

export async function computeData(): Promise<MonitorPressureData> {
  const { params, corrections } = validateCotMonitorParams(labParams(defaultSettings));
  if (corrections.length > 0) throw new Error(`monitor-pressure defaults need corrections: ${corrections.join('; ')}`);
  return { run: (await trainCotMonitor(params)).result, sweep: await sweepCotMonitor(sweepSettings, sweepSeeds) };
}
