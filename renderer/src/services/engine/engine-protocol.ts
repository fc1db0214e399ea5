// The typed message protocol between the renderer and the engine worker, plus the pure scheduling rules both sides
// use: latest-request-wins per lane (a newer request in a lane supersedes older queued ones; results of superseded
// requests are dropped), and the error shape. No DOM, no worker globals: unit-tested directly.
import type { HouseholdArrays, RegionArrays } from '../../../../sim/index.ts';
import type { EngineCalls } from './engine-calls.ts';

/** A bilingual error message, as every user-facing error in the workbench. */
export interface EngineErrorInfo {
  messageZh: string;
  messageEn: string;
  /** Field paths for scenario validation errors. */
  paths?: string[];
}

/** The engine operations (request payload → result), defined in engine-calls.ts. */
export type EngineKind = keyof EngineCalls;

/** A request from the client: id (unique per client), lane (latest wins within a lane), kind and payload. */
export type EngineRequest = {
  [K in EngineKind]: { type: 'call'; id: number; lane: string; kind: K; payload: EngineCalls[K]['request'] };
}[EngineKind];

/** Hands the dataset's arrays to the worker once (buffers transferred, not cloned). */
export interface LoadDatasetMessage {
  type: 'load';
  id: number;
  datasetId: string;
  households: HouseholdArrays;
  regions: RegionArrays;
  /** Start the kernel's shard worker now (the worker answering year and project calls), not on the first call. */
  prepareKernel?: boolean;
}

/** Every message the client sends. */
export type ToWorker = EngineRequest | LoadDatasetMessage;

/** Every message the worker sends back. */
export type FromWorker =
  | { type: 'done'; id: number; kind: EngineKind | 'load'; result: unknown; ms: number }
  | { type: 'superseded'; id: number }
  | { type: 'failed'; id: number; error: EngineErrorInfo }
  | { type: 'progress'; id: number; fraction: number };

/**
 * Picks the next request to run from a queue (oldest first) and the requests it supersedes: any queued call that has
 * a newer call in the same lane is dropped. Loads are never dropped and run in order. Mutates nothing.
 */
export function takeNext(queue: readonly ToWorker[]): { next: ToWorker | null; dropped: number[]; rest: ToWorker[] } {
  const latestInLane = new Map<string, number>();
  for (const message of queue) if (message.type === 'call') latestInLane.set(message.lane, message.id);
  const dropped: number[] = [];
  const kept: ToWorker[] = [];
  for (const message of queue) {
    if (message.type === 'call' && latestInLane.get(message.lane) !== message.id) dropped.push(message.id);
    else kept.push(message);
  }
  const [next = null, ...rest] = kept;
  return { next, dropped, rest };
}

/** Client-side bookkeeping of the newest request id per lane: a response to an older id is stale and dropped. */
export class LaneTracker {
  private readonly latest = new Map<string, number>();

  /** Records a new request in a lane. */
  issue(lane: string, id: number): void {
    this.latest.set(lane, id);
  }

  /** True when `id` is still the newest request of `lane`. */
  isCurrent(lane: string, id: number): boolean {
    return this.latest.get(lane) === id;
  }
}

/** Collects every ArrayBuffer behind the typed arrays of an object (one level deep), for a transfer list. */
export function transferablesOf(value: object): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const field of Object.values(value)) {
    if (ArrayBuffer.isView(field) && field.buffer instanceof ArrayBuffer) buffers.add(field.buffer);
  }
  return [...buffers];
}

/** Turns anything thrown in the worker into a bilingual error value. */
export function toErrorInfo(error: unknown): EngineErrorInfo {
  if (error && typeof error === 'object' && 'messageZh' in error && 'messageEn' in error) {
    const { messageZh, messageEn, paths } = error as EngineErrorInfo;
    const info: EngineErrorInfo = { messageZh: String(messageZh), messageEn: String(messageEn) };
    if (Array.isArray(paths) && paths.length > 0) info.paths = paths.map(String);
    return info;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { messageZh: `计算引擎出错：${detail}`, messageEn: `the simulation engine failed: ${detail}` };
}
