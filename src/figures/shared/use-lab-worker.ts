/**
 * Runs lab training in a Web Worker for figures whose results depend on settings too slow to compute on
 * the main thread. The island keeps showing its build-time result (computed at the defaults, so the server
 * render and the first client render agree) until a run for other settings finishes; meanwhile it can show
 * `state.progress` and offer `cancel()`. Messages follow src/lab/worker-protocol.ts.
 *
 * Usage (Vite bundles the worker only when `new URL(…, import.meta.url)` is written in the figure's file):
 *   const lab = useLabWorker<'superposition'>(
 *     () => new Worker(new URL('../lab.worker.ts', import.meta.url), { type: 'module' }),
 *     'superposition', figure.data.result);
 *   useEffect(() => { if (p.hydrated && p.source !== 'default') lab.run(p.values); }, [p.values]);
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { LabModelName, LabResults } from '../../lab/models.ts';
import type { LabProgress, LabRequest, LabResponse } from '../../lab/worker-protocol.ts';

export type LabJobState<Result, Progress = LabProgress> =
  | { status: 'idle'; result: Result }
  | { status: 'running'; result: Result; progress: Progress | undefined }
  | { status: 'done'; result: Result; corrections: string[] }
  | { status: 'cancelled'; result: Result }
  | { status: 'error'; result: Result; message: string };

export interface LabWorker<Result, Progress = LabProgress> {
  /** `result` is always the last finished result (the build-time one until a run completes). */
  state: LabJobState<Result, Progress>;
  /** Starts a run with these parameters, cancelling any run in progress. */
  run(params: Record<string, unknown>): void;
  cancel(): void;
  /** Shows a result without running anything (e.g. the build-time result after "reset to defaults"). */
  show(result: Result): void;
}

export function useLabWorker<Name extends LabModelName>(
  createWorker: () => Worker,
  model: Name,
  initial: LabResults[Name],
  progressIntervalMs = 100,
): LabWorker<LabResults[Name], LabProgress<Name>> {
  type Result = LabResults[Name];
  const [state, setState] = useState<LabJobState<Result, LabProgress<Name>>>({ status: 'idle', result: initial });
  const worker = useRef<Worker | undefined>(undefined);
  /** Id of the run in progress (0: none). Ids only grow, so a late message of an old run is never taken for a new one. */
  const current = useRef(0);
  const counter = useRef(0);

  useEffect(() => () => worker.current?.terminate(), []);

  const ensureWorker = useCallback((): Worker => {
    if (worker.current) return worker.current;
    const created = createWorker();
    // The worker answers a request for model `Name` with that model's messages (worker-protocol.ts).
    created.addEventListener('message', (event: MessageEvent<LabResponse<Name>>) => {
      const message = event.data;
      if (message.id !== current.current) return;
      if (message.type === 'progress') {
        setState((s) => ({ status: 'running', result: s.result, progress: message.progress }));
      } else if (message.type === 'result') {
        current.current = 0;
        setState({ status: 'done', result: message.run.result, corrections: message.run.corrections });
      } else {
        current.current = 0;
        setState((s) => (message.cancelled ? { status: 'cancelled', result: s.result } : { status: 'error', result: s.result, message: message.message }));
      }
    });
    created.addEventListener('error', (event) => {
      current.current = 0;
      setState((s) => ({ status: 'error', result: s.result, message: event.message || 'the lab worker failed to start' }));
    });
    worker.current = created;
    return created;
  }, [createWorker]);

  const cancel = useCallback(() => {
    if (!worker.current || current.current === 0) return;
    worker.current.postMessage({ type: 'cancel', id: current.current } satisfies LabRequest);
    current.current = 0;
    setState((s) => (s.status === 'running' ? { status: 'cancelled', result: s.result } : s));
  }, []);

  const run = useCallback(
    (params: Record<string, unknown>) => {
      const w = ensureWorker();
      if (current.current !== 0) w.postMessage({ type: 'cancel', id: current.current } satisfies LabRequest);
      const id = (current.current = ++counter.current);
      setState((s) => ({ status: 'running', result: s.result, progress: undefined }));
      w.postMessage({ type: 'train', id, model, params, progressIntervalMs } satisfies LabRequest);
    },
    [ensureWorker, model, progressIntervalMs],
  );

  const show = useCallback(
    (result: Result) => {
      cancel();
      setState({ status: 'idle', result });
    },
    [cancel],
  );

  return { state, run, cancel, show };
}
