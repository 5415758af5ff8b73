import { describe, expect, test } from 'vitest';
import { createLabWorkerHandler, type LabResponse } from '../../../src/lab/worker-protocol.ts';
import { expectJsonSafe } from './helpers.ts';

function collect() {
  const responses: LabResponse[] = [];
  const handle = createLabWorkerHandler((response) => responses.push(structuredClone(response)));
  return { responses, handle };
}

describe('lab worker handler', () => {
  test('trains, posts progress, then one JSON-safe result', async () => {
    const { responses, handle } = collect();
    await handle({ type: 'train', id: 1, model: 'superposition', params: { steps: '400', restarts: 1, n: 5, m: 2 }, progressIntervalMs: 1 });
    const progress = responses.filter((r) => r.type === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(1);
    const last = responses.at(-1)!;
    expect(last.type).toBe('result');
    if (last.type !== 'result') return;
    expect(last.run.model).toBe('superposition');
    expect(last.run.corrections).toEqual([]);
    expectJsonSafe(last.run);
    expectJsonSafe(progress);
  });

  test('reports corrected parameters with the result', async () => {
    const { responses, handle } = collect();
    await handle({ type: 'train', id: 2, model: 'mlp', params: { steps: 0 } });
    const last = responses.at(-1)!;
    expect(last.type === 'result' && last.run.corrections).toEqual(['steps: 0 is below the minimum 1; using 1']);
  });

  test('a cancel message stops training', async () => {
    const { responses, handle } = collect();
    const training = handle({ type: 'train', id: 3, model: 'superposition', params: { n: 20, m: 10, steps: 10_000, restarts: 5 }, progressIntervalMs: 5 });
    setTimeout(() => void handle({ type: 'cancel', id: 3 }), 30);
    await training;
    expect(responses.at(-1)).toEqual({ type: 'error', id: 3, message: 'cancelled', cancelled: true });
  });

  test('an unknown model is an error message, not an exception', async () => {
    const { responses, handle } = collect();
    await handle({ type: 'train', id: 4, model: 'gpt', params: {} });
    expect(responses).toEqual([{ type: 'error', id: 4, message: 'unknown lab model "gpt"', cancelled: false }]);
  });
});
