// The kernel behind the engine worker's year and project calls: a ShardedKernel with shard 0 in the engine worker
// (views of its arrays) and shard 1 in a nested shard worker (its rows copied and transferred) when the dataset has
// two blocks or more; one in-thread shard otherwise, without Worker, or after the shard worker stopped. The sharded
// kernel gives the same bits whatever the number of shards, so which one ran never shows in the results.
import {
  BLOCK_ROWS,
  copyHouseholds,
  KernelShard,
  localShardPort,
  ShardedKernel,
  shardRanges,
  sliceHouseholds,
} from '../../../../sim/index.ts';
import type {
  DrawSettings,
  HouseholdArrays,
  ProjectionResult,
  ProjectRunOptions,
  RegionArrays,
  ResolvedParams,
  RunKernel,
  Scenario,
  ShardData,
  ShardPort,
  ShardReply,
  ShardRequest,
  YearResult,
} from '../../../../sim/index.ts';
import { toErrorInfo, transferablesOf, type EngineErrorInfo } from './engine-protocol.ts';
import type { FromShard, ToShard } from './shard-host.ts';

/** The part of a Worker a remote shard uses (a real Worker, or an in-process double in tests). */
export interface ShardWorker {
  onmessage: ((event: MessageEvent<FromShard>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(message: ToShard, transfer: Transferable[]): void;
  terminate(): void;
}

/** Starts a shard worker (throws where workers cannot be started). */
export type ShardWorkerFactory = () => ShardWorker;

/** How the kernel may split its rows. */
export interface EngineKernelOptions {
  /** Starts the second shard's worker; without it every row runs in this thread. */
  spawnShard?: ShardWorkerFactory;
  /** Rows per block (tests use small blocks to get several); default BLOCK_ROWS. */
  blockRows?: number;
}

/** The error of a call in flight when the shard worker stopped; the dataset then runs on one thread. */
export const SHARD_STOPPED: EngineErrorInfo = {
  messageZh: '计算引擎的第二个计算线程意外停止，此数据集已改为单线程计算；请重试刚才的操作。',
  messageEn:
    "The simulation engine's second thread stopped unexpectedly; this dataset now runs on one thread. Please retry the last action.",
};

/** A kernel failure carried as a bilingual value (the worker loop posts it as the call's error). */
export class KernelFailure extends Error implements EngineErrorInfo {
  readonly messageZh: string;
  readonly messageEn: string;
  constructor(info: EngineErrorInfo) {
    super(`${info.messageZh} / ${info.messageEn}`);
    this.messageZh = info.messageZh;
    this.messageEn = info.messageEn;
  }
}

/** A shard in a worker: its rows are sent once (transferred); requests are answered in order by id. */
class RemoteShardPort implements ShardPort {
  private readonly pending = new Map<number, { resolve: (reply: ShardReply) => void; reject: (e: Error) => void }>();
  private counter = 0;
  private stopped = false;

  /** Sends the rows; throws when they cannot be posted (the caller then runs without this shard). */
  constructor(
    private readonly worker: ShardWorker,
    data: ShardData,
    private readonly onStop: () => void,
  ) {
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.stop();
    };
    worker.onmessageerror = () => this.stop();
    const transfer = [...transferablesOf(data.households), ...transferablesOf({ decile: data.decile })];
    worker.postMessage({ type: 'init', data }, transfer);
  }

  request(request: ShardRequest): Promise<ShardReply> {
    if (this.stopped) return Promise.reject(new KernelFailure(SHARD_STOPPED));
    return new Promise<ShardReply>((resolve, reject) => {
      this.counter += 1;
      const id = this.counter;
      this.pending.set(id, { resolve, reject });
      try {
        this.worker.postMessage({ type: 'request', id, request }, []);
      } catch (error) {
        this.pending.delete(id);
        reject(new KernelFailure(toErrorInfo(error)));
      }
    });
  }

  private receive(message: FromShard): void {
    if (message.type === 'ready') return;
    const id = message.id;
    if (id === null) {
      this.stop();
      return;
    }
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    if (message.type === 'reply') entry.resolve(message.reply);
    else entry.reject(new KernelFailure(message.error));
  }

  /** The worker died or refused its rows: fail what is in flight and hand over to one in-thread shard. */
  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    const error = new KernelFailure(SHARD_STOPPED);
    for (const entry of this.pending.values()) entry.reject(error);
    this.pending.clear();
    this.onStop();
  }
}

/** The year and projection kernel of one dataset in the engine worker (the engine's `RunKernel`). */
export class EngineKernel implements RunKernel {
  private kernel: ShardedKernel | null = null;
  private worker: ShardWorker | null = null;
  private disposed = false;
  private readonly blockRows: number;

  constructor(
    private readonly households: HouseholdArrays,
    readonly regions: RegionArrays,
    private readonly decile: Uint8Array,
    private readonly options: EngineKernelOptions = {},
  ) {
    this.blockRows = options.blockRows ?? BLOCK_ROWS;
  }

  /** Shards the calls run on (1 or 2); the shard worker starts on first use unless prepared. */
  get shards(): number {
    return this.current().shards;
  }

  /** Splits the rows now (starting the shard worker and sending its rows) instead of on the first call. */
  prepare(): void {
    this.current();
  }

  /** One year from the dataset's status (aggregates; expected values unless told), over the shards. */
  year(params: ResolvedParams, options: Partial<DrawSettings> = {}): Promise<YearResult> {
    return this.current().year(params, options);
  }

  /** The multi-year projection (`project`), status carried inside the shards. */
  project(scenario: Scenario, options: ProjectRunOptions = {}): Promise<ProjectionResult> {
    return this.current().project(scenario, options);
  }

  /** Stops the shard worker (a new dataset replaces this one); later calls run in this thread. */
  dispose(): void {
    this.disposed = true;
    this.worker?.terminate();
    this.worker = null;
    this.kernel = null;
  }

  private current(): ShardedKernel {
    this.kernel ??= this.disposed ? this.single() : this.build();
    return this.kernel;
  }

  private shardOf(from: number, to: number, copy: boolean): KernelShard {
    return new KernelShard(this.dataOf(from, to, copy));
  }

  private dataOf(from: number, to: number, copy: boolean): ShardData {
    return {
      households: copy ? copyHouseholds(this.households, from, to) : sliceHouseholds(this.households, from, to),
      regions: this.regions,
      decile: copy ? this.decile.slice(from, to) : this.decile.subarray(from, to),
      rowOffset: from,
      blockRows: this.blockRows,
    };
  }

  private single(): ShardedKernel {
    return new ShardedKernel([localShardPort(this.shardOf(0, this.households.count, false))], this.regions);
  }

  private build(): ShardedKernel {
    const ranges = shardRanges(this.households.count, 2, this.blockRows);
    const spawn = this.options.spawnShard;
    if (ranges.length < 2 || !spawn) return this.single();
    let worker: ShardWorker;
    try {
      worker = spawn();
    } catch {
      return this.single();
    }
    const [first, second] = ranges;
    let remote: RemoteShardPort;
    try {
      remote = new RemoteShardPort(worker, this.dataOf(second.from, second.to, true), () => this.stopped(worker));
    } catch {
      worker.terminate();
      return this.single();
    }
    this.worker = worker;
    const local = localShardPort(this.shardOf(first.from, first.to, false));
    return new ShardedKernel([local, remote], this.regions);
  }

  private stopped(worker: ShardWorker): void {
    worker.terminate();
    if (this.worker !== worker) return;
    this.worker = null;
    this.kernel = this.single();
  }
}
