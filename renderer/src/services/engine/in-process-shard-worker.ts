// A shard worker for tests, in the same thread: the real shard host behind a Worker-shaped object. Messages are
// structured-cloned with their transfer lists (so transferred buffers are detached, as in a browser) and delivered on
// a later task; tests can hold deliveries, crash the worker or make it refuse its rows.
import type { ShardWorker } from './engine-kernel.ts';
import { createShardHost, type FromShard, type ToShard } from './shard-host.ts';

export class InProcessShardWorker implements ShardWorker {
  onmessage: ((event: MessageEvent<FromShard>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  /** Every message received (as the worker got it), in order. */
  readonly received: ToShard[] = [];
  /** Every message sent back, in order. */
  readonly sent: FromShard[] = [];
  private held: ToShard[] | null = null;
  private readonly host = createShardHost((message, transfer) => {
    const data = structuredClone(message, { transfer });
    this.sent.push(data);
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data } as MessageEvent<FromShard>);
    }, 0);
  });

  /** `refuseRows`: answer the rows as a worker that could not take them. */
  constructor(private readonly options: { refuseRows?: boolean } = {}) {}

  postMessage(message: ToShard, transfer: Transferable[]): void {
    if (this.terminated) return;
    const data = structuredClone(message, { transfer });
    this.received.push(data);
    if (this.held) this.held.push(data);
    else setTimeout(() => this.deliver(data), 0);
  }

  /** Requests received from now on wait until `release()`. */
  hold(): void {
    this.held ??= [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const message of held) setTimeout(() => this.deliver(message), 0);
  }

  /** The worker dies: an error event on a later task, as a browser reports it. */
  crash(): void {
    setTimeout(() => this.onerror?.({ preventDefault: () => undefined } as ErrorEvent), 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  private deliver(message: ToShard): void {
    if (this.terminated) return;
    if (message.type === 'init' && this.options.refuseRows) {
      const error = { messageZh: '拒收', messageEn: 'refused' };
      setTimeout(() => this.onmessage?.({ data: { type: 'failed', id: null, error } } as MessageEvent<FromShard>), 0);
      return;
    }
    this.host(message);
  }
}
