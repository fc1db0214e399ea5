// The engine client: owns the simulation worker (and a second one for Monte Carlo), hands it the dataset's typed
// arrays once (transferred), sends calls with latest-request-wins per lane, drops stale results, times every run,
// and restarts a crashed worker (reloading the dataset through the registered source) while reporting the error.
import type { HouseholdArrays, RegionArrays } from '../../../../sim/index.ts';
import type { JsonValue } from '../../../../contract/host-api.ts';
import type { EngineCalls, LoadResult, McResult, ProjectionMcResult } from './engine-calls.ts';
import {
  LaneTracker,
  transferablesOf,
  type EngineErrorInfo,
  type EngineKind,
  type FromWorker,
  type ToWorker,
} from './engine-protocol.ts';
import { WorkbenchError } from '../../../../sim/index.ts';

/** Outcome of a call: done (with the worker's run time and the round trip), or superseded by a newer call. */
export type EngineOutcome<R> =
  { status: 'done'; result: R; ms: number; roundTripMs: number } | { status: 'superseded' };

/** A failed engine call: bilingual message (and field paths for invalid scenarios). */
export class EngineError extends WorkbenchError {
  constructor(info: EngineErrorInfo) {
    super(info, 'engine');
    this.name = 'EngineError';
  }
}

/** A dataset's arrays, produced on demand (from DuckDB) so a restarted worker can be reloaded. */
export type DatasetSource = () => Promise<{ households: HouseholdArrays; regions: RegionArrays }>;

/** Events the client reports (the engine store listens). */
export interface EngineEvents {
  onRun?: (run: { kind: EngineKind | 'load'; ms: number; roundTripMs: number }) => void;
  onBusy?: (busy: boolean) => void;
  onCrash?: (error: EngineErrorInfo) => void;
  onRestarted?: () => void;
}

interface Pending {
  lane: string;
  kind: EngineKind | 'load';
  sentAt: number;
  resolve: (outcome: EngineOutcome<unknown>) => void;
  reject: (error: EngineError) => void;
  onProgress?: (fraction: number) => void;
}

/** Progress and cancellation of a run split into chunks. */
export interface ChunkOptions {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** Creates a worker; replaced in tests. */
export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'safetynet-engine' });

const CRASHED: EngineErrorInfo = {
  code: 'engine-crashed',
  messageZh: '计算引擎意外停止，已自动重启；请重试刚才的操作。',
  messageEn: 'The simulation engine stopped unexpectedly and was restarted; please retry the last action.',
};

/** One worker with its pending calls. */
class WorkerChannel {
  private worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly lanes = new LaneTracker();
  datasetId: string | null = null;

  constructor(
    private readonly factory: WorkerFactory,
    private readonly nextId: () => number,
    private readonly events: EngineEvents,
    private readonly onCrash: (channel: WorkerChannel) => void,
    /** Answers year and project calls: its datasets start their shard worker on load. */
    private readonly interactive: boolean,
  ) {
    this.worker = this.start();
  }

  private start(): Worker {
    const worker = this.factory();
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.crash();
    };
    worker.onmessageerror = () => this.crash();
    return worker;
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  private crash(): void {
    const error = new EngineError(CRASHED);
    for (const entry of this.pending.values()) entry.reject(error);
    this.pending.clear();
    this.worker.terminate();
    this.datasetId = null;
    this.worker = this.start();
    this.events.onBusy?.(false);
    this.events.onCrash?.(CRASHED);
    this.onCrash(this);
  }

  private receive(message: FromWorker): void {
    const entry = this.pending.get(message.id);
    if (!entry) return;
    if (message.type === 'progress') {
      entry.onProgress?.(message.fraction);
      return;
    }
    this.pending.delete(message.id);
    if (!this.busy) this.events.onBusy?.(false);
    if (message.type === 'failed') {
      entry.reject(new EngineError(message.error));
      return;
    }
    if (message.type === 'superseded' || !this.lanes.isCurrent(entry.lane, message.id)) {
      entry.resolve({ status: 'superseded' });
      return;
    }
    const roundTripMs = performance.now() - entry.sentAt;
    this.events.onRun?.({ kind: entry.kind, ms: message.ms, roundTripMs });
    entry.resolve({ status: 'done', result: message.result, ms: message.ms, roundTripMs });
  }

