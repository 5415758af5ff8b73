/**
 * Messages between a figure (main thread) and the lab's Web Worker, and the pure handler the worker
 * entry (src/figures/lab.worker.ts) forwards them to. Training runs in the worker; the main thread only
 * receives small progress messages every ~progressIntervalMs and one final JSON-safe result. The worker
 * loads each model's code on its first request (model-loaders.ts).
 *
 * main → worker:  { type: 'train', id, model, params, progressIntervalMs?, checkpoint?, trainable?, returnCheckpoint? }
 *                 { type: 'cancel', id }
 * worker → main:  { type: 'progress', id, progress }   { type: 'result', id, run, checkpoint? }
 *                 { type: 'error', id, message, cancelled }
 * A run can start from a checkpoint (checkpoint.ts; the bytes of a fetched asset) and train only some blocks
 * (`trainable`: a fine-tune); with `returnCheckpoint` the result carries the trained θ as checkpoint bytes.
 */

import type { AnyLabModel } from './core/define-model.ts';
import { checkpointParameters, createCheckpoint, decodeCheckpoint, encodeCheckpoint } from './core/checkpoint.ts';
import { isLoadableLabModel, loadLabModel } from './model-loaders.ts';
import type { LabMetrics, LabModelName, LabRunOf } from './models.ts';
import type { TrainingProgress } from './runner.ts';

export type LabRequest =
  | {
    type: 'train';
    id: number;
    model: string;
    params: Record<string, unknown>;
    progressIntervalMs?: number;
    /** Start from this checkpoint (encoded bytes) instead of the seeded initialisation. */
    checkpoint?: ArrayBuffer;
    /** Train only these parameter blocks; the rest stay as they start. */
    trainable?: string[];
    /** Send the trained parameters back as checkpoint bytes. */
    returnCheckpoint?: boolean;
  }
  | { type: 'cancel'; id: number };

/** A progress report of model `Name`, with that model's typed metrics. */
export type LabProgress<Name extends LabModelName = LabModelName> = TrainingProgress<LabMetrics[Name]>;

/** Responses about a run of model `Name` (a figure that trains one model reads its messages as `LabResponse<'sae'>`). */
export type LabResponse<Name extends LabModelName = LabModelName> =
  | { type: 'progress'; id: number; progress: LabProgress<Name> }
  | { type: 'result'; id: number; run: LabRunOf<Name>; checkpoint?: ArrayBuffer }
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
      const lab: AnyLabModel<LabModelName> = await loadLabModel(model); // one handler for every model: its own types end here
      const layout = lab.layout(lab.validate(request.params).params);
      const { run, theta } = await lab.run(request.params, {
        signal: controller.signal,
        progressIntervalMs: request.progressIntervalMs ?? 100,
        onProgress: (progress: LabProgress) => post({ type: 'progress', id, progress }),
        initial: request.checkpoint && checkpointParameters(decodeCheckpoint(request.checkpoint), model, layout),
        trainable: request.trainable,
      });
      if (request.returnCheckpoint) post({ type: 'result', id, run, checkpoint: encodeCheckpoint(createCheckpoint(model, layout, theta)).buffer });
      else post({ type: 'result', id, run });
    } catch (error) {
      const cancelled = controller.signal.aborted;
      post({ type: 'error', id, message: cancelled ? 'cancelled' : String(error instanceof Error ? error.message : error), cancelled });
    } finally {
      running.delete(id);
    }
  };
}
