// Body of a Monte Carlo worker thread: runs the engine's runReplications on the slice it is sent and returns the
// per-replication totals, transferring the result buffer instead of copying it.
import { parentPort } from 'node:worker_threads';
import { runReplications } from '../../sim/index.ts';
import type { RunReplicationsInput } from '../../sim/index.ts';

if (parentPort === null) throw new Error('mc-worker must run in a worker thread');
const port = parentPort;
port.on('message', (input: RunReplicationsInput) => {
  const result = runReplications(input);
  const buffer = result.totals.buffer;
  port.postMessage(result, buffer instanceof ArrayBuffer ? [buffer] : []);
});
port.postMessage('ready');
