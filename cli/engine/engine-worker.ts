// Body of a CLI engine worker thread, bundled into one script by threads.ts: runs Monte Carlo replications of a year or
// a projection (mc-pool) or holds one shard of the sharded kernel (kernel-pool) and answers its requests. Results are
// transferred, not copied; failures are sent back.
import { parentPort } from 'node:worker_threads';
import { KernelShard, runProjectionReplications, runReplications } from '../../sim/index.ts';
import type { ProjectionReplicationsInput, RunReplicationsInput, ShardData, ShardRequest } from '../../sim/index.ts';

/** Messages an engine worker understands. */
export type EngineWorkerMessage =
  | { kind: 'replications'; input: RunReplicationsInput }
  | { kind: 'projectionReplications'; input: ProjectionReplicationsInput }
  | { kind: 'shard'; data: ShardData }
  | { kind: 'request'; request: ShardRequest };

if (parentPort === null) throw new Error('engine-worker must run in a worker thread');
const port = parentPort;
let shard: KernelShard | undefined;

function buffersOf(arrays: Float64Array[]): ArrayBuffer[] {
  return arrays.flatMap((a) => (a.buffer instanceof ArrayBuffer ? [a.buffer] : []));
}

port.on('message', (message: EngineWorkerMessage) => {
  try {
    if (message.kind === 'replications') {
      const result = runReplications(message.input);
      port.postMessage({ ok: result }, buffersOf([result.totals, result.cells]));
    } else if (message.kind === 'projectionReplications') {
      const result = runProjectionReplications(message.input);
      port.postMessage({ ok: result }, buffersOf([result.cells]));
    } else if (message.kind === 'shard') {
      shard = new KernelShard(message.data);
      port.postMessage({ ok: shard.rows });
    } else {
      if (shard === undefined) throw new Error('no shard loaded in this worker');
      const reply = shard.run(message.request);
      port.postMessage({ ok: reply }, buffersOf([...reply.cells, ...reply.deciles]));
    }
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
port.postMessage('ready');
