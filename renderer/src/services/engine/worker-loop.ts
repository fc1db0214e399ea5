// The engine worker's message loop, independent of the worker global so tests can drive it: queue incoming
// messages, skip calls superseded in their lane, run one at a time (awaiting the sharded kernel's calls before the
// next) with a macrotask between runs, post results.
import type { HouseholdResult } from '../../../../sim/index.ts';
import { DATASET_FREE, HANDLERS, loadData, NO_DATASET, type EngineData } from './engine-handlers.ts';
import type { EngineKernelOptions } from './engine-kernel.ts';
import { takeNext, toErrorInfo, transferablesOf, type FromWorker, type ToWorker } from './engine-protocol.ts';

/** Where results go: the worker's postMessage (or a test double). */
export type PostFromWorker = (message: FromWorker, transfer?: Transferable[]) => void;

function transferOf(kind: string, result: unknown): Transferable[] {
  if (kind !== 'householdColumns') return [];
  const columns = result as HouseholdResult;
  return [...transferablesOf(columns), ...transferablesOf(columns.benefit)];
}

type AnyHandler = (data: EngineData | null, payload: unknown) => unknown;

/**
 * Creates the loop; returns the function to call with each incoming message. `kernel` says how each loaded dataset's
 * kernel may split its rows (the worker passes a shard worker factory when it can start nested workers).
 */
export function createWorkerLoop(post: PostFromWorker, kernel: EngineKernelOptions = {}): (message: ToWorker) => void {
  let data: EngineData | null = null;
  let queue: ToWorker[] = [];
  let scheduled = false;
  let running = false;

  const runOne = async (message: ToWorker) => {
    const started = performance.now();
    try {
      if (message.type === 'load') {
        // The old dataset's shard worker goes with it.
        data?.kernel.dispose();
        data = null;
        const loaded = loadData(message.datasetId, message.households, message.regions, kernel);
        data = loaded.data;
        post({ type: 'done', id: message.id, kind: 'load', result: loaded.result, ms: performance.now() - started });
        // After answering, so the hand-off does not wait for the copy; the first year then finds the shard ready.
        if (message.prepareKernel) data.kernel.prepare();
        return;
      }
      if (!data && !DATASET_FREE.has(message.kind)) throw NO_DATASET;
      const result = await (HANDLERS[message.kind] as AnyHandler)(data, message.payload);
      const ms = performance.now() - started;
      post({ type: 'done', id: message.id, kind: message.kind, result, ms }, transferOf(message.kind, result));
    } catch (error) {
      post({ type: 'failed', id: message.id, error: toErrorInfo(error) });
    }
  };

  const drain = async () => {
    scheduled = false;
    const { next, dropped, rest } = takeNext(queue);
    queue = rest;
    for (const id of dropped) post({ type: 'superseded', id });
    if (next) {
      running = true;
      await runOne(next);
      running = false;
    }
    if (queue.length > 0) schedule();
  };

  const schedule = () => {
    // While a call runs, new messages only queue up; the run's end schedules the next drain.
    if (scheduled || running) return;
    scheduled = true;
    // A macrotask between runs lets newer messages arrive first, so superseded calls are skipped, not run.
    setTimeout(() => void drain(), 0);
  };

  return (message) => {
    queue.push(message);
    schedule();
  };
}
