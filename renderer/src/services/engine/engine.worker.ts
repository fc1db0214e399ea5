// The simulation worker: holds the dataset's typed arrays (received once, transferred) and runs the engine loop.
import type { FromWorker, ToWorker } from './engine-protocol';
import { createWorkerLoop } from './worker-loop';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const receive = createWorkerLoop((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.onmessage = (event) => receive(event.data);
