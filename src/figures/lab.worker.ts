// Module Web Worker: trains lab models off the main thread (protocol in src/lab/worker-protocol.ts).
import { createLabWorkerHandler, type LabRequest, type LabResponse } from '../lab/worker-protocol.ts';

interface WorkerScope {
  postMessage(message: LabResponse): void;
  onmessage: ((event: MessageEvent<LabRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handle = createLabWorkerHandler((response) => scope.postMessage(response));
scope.onmessage = (event) => void handle(event.data);
