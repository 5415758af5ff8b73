/**
 * Messages between a figure (main thread) and the lab's Web Worker, and the pure handler the worker
 * entry (src/figures/lab.worker.ts) forwards them to. Training runs in the worker; the main thread only
 * receives small progress messages every ~progressIntervalMs and one final JSON-safe result. The worker
 * loads each model's code on its first request (model-loaders.ts).
 *
 * main → worker:  { type: 'train', id, model, params, progressIntervalMs? }   { type: 'cancel', id }
 * worker → main:  { type: 'progress', id, progress }   { type: 'result', id, run }   { type: 'error', id, message, cancelled }
 */

import { isLoadableLabModel, loadLabModel } from './model-loaders.ts';
import type { LabMetrics, LabModelName, LabRunOf } from './models.ts';
import type { TrainingProgress } from './runner.ts';

export type LabRequest =
  | { type: 'train'; id: number; model: string; params: Record<string, unknown>; progressIntervalMs?: number }
  | { type: 'cancel'; id: number };

/** A progress report of model `Name`, with that model's typed metrics. */
export type LabProgress<Name extends LabModelName = LabModelName> = TrainingProgress<LabMetrics[Name]>;

/** Responses about a run of model `Name` (a figure that trains one model reads its messages as `LabResponse<'sae'>`). */
export type LabResponse<Name extends LabModelName = LabModelName> =
  | { type: 'progress'; id: number; progress: LabProgress<Name> }
  | { type: 'result'; id: number; run: LabRunOf<Name> }
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
    if (!isLoadableLabModel(model)) {
      post({ type: 'error', id, message: `unknown lab model "${model}"`, cancelled: false });
      return;
    }
    const controller = new AbortController();
    running.set(id, controller);
    try {
      const { run } = await (await loadLabModel(model)).run(request.params, {
        signal: controller.signal,
        progressIntervalMs: request.progressIntervalMs ?? 100,
        onProgress: (progress: LabProgress) => post({ type: 'progress', id, progress }),
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
