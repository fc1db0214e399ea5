// The simulation worker: holds the dataset's typed arrays (received once, transferred) and runs the engine loop. Year
// and project calls on datasets of two blocks or more split their rows with a nested shard worker (shard.worker.ts).
import type { ShardWorkerFactory } from './engine-kernel.ts';
import type { FromWorker, ToWorker } from './engine-protocol.ts';
import { createWorkerLoop } from './worker-loop.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}

/** Nested dedicated workers (same origin, so the CSP's worker-src 'self' admits them); absent where unsupported. */
const spawnShard: ShardWorkerFactory | undefined =
  typeof Worker === 'function'
    ? () =>
        new Worker(new URL('./shard.worker.ts', import.meta.url), { type: 'module', name: 'safetynet-engine-shard' })
    : undefined;

const scope = self as unknown as WorkerScope;
const receive = createWorkerLoop((message, transfer) => scope.postMessage(message, transfer ?? []), { spawnShard });
scope.onmessage = (event) => receive(event.data);
