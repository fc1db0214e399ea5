// The message handling of a kernel shard worker (shard.worker.ts is a thin wrapper around it), free of worker
// globals so Node tests can drive it: takes its rows once, then answers each ShardRequest and transfers the reply.
import { KernelShard } from '../../../../sim/index.ts';
import type { ShardData, ShardReply, ShardRequest } from '../../../../sim/index.ts';
import { toErrorInfo, type EngineErrorInfo } from './engine-protocol.ts';

/** Messages the engine worker sends its shard worker: the rows once (buffers transferred), then requests. */
export type ToShard = { type: 'init'; data: ShardData } | { type: 'request'; id: number; request: ShardRequest };

/** Messages a shard worker sends back. `failed` with `id: null` means the rows could not be taken (no shard). */
export type FromShard =
  | { type: 'ready'; rows: number }
  | { type: 'reply'; id: number; reply: ShardReply }
  | { type: 'failed'; id: number | null; error: EngineErrorInfo };

/** Where a shard host's messages go: the worker's postMessage (or a test double). */
export type PostFromShard = (message: FromShard, transfer: Transferable[]) => void;

/** Every buffer behind a reply's arrays, once each (a buffer listed twice would make postMessage throw). */
export function replyBuffers(reply: ShardReply): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const part of [...reply.cells, ...reply.deciles]) {
    if (part.buffer instanceof ArrayBuffer) buffers.add(part.buffer);
  }
  return [...buffers];
}

/** Creates a shard host; returns the function to call with each incoming message. Requests run as they arrive. */
export function createShardHost(post: PostFromShard): (message: ToShard) => void {
  let shard: KernelShard | null = null;
  return (message) => {
    if (message.type === 'init') {
      try {
        shard = new KernelShard(message.data);
        post({ type: 'ready', rows: shard.rows }, []);
      } catch (error) {
        shard = null;
        post({ type: 'failed', id: null, error: toErrorInfo(error) }, []);
      }
      return;
    }
    try {
      if (!shard) throw new Error('no shard rows loaded');
      const reply = shard.run(message.request);
      post({ type: 'reply', id: message.id, reply }, replyBuffers(reply));
    } catch (error) {
      post({ type: 'failed', id: message.id, error: toErrorInfo(error) }, []);
    }
  };
}
