// A kernel shard worker, started by the engine worker: holds the second half of the dataset's blocks and answers the
// sharded kernel's requests (shard-host.ts), so a year or a projection uses two cores.
import { createShardHost, type FromShard, type ToShard } from './shard-host.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToShard>) => void) | null;
  postMessage(message: FromShard, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const receive = createShardHost((message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (event) => receive(event.data);
