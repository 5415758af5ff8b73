/**
 * "Train against the monitor" — the chain-of-thought monitoring toy (src/lab/cot-monitor.ts, after Baker et al.,
 * 2025) trained live in the lab's Web Worker. The reader sets the pressure, when it starts, and whether a hack
 * needs a written plan, and watches hack rate, both monitors' recall and the undetected-hack rate.
 */
import { defineFigure } from '../contract.ts';
import data from './data.json' with { type: 'json' };
import type { MonitorPressureData } from './data.ts';
import { describeResult } from './describe.ts';
import { params } from './settings.ts';

export default defineFigure({
  id: 'monitor-pressure',
  title: 'Train against the monitor',
  description: 'Train a small reinforcement-learning agent that can cheat on its tests, put a chain-of-thought monitor in its reward, and watch whether it stops cheating or stops saying so.',
  params,
  data: data as MonitorPressureData,
  embedHeight: 1400,
  credit: {
    credit: 'Figure by Grown, not built; the agent and monitor are trained by the site’s lab (src/lab/cot-monitor.ts), after Baker et al. (2025).',
    licence: 'CC BY 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
  },
  describe(_values, shown) {
    return describeResult(shown.run);
  },
});
