/**
 * Build-time lab output for this figure: the toy trained once at the figure's defaults (strong pressure after
 * the unpressured run, written plan not needed). The server render draws it; a reader's first run at other
 * settings replaces it. `npx node src/figures/precompute.ts monitor-pressure` writes data.json;
 * tests/unit/figures/data.test.ts retrains and checks it.
 */
import { trainCotMonitor, validateCotMonitorParams, type CotMonitorResult } from '../../lab/cot-monitor.ts';
import { defaultSettings, labParams } from './settings.ts';

export async function computeData(): Promise<CotMonitorResult> {
  const { params, corrections } = validateCotMonitorParams(labParams(defaultSettings));
  if (corrections.length > 0) throw new Error(`monitor-pressure defaults need corrections: ${corrections.join('; ')}`);
  return trainCotMonitor(params);
}
