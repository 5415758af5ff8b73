import { describe, expect, test } from 'vitest';
import { runTraining, TrainingDivergedError, type TrainingLoop, type TrainingProgress } from '../../../src/lab/runner.ts';

/** A loop whose loss is `lossAt(step)`, taking about `msPerStep` of busy time per step. */
function fakeLoop(steps: number, lossAt: (step: number) => number, msPerStep = 0): TrainingLoop {
  let step = 0;
  return {
    steps,
    step() {
      const end = performance.now() + msPerStep;
      while (performance.now() < end);
      return lossAt(++step);
    },
    metrics: () => ({ step }),
  };
}

describe('runTraining', () => {
  test('records a subsampled curve of mean losses, ending at the last step', async () => {
    const curve = await runTraining('fake', fakeLoop(1000, (step) => step));
    expect(curve.step).toHaveLength(200);
    expect(curve.step.at(-1)).toBe(1000);
    expect(curve.loss[0]).toBe(3); // mean of steps 1…5
    expect(curve.loss.at(-1)).toBe(998);
  });

  test('reports progress at the interval and once at the end', async () => {
    const reports: TrainingProgress[] = [];
    await runTraining('fake', fakeLoop(60, () => 1, 1), { progressIntervalMs: 10, onProgress: (p) => reports.push(p) });
    expect(reports.length).toBeGreaterThanOrEqual(3);
    expect(reports.at(-1)).toEqual({ step: 60, steps: 60, loss: 1, metrics: { step: 60 } });
    const steps = reports.map((report) => report.step);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
  });

  test('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    let lastStep = 0;
    const run = runTraining('fake', fakeLoop(1_000_000, (step) => (lastStep = step), 0.01), {
      signal: controller.signal,
      progressIntervalMs: 5,
    });
    setTimeout(() => controller.abort(), 20);
    await expect(run).rejects.toThrow(/abort/i);
    expect(lastStep).toBeLessThan(1_000_000);
  });

  test('an already aborted signal trains nothing', async () => {
    let steps = 0;
    await expect(runTraining('fake', fakeLoop(10, () => ++steps), { signal: AbortSignal.abort() })).rejects.toThrow();
    expect(steps).toBe(0);
  });

  for (const bad of [NaN, Infinity]) {
    test(`stops with a clear error when the loss becomes ${bad}`, async () => {
      const run = runTraining('fake', fakeLoop(100, (step) => (step === 17 ? bad : 1)));
      await expect(run).rejects.toThrow(TrainingDivergedError);
      await expect(run).rejects.toThrow(`fake: the loss became ${bad} at step 17`);
    });
  }
});
