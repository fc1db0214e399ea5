// The simulation worker: holds the dataset's typed arrays (received once, transferred), queues calls, skips calls
// superseded by a newer one in the same lane, runs the engine and posts small results back with their run time.
import { HANDLERS, DATASET_FREE, loadData, NO_DATASET, type EngineData } from './engine-handlers';
import { takeNext, toErrorInfo, transferablesOf, type FromWorker, type ToWorker } from './engine-protocol';
import type { HouseholdResult } from '../../../../sim/index.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let data: EngineData | null = null;
let queue: ToWorker[] = [];
let scheduled = false;

function transferOf(kind: string, result: unknown): Transferable[] {
  if (kind !== 'householdColumns') return [];
  const columns = result as HouseholdResult;
  return [...transferablesOf(columns), ...transferablesOf(columns.benefit)];
}

function runOne(message: ToWorker): void {
  const started = performance.now();
  try {
    if (message.type === 'load') {
      const loaded = loadData(message.datasetId, message.households, message.regions);
      data = loaded.data;
      scope.postMessage({
        type: 'done',
        id: message.id,
        kind: 'load',
        result: loaded.result,
        ms: performance.now() - started,
      });
      return;
    }
    if (!data && !DATASET_FREE.has(message.kind)) throw NO_DATASET;
    const handler = HANDLERS[message.kind] as (data: EngineData | null, payload: unknown) => unknown;
    const result = handler(data, message.payload);
    const ms = performance.now() - started;
    scope.postMessage(
      { type: 'done', id: message.id, kind: message.kind, result, ms },
      transferOf(message.kind, result),
    );
  } catch (error) {
    scope.postMessage({ type: 'failed', id: message.id, error: toErrorInfo(error) });
  }
}

function drain(): void {
  scheduled = false;
  const { next, dropped, rest } = takeNext(queue);
  queue = rest;
  for (const id of dropped) scope.postMessage({ type: 'superseded', id });
  if (next) runOne(next);
  if (queue.length > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  // A macrotask between runs lets newer messages arrive first, so superseded calls are skipped, not run.
  setTimeout(drain, 0);
}

scope.onmessage = (event) => {
  queue.push(event.data);
  schedule();
};