  send<R>(message: ToWorker, lane: string, onProgress?: (fraction: number) => void): Promise<EngineOutcome<R>> {
    return new Promise<EngineOutcome<R>>((resolve, reject) => {
      const kind = message.type === 'call' ? message.kind : 'load';
      this.lanes.issue(lane, message.id);
      this.pending.set(message.id, {
        lane,
        kind,
        sentAt: performance.now(),
        resolve: resolve as (outcome: EngineOutcome<unknown>) => void,
        reject,
        onProgress,
      });
      this.events.onBusy?.(true);
      const transfer =
        message.type === 'load' ? [...transferablesOf(message.households), ...transferablesOf(message.regions)] : [];
      this.worker.postMessage(message, transfer);
    });
  }

  load(datasetId: string, households: HouseholdArrays, regions: RegionArrays): Promise<EngineOutcome<LoadResult>> {
    this.datasetId = datasetId;
    const id = this.nextId();
    const message: ToWorker = { type: 'load', id, datasetId, households, regions, prepareKernel: this.interactive };
    return this.send<LoadResult>(message, `load:${id}`);
  }

  terminate(): void {
    this.worker.terminate();
    this.pending.clear();
  }
}

/** The simulation engine as the UI sees it: typed calls, latest wins per lane, never blocking the main thread. */
export class EngineClient {
  private counter = 0;
  private readonly primary: WorkerChannel;
  private secondary: WorkerChannel | null = null;
  /** The second worker's dataset load, per dataset (see `ensureSecondary`). */
  private secondaryReady: { datasetId: string; channel: Promise<WorkerChannel> } | null = null;
  private source: { datasetId: string; load: DatasetSource } | null = null;

  constructor(
    private readonly events: EngineEvents = {},
    private readonly factory: WorkerFactory = defaultFactory,
  ) {
    this.primary = new WorkerChannel(
      factory,
      () => this.nextId(),
      events,
      (channel) => void this.reload(channel),
      true,
    );
  }

  private nextId(): number {
    this.counter += 1;
    return this.counter;
  }

  /** Id of the dataset the engine holds, or null. */
  get datasetId(): string | null {
    return this.primary.datasetId;
  }

  /** Hands a dataset to the engine: arrays are TRANSFERRED (unusable here afterwards). `source` rebuilds them after a crash. */
  async loadDataset(
    datasetId: string,
    households: HouseholdArrays,
    regions: RegionArrays,
    source?: DatasetSource,
  ): Promise<LoadResult & { ms: number; roundTripMs: number }> {
    this.source = source ? { datasetId, load: source } : null;
    this.secondary?.terminate();
    this.secondary = null;
    this.secondaryReady = null;
    const outcome = await this.primary.load(datasetId, households, regions);
    if (outcome.status !== 'done')
      throw new EngineError({ messageZh: '数据加载被取消', messageEn: 'dataset load was cancelled' });
    return { ...outcome.result, ms: outcome.ms, roundTripMs: outcome.roundTripMs };
  }

  private async reload(channel: WorkerChannel): Promise<void> {
    if (!this.source) return;
    const { datasetId, load } = this.source;
    const { households, regions } = await load();
    await channel.load(datasetId, households, regions);
    this.events.onRestarted?.();
  }

  /** Sends one call; a newer call in the same lane (default: the kind) supersedes it. */
  call<K extends EngineKind>(
    kind: K,
    payload: EngineCalls[K]['request'],
    options: { lane?: string; onProgress?: (fraction: number) => void } = {},
  ): Promise<EngineOutcome<EngineCalls[K]['response']>> {
    const lane = options.lane ?? kind;
    const id = this.nextId();
    const message = { type: 'call', id, lane, kind, payload } as ToWorker;
    return this.primary.send<EngineCalls[K]['response']>(message, lane, options.onProgress);
  }

  /**
   * Runs N Monte Carlo replications in chunks shared between the two workers, reporting the share done after each
   * chunk and stopping between chunks when `signal` is aborted (outcome 'superseded'); the chunks are merged into
   * percentiles. Replication r is the same draw whichever worker or chunk runs it, so results do not depend on the
   * split.
   */
  async monteCarlo(
    scenario: JsonValue,
    replications: number,
    seed?: number,
    options: ChunkOptions = {},
  ): Promise<EngineOutcome<McResult>> {
    const started = performance.now();
    const run = await this.inChunks(
      'replications',
      replications,
      (from, to) => ({ scenario, from, to, seed }),
      options,
    );
    if (run === null) return { status: 'superseded' };
    const merged = await this.call('summariseReplications', { parts: run.parts, scenario });
    if (merged.status !== 'done') return merged;
    return { ...merged, ms: run.ms + merged.ms, roundTripMs: performance.now() - started };
  }

