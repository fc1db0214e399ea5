// Tests of the engine worker's loop with calls that await the shard worker: one call at a time (the next starts only
// after the previous answered), superseded calls skipped, a shard failure reported as the call's bilingual error, and
// a new dataset stopping the old dataset's shard worker.
import { describe, expect, it } from 'vitest';
import { syntheticHouseholds, syntheticRegions } from '../../../../sim/testing/index.ts';
import { HANDLERS, loadData } from './engine-handlers.ts';
import { SHARD_STOPPED } from './engine-kernel.ts';
import type { FromWorker, ToWorker } from './engine-protocol.ts';
import { InProcessShardWorker } from './in-process-shard-worker.ts';
import { createWorkerLoop } from './worker-loop.ts';

const regions = syntheticRegions(4, 6);
const blockRows = 1000;
const households = () => syntheticHouseholds(3200, regions, 3, 0.3);
const raise = (pct: number) => ({ schemaVersion: 1, name: `+${pct}%`, params: { standard: { scalePct: pct } } });

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function until(condition: () => boolean): Promise<void> {
  for (let k = 0; k < 2000 && !condition(); k += 1) await tick();
  if (!condition()) throw new Error('condition not reached');
}

function setup() {
  const posts: FromWorker[] = [];
  const workers: InProcessShardWorker[] = [];
  const receive = createWorkerLoop((message) => posts.push(message), {
    blockRows,
    spawnShard: () => {
      const worker = new InProcessShardWorker();
      workers.push(worker);
      return worker;
    },
  });
  let id = 0;
  const send = (message: (id: number) => ToWorker): number => {
    id += 1;
    receive(message(id));
    return id;
  };
  const load = (datasetId: string, prepareKernel?: boolean) =>
    send((id) => ({ type: 'load', id, datasetId, households: households(), regions, prepareKernel }));
  const year = (pct: number, lane = 'year') =>
    send((id) => ({ type: 'call', id, lane, kind: 'year', payload: { scenario: raise(pct) } }));
  const outcome = (callId: number) => posts.find((p) => p.id === callId);
  return { posts, workers, load, year, outcome };
}

describe('engine worker loop with a shard worker', () => {
  it('runs one call at a time and skips calls superseded while one was running', async () => {
    const { posts, workers, load, year, outcome } = setup();
    const loaded = load('d1');
    await until(() => outcome(loaded) !== undefined);
    const first = year(1);
    await until(() => workers.length === 1 && workers[0].received.some((m) => m.type === 'request'));
    workers[0].hold();
    const superseded = year(2);
    const latest = year(3);
    const otherLane = year(4, 'panel');
    for (let k = 0; k < 20; k += 1) await tick();
    // The first call still waits for its shard: nothing else started or finished meanwhile.
    const requestsWhileHeld = workers[0].received.filter((m) => m.type === 'request').length;
    expect(posts.map((p) => p.id)).toEqual([loaded]);
    workers[0].release();
    await until(() => outcome(latest) !== undefined && outcome(otherLane) !== undefined);
    // Its baseline and its scenario; a second call running alongside would have sent more.
    expect(requestsWhileHeld).toBe(2);
    expect(outcome(first)?.type).toBe('done');
    expect(outcome(superseded)?.type).toBe('superseded');
    // Posts in run order: each call finished before the next one's answer.
    expect(posts.map((p) => `${p.id}:${p.type}`)).toEqual([
      `${loaded}:done`,
      `${first}:done`,
      `${superseded}:superseded`,
      `${latest}:done`,
      `${otherLane}:done`,
    ]);
    const done = outcome(latest);
    const reference = await HANDLERS.year(loadData('d1', households(), regions, { blockRows }).data, {
      scenario: raise(3),
    });
    if (done?.type !== 'done') throw new Error('expected a result');
    expect(done.result).toMatchObject({ scenarioName: '+3%', baselineCached: true });
    expect((done.result as typeof reference).scenario).toEqual(reference.scenario);
  });

  it('fails the running call with the bilingual error when the shard worker dies, then answers on one shard', async () => {
    const { workers, load, year, outcome } = setup();
    const loaded = load('d1');
    await until(() => outcome(loaded) !== undefined);
    const first = year(1);
    await until(() => workers.length === 1 && workers[0].received.some((m) => m.type === 'request'));
    workers[0].hold();
    workers[0].crash();
    await until(() => outcome(first) !== undefined);
    expect(outcome(first)).toEqual({ type: 'failed', id: first, error: SHARD_STOPPED });
    const next = year(2);
    await until(() => outcome(next) !== undefined);
    const done = outcome(next);
    if (done?.type !== 'done') throw new Error('expected a result after the fallback');
    const reference = await HANDLERS.year(loadData('d1', households(), regions, { blockRows }).data, {
      scenario: raise(2),
    });
    expect(done.result).toEqual(reference);
    expect(workers).toHaveLength(1);
  });

  it('stops the old dataset’s shard worker when a new dataset is loaded', async () => {
    const { workers, load, year, outcome } = setup();
    load('d1');
    const first = year(1);
    await until(() => outcome(first) !== undefined);
    expect(workers[0].terminated).toBe(false);
    const second = load('d2');
    await until(() => outcome(second) !== undefined);
    expect(workers[0].terminated).toBe(true);
    const after = year(5);
    await until(() => outcome(after) !== undefined);
    expect(outcome(after)).toMatchObject({ type: 'done', result: { datasetId: 'd2' } });
    expect(workers).toHaveLength(2);
  });

  it('starts the shard worker on load when asked (the interactive worker), otherwise on the first year', async () => {
    const prepared = setup();
    const loaded = prepared.load('d1', true);
    await until(() => prepared.outcome(loaded) !== undefined);
    expect(prepared.workers).toHaveLength(1);
    expect(prepared.workers[0].received.map((m) => m.type)).toEqual(['init']);
    const first = prepared.year(1);
    await until(() => prepared.outcome(first) !== undefined);
    expect(prepared.workers).toHaveLength(1);

    const lazy = setup();
    const lazyLoaded = lazy.load('d1');
    await until(() => lazy.outcome(lazyLoaded) !== undefined);
    expect(lazy.workers).toHaveLength(0);
    const lazyFirst = lazy.year(1);
    await until(() => lazy.outcome(lazyFirst) !== undefined);
    expect(lazy.workers).toHaveLength(1);
    const a = prepared.outcome(first);
    const b = lazy.outcome(lazyFirst);
    if (a?.type !== 'done' || b?.type !== 'done') throw new Error('expected two results');
    expect(b.result).toEqual(a.result);
  });
});
