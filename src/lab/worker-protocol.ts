/**
 * Messages between a figure (main thread) and the lab's Web Worker, and the pure handler the worker
 * entry (src/figures/lab.worker.ts) forwards them to. Training runs in the worker; the main thread only
 * receives small progress messages every ~progressIntervalMs and one final JSON-safe result.
 *
 * main → worker:  { type: 'train', id, model, params, progressIntervalMs? }   { type: 'cancel', id }
 * worker → main:  { type: 'progress', id, progress }   { type: 'result', id, run }   { type: 'error', id, message, cancelled }
 */

import { isLabModelName, labModels, type LabModelName, type LabRun } from './models.ts';
import type { TrainingProgress } from './runner.ts';

export type LabRequest =
  | { type: 'train'; id: number; model: string; params: Record<string, unknown>; progressIntervalMs?: number }
  | { type: 'cancel'; id: number };

export type LabResponse =
  | { type: 'progress'; id: number; progress: TrainingProgress }
  | { type: 'result'; id: number; run: LabRun<LabModelName> }
  | { type: 'error'; id: number; message: string; cancelled: boolean };

/** Returns the message handler; `post` sends a response back (postMessage in the worker). */
export function createLabWorkerHandler(post: (response: LabResponse) => void): (request: LabRequest) => Promise<void> {
  const running = new Map<number, AbortController>();
  return async (request) => {
    if (request.type === 'cancel') {
      running.get(request.id)?.abort();
      return;
    }
    const { id, model } = request;
    if (!isLabModelName(model)) {
      post({ type: 'error', id, message: `unknown lab model "${model}"`, cancelled: false });
      return;
    }
    const controller = new AbortController();
    running.set(id, controller);
    try {
      const run = await labModels[model].run(request.params, {
        signal: controller.signal,
        progressIntervalMs: request.progressIntervalMs ?? 100,
        onProgress: (progress) => post({ type: 'progress', id, progress }),
      });
      post({ type: 'result', id, run });
    } catch (error) {
      const cancelled = controller.signal.aborted;
      post({ type: 'error', id, message: cancelled ? 'cancelled' : String(error instanceof Error ? error.message : error), cancelled });
    } finally {
      running.delete(id);
    }
  };
}
