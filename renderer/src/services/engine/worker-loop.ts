// The engine worker's message loop, independent of the worker global so tests can drive it: queue incoming
// messages, skip calls superseded in their lane, run one at a time with a macrotask between runs, post results.
import type { HouseholdResult } from '../../../../sim/index.ts';
import { DATASET_FREE, HANDLERS, loadData, NO_DATASET, type EngineData } from './engine-handlers';
import { takeNext, toErrorInfo, transferablesOf, type FromWorker, type ToWorker } from './engine-protocol';

/** Where results go: the worker's postMessage (or a test double). */
export type PostFromWorker = (message: FromWorker, transfer?: Transferable[]) => void;

function transferOf(kind: string, result: unknown): Transferable[] {
  if (kind !== 'householdColumns') return [];
  const columns = result as HouseholdResult;
  return [...transferablesOf(columns), ...transferablesOf(columns.benefit)];
}

/** Creates the loop; returns the function to call with each incoming message. */
export function createWorkerLoop(post: PostFromWorker): (message: ToWorker) => void {
  let data: EngineData | null = null;
  let queue: ToWorker[] = [];
  let scheduled = false;

  const runOne = (message: ToWorker) => {
    const started = performance.now();
    try {
      if (message.type === 'load') {
        const loaded = loadData(message.datasetId, message.households, message.regions);
        data = loaded.data;
        post({ type: 'done', id: message.id, kind: 'load', result: loaded.result, ms: performance.now() - started });
        return;
      }
      if (!data && !DATASET_FREE.has(message.kind)) throw NO_DATASET;
      const handler = HANDLERS[message.kind] as (data: EngineData | null, payload: unknown) => unknown;
      const result = handler(data, message.payload);
      const ms = performance.now() - started;
      post({ type: 'done', id: message.id, kind: message.kind, result, ms }, transferOf(message.kind, result));
    } catch (error) {
      post({ type: 'failed', id: message.id, error: toErrorInfo(error) });
    }
  };

  const drain = () => {
    scheduled = false;
    const { next, dropped, rest } = takeNext(queue);
    queue = rest;
    for (const id of dropped) post({ type: 'superseded', id });
    if (next) runOne(next);
    if (queue.length > 0) schedule();
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // A macrotask between runs lets newer messages arrive first, so superseded calls are skipped, not run.
    setTimeout(drain, 0);
  };

  return (message) => {
    queue.push(message);
    schedule();
  };
}
