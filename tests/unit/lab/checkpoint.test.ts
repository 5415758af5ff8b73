import { describe, expect, test, vi } from 'vitest';
import {
  checkpointParameters, createCheckpoint, createCheckpointLoader, decodeCheckpoint, encodeCheckpoint, layoutVersion,
} from '../../../src/lab/core/checkpoint.ts';
import { defineLayout } from '../../../src/lab/core/layout.ts';
import { labModels } from '../../../src/lab/models.ts';
import { superpositionLayout } from '../../../src/lab/superposition.ts';
import { createLabWorkerHandler, type LabResponse } from '../../../src/lab/worker-protocol.ts';

const layout = defineLayout({ W: [2, 3], b: [3] });
const theta = Float64Array.from({ length: 9 }, (_, k) => (k - 4) / 3);

describe('checkpoint encoding', () => {
  test('round trip: header, float32 parameters, compact size', () => {
    const bytes = encodeCheckpoint(createCheckpoint('toy', layout, theta));
    expect(bytes.length % 4).toBe(0);
    expect(bytes.length).toBeLessThan(12 + 80 + 4 * 9);
    const decoded = decodeCheckpoint(bytes);
    expect(decoded.model).toBe('toy');
    expect(decoded.layoutVersion).toBe(layoutVersion(layout));
    expect(checkpointParameters(decoded, 'toy', layout)).toEqual(Float64Array.from(Float32Array.from(theta)));
    expect(decodeCheckpoint(bytes.buffer)).toEqual(decoded);
  });

  test('the layout version follows block names and shapes', () => {
    expect(layoutVersion(defineLayout({ W: [2, 3], b: [3] }))).toBe(layoutVersion(layout));
    expect(layoutVersion(defineLayout({ W: [3, 2], b: [3] }))).not.toBe(layoutVersion(layout));
    expect(layoutVersion(defineLayout({ b: [3], W: [2, 3] }))).not.toBe(layoutVersion(layout));
    expect(layoutVersion(superpositionLayout(5, 2))).not.toBe(layoutVersion(superpositionLayout(6, 2)));
  });

  test('a checkpoint of another model, another layout or corrupt bytes is refused', () => {
    const decoded = decodeCheckpoint(encodeCheckpoint(createCheckpoint('toy', layout, theta)));
    expect(() => checkpointParameters(decoded, 'other', layout)).toThrow(/made by model "toy", not "other"/);
    expect(() => checkpointParameters(decoded, 'toy', defineLayout({ W: [3, 3] }))).toThrow(/does not match/);
    expect(() => decodeCheckpoint(new Uint8Array(16))).toThrow(/not a checkpoint/);
    const truncated = encodeCheckpoint(createCheckpoint('toy', layout, theta)).slice(0, -4);
    expect(() => decodeCheckpoint(truncated)).toThrow(/bytes, expected/);
  });

  test('the loader fetches each URL once, on first use', async () => {
    const bytes = encodeCheckpoint(createCheckpoint('toy', layout, theta));
    const fetchAsset = vi.fn(async () => new Response(bytes));
    const load = createCheckpointLoader(fetchAsset);
    expect(fetchAsset).not.toHaveBeenCalled();
    const [first, second] = await Promise.all([load('/lab/toy.bin'), load('/lab/toy.bin')]);
    expect(fetchAsset).toHaveBeenCalledTimes(1);
    expect(first).toBe(second);
    expect(first.model).toBe('toy');
    await expect(createCheckpointLoader(async () => new Response('', { status: 404 }))('/missing.bin')).rejects.toThrow(/answered 404/);
  });
});

test('pretrain → checkpoint → fine-tune through the worker, with all but b frozen', async () => {
  const params = { n: 5, m: 2, sparsity: 0.9, steps: 300, restarts: 1, seed: 2 };
  const { run: pretrained, theta } = await labModels.superposition.run(params);
  const checkpoint = encodeCheckpoint(createCheckpoint('superposition', superpositionLayout(5, 2), theta));

  const responses: LabResponse[] = [];
  const handle = createLabWorkerHandler((response) => responses.push(structuredClone(response)));
  await handle({
    type: 'train', id: 1, model: 'superposition', params: { ...params, steps: 100, seed: 9 },
    checkpoint: checkpoint.buffer, trainable: ['b'], returnCheckpoint: true,
  });
  const last = responses.at(-1)!;
  if (last.type !== 'result' || !last.checkpoint) throw new Error(`expected a result with a checkpoint, got ${JSON.stringify(last)}`);
  const finetuned = checkpointParameters(decodeCheckpoint(last.checkpoint), 'superposition', superpositionLayout(5, 2));
  const layout52 = superpositionLayout(5, 2);
  expect(layout52.slice(finetuned, 'W')).toEqual(Float64Array.from(Float32Array.from(layout52.slice(theta, 'W'))));
  expect(layout52.slice(finetuned, 'b')).not.toEqual(Float64Array.from(Float32Array.from(layout52.slice(theta, 'b'))));
  // The fine-tune starts where pretraining ended, not from scratch.
  expect(last.run.result.lossCurve.loss[0]!).toBeLessThan(pretrained.result.lossCurve.loss[0]! / 2);

  await handle({ type: 'train', id: 2, model: 'superposition', params: { ...params, n: 6 }, checkpoint: checkpoint.buffer });
  expect(responses.at(-1)).toMatchObject({ type: 'error', id: 2, message: expect.stringMatching(/does not match superposition's layout/) });
  await handle({ type: 'train', id: 3, model: 'superposition', params, checkpoint: checkpoint.buffer, trainable: ['V'] });
  expect(responses.at(-1)).toMatchObject({ type: 'error', id: 3, message: expect.stringMatching(/no block named "V"/) });
});