  /**
   * Monte Carlo over a scenario's whole projection (`years` after its start year), N replications in chunks shared
   * between the two workers like `monteCarlo` (the same bits whatever the split), merged into per-year percentile
   * tables suppressed below `minCell` (default: the scenario's).
   */
  async projectionMonteCarlo(
    scenario: JsonValue,
    years: number,
    replications: number,
    options: ChunkOptions & { seed?: number; minCell?: number } = {},
  ): Promise<EngineOutcome<ProjectionMcResult>> {
    const started = performance.now();
    const { seed, minCell } = options;
    const run = await this.inChunks(
      'projectionReplications',
      replications,
      (from, to) => ({ scenario, years, from, to, seed }),
      options,
    );
    if (run === null) return { status: 'superseded' };
    const merged = await this.call('summariseProjectionReplications', { parts: run.parts, scenario, minCell });
    if (merged.status !== 'done') return merged;
    return { ...merged, ms: run.ms + merged.ms, roundTripMs: performance.now() - started };
  }

  /**
   * Runs replication ranges [from, to) of N in chunks on both workers (each takes the next chunk when done), in lanes
   * `<kind>-<worker>`. The primary starts at once; the second worker joins when its copy of the dataset is loaded
   * (the first run after a load would otherwise wait for it). Returns the parts in range order and the busier worker's
   * time, or null when superseded or aborted between chunks.
   */
  private async inChunks<K extends 'replications' | 'projectionReplications'>(
    kind: K,
    replications: number,
    payloadOf: (from: number, to: number) => EngineCalls[K]['request'],
    options: ChunkOptions,
  ): Promise<{ parts: EngineCalls[K]['response'][]; ms: number } | null> {
    const chunk = Math.max(1, Math.min(25, Math.ceil(replications / 8)));
    const ranges: [number, number][] = [];
    for (let from = 0; from < replications; from += chunk) ranges.push([from, Math.min(replications, from + chunk)]);
    const parts: EngineCalls[K]['response'][] = new Array(ranges.length);
    let next = 0;
    let done = 0;
    let secondaryBusy = false;
    const workerMs = [0, 0];
    const runOn = async (worker: 0 | 1, channel?: WorkerChannel): Promise<boolean> => {
      while (next < ranges.length) {
        if (options.signal?.aborted) break;
        const index = next++;
        const [from, to] = ranges[index];
        const lane = `${kind}-${worker}`;
        const payload = payloadOf(from, to);
        if (channel) secondaryBusy = true;
        const outcome = channel
          ? await channel
              .send<EngineCalls[K]['response']>(
                { type: 'call', id: this.nextId(), lane, kind, payload } as ToWorker,
                lane,
              )
              .finally(() => {
                secondaryBusy = false;
              })
          : await this.call(kind, payload, { lane });
        if (outcome.status !== 'done') break;
        parts[index] = outcome.result;
        workerMs[worker] += outcome.ms;
        done += to - from;
        options.onProgress?.(done / replications);
      }
      if (next < ranges.length) {
        // Stopped (aborted or superseded): the other worker takes no further chunk.
        next = ranges.length;
        return false;
      }
      return true;
    };
    const secondary = this.ensureSecondary().then((channel) => (channel ? runOn(1, channel) : true));
    // A load failure after the primary has run every chunk is not this run's: the crash handler reports it.
    secondary.catch(() => undefined);
    const primaryFinished = await runOn(0);
    // Wait for the second worker only while it holds a chunk (or chunks are left when the primary stopped).
    const secondaryFinished = secondaryBusy || next < ranges.length ? await secondary : true;
    if (!primaryFinished || !secondaryFinished || options.signal?.aborted || done < replications) return null;
    return { parts, ms: Math.max(...workerMs) };
  }

  /**
   * The second worker with the primary's dataset: started and loaded once per dataset (a run that asks while it is
   * loading shares the same load).
   */
  private ensureSecondary(): Promise<WorkerChannel | null> {
    const datasetId = this.primary.datasetId;
    const source = this.source;
    if (!datasetId || !source) return Promise.resolve(null);
    if (this.secondaryReady?.datasetId === datasetId) return this.secondaryReady.channel;
    this.secondary?.terminate();
    const channel = new WorkerChannel(
      this.factory,
      () => this.nextId(),
      {},
      (crashed) => void this.reload(crashed),
      false,
    );
    this.secondary = channel;
    const ready = (async () => {
      const { households, regions } = await source.load();
      await channel.load(datasetId, households, regions);
      return channel;
    })();
    this.secondaryReady = { datasetId, channel: ready };
    ready.catch(() => {
      if (this.secondaryReady?.channel === ready) this.secondaryReady = null;
    });
    return ready;
  }

  /** Stops both workers. */
  dispose(): void {
    this.primary.terminate();
    this.secondary?.terminate();
  }
}
