// The worker entry forwards messages to the pure handler and posts its responses back.
import { expect, test, vi } from 'vitest';
import type { LabRequest, LabResponse } from '../../../src/lab/worker-protocol.ts';

test('src/figures/lab.worker.ts wires onmessage to the lab handler', async () => {
  const posted: LabResponse[] = [];
  const scope: { postMessage(message: LabResponse): void; onmessage: ((event: { data: LabRequest }) => void) | null } = {
    postMessage: (message) => posted.push(message),
    onmessage: null,
  };
  vi.stubGlobal('self', scope);
  await import('../../../src/figures/lab.worker.ts');
  scope.onmessage?.({ data: { type: 'train', id: 7, model: 'mlp', params: { steps: 20 } } });
  await vi.waitFor(() => expect(posted.at(-1)?.type).toBe('result'));
  expect(posted.at(-1)).toMatchObject({ id: 7, run: { model: 'mlp', corrections: [] } });
  vi.unstubAllGlobals();
});
