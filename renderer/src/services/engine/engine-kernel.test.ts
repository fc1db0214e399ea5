// Tests of the engine worker's kernel: year and project over two shards (the second in a shard worker, here the real
// shard host in-process) give the same bits as one shard in the thread; one block, or no worker, runs in the thread;
// a shard worker that dies fails the call in flight with the bilingual error and the dataset continues on one shard.
import { describe, expect, it } from 'vitest';
import { BLOCK_ROWS } from '../../../../sim/index.ts';
import { syntheticHouseholds, syntheticRegions, SHARDING_SCENARIO } from '../../../../sim/testing/index.ts';
import { HANDLERS, loadData } from './engine-handlers.ts';
import { SHARD_STOPPED, type ShardWorkerFactory } from './engine-kernel.ts';
import { toErrorInfo } from './engine-protocol.ts';
import { InProcessShardWorker } from './in-process-shard-worker.ts';
import type { JsonValue } from '../../../../contract/host-api.ts';

const regions = syntheticRegions(5, 3);
const rows = 3500;
const blockRows = 1000;

/** The scenario as the document the engine worker receives. */
const scenario = JSON.parse(JSON.stringify(SHARDING_SCENARIO)) as JsonValue;
const raise = (pct: number) => ({ schemaVersion: 1, name: `+${pct}%`, params: { standard: { scalePct: pct } } });

function spawner() {
  const workers: InProcessShardWorker[] = [];
  const spawnShard: ShardWorkerFactory = () => {
    const worker = new InProcessShardWorker();
    workers.push(worker);
    return worker;
  };
  return { workers, spawnShard };
}

/** The same households, with or without a shard worker. */
function datasets(n = rows, options: { blockRows?: number } = { blockRows }) {
  const households = () => syntheticHouseholds(n, regions, 9, 0.35);
  const { workers, spawnShard } = spawner();
  return {
    workers,
    two: loadData('d', households(), regions, { ...options, spawnShard }).data,
    one: loadData('d', households(), regions, options).data,
  };
}

describe('engine kernel', () => {
  it('gives year results over two shards that equal one shard in the thread, bit for bit', async () => {
    const { workers, two, one } = datasets();
    const sharded = await HANDLERS.year(two, { scenario });
    expect(two.kernel.shards).toBe(2);
    expect(workers).toHaveLength(1);
    const local = await HANDLERS.year(one, { scenario });
    expect(one.kernel.shards).toBe(1);
    expect(sharded.scenario).toEqual(local.scenario);
    expect(sharded.baseline).toEqual(local.baseline);
    expect(sharded.delta).toEqual(local.delta);
    expect(await HANDLERS.year(one, { scenario })).toEqual({ ...local, baselineCached: true });
    // The baseline is cached per dataset as before: a second scenario runs only itself.
    const again = await HANDLERS.year(two, { scenario: raise(30) });
    expect(again.baselineCached).toBe(true);
    expect(again.scenario).toEqual((await HANDLERS.year(one, { scenario: raise(30) })).scenario);
  });

  it('sends the shard worker a copy of its rows and keeps the full arrays for the other calls', async () => {
    const { workers, two } = datasets();
    await HANDLERS.year(two, { scenario });
    const init = workers[0].received[0];
    if (init.type !== 'init') throw new Error('the shard worker first gets its rows');
    // Four blocks of 1,000 rows: the worker holds the last two (rows 2,000 … 3,500).
    expect(init.data.rowOffset).toBe(2000);
    expect(init.data.households.count).toBe(1500);
    expect(Array.from(init.data.decile)).toEqual(Array.from(two.decile.slice(2000)));
    expect(two.households.count).toBe(rows);
    expect(two.households.weight.byteLength).toBe(rows * 8);
    expect(workers[0].received.filter((m) => m.type === 'request').length).toBeGreaterThan(0);
  });

  it('projects several scenarios over two shards exactly as in the thread', async () => {
    const { two, one } = datasets();
    const payload = { scenarios: [scenario, raise(20)], years: 2 };
    const sharded = await HANDLERS.project(two, payload);
    const local = await HANDLERS.project(one, payload);
    expect(sharded).toHaveLength(2);
    expect(sharded[0].years).toHaveLength(3);
    expect(sharded).toEqual(local);
    expect(await HANDLERS.project(one, payload)).toEqual(local);
  });

  it('runs in the thread when the dataset is one block or no shard worker can start', async () => {
    const small = datasets(rows, {});
    await HANDLERS.year(small.two, { scenario });
    expect(small.two.kernel.shards).toBe(1);
    expect(small.workers).toHaveLength(0);
    const { one } = datasets();
    const refused = loadData('d', syntheticHouseholds(rows, regions, 9, 0.35), regions, {
      blockRows,
      spawnShard: () => {
        throw new Error('Worker is not defined');
      },
    }).data;
    const result = await HANDLERS.year(refused, { scenario });
    expect(refused.kernel.shards).toBe(1);
    expect(result.scenario).toEqual((await HANDLERS.year(one, { scenario })).scenario);
  });

  it('splits a dataset of more than one real block into two shards with the default block size', async () => {
    const { workers, two, one } = datasets(BLOCK_ROWS + 5000, {});
    const sharded = await HANDLERS.year(two, { scenario });
    expect(two.kernel.shards).toBe(2);
    const init = workers[0].received[0];
    expect(init.type === 'init' && init.data.rowOffset).toBe(BLOCK_ROWS);
    expect(sharded.scenario).toEqual((await HANDLERS.year(one, { scenario })).scenario);
  }, 60_000);

  it('fails the call in flight when the shard worker dies, then runs the dataset on one shard', async () => {
    const { workers, two, one } = datasets();
    const first = Promise.resolve(HANDLERS.year(two, { scenario }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    workers[0].hold();
    workers[0].crash();
    const error = await first.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(toErrorInfo(error)).toEqual(SHARD_STOPPED);
    expect(workers[0].terminated).toBe(true);
    const after = await HANDLERS.year(two, { scenario });
    expect(two.kernel.shards).toBe(1);
    expect(workers).toHaveLength(1);
    expect(after.scenario).toEqual((await HANDLERS.year(one, { scenario })).scenario);
    // The failed call cached nothing half-done: the baseline equals the single-thread one.
    expect(after.baseline).toEqual((await HANDLERS.year(one, { scenario })).baseline);
  });

  it('falls back quietly when the shard worker dies between calls or refuses its rows', async () => {
    const idle = datasets();
    await HANDLERS.year(idle.two, { scenario: raise(5) });
    idle.workers[0].crash();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(idle.workers[0].terminated).toBe(true);
    const after = await HANDLERS.project(idle.two, { scenarios: [scenario], years: 1 });
    expect(idle.two.kernel.shards).toBe(1);
    expect(after).toEqual(await HANDLERS.project(idle.one, { scenarios: [scenario], years: 1 }));

    const refusing = new InProcessShardWorker({ refuseRows: true });
    const data = loadData('d', syntheticHouseholds(rows, regions, 9, 0.35), regions, {
      blockRows,
      spawnShard: () => refusing,
    }).data;
    await expect(HANDLERS.year(data, { scenario })).rejects.toMatchObject({
      messageEn: SHARD_STOPPED.messageEn,
    });
    expect(refusing.terminated).toBe(true);
    expect((await HANDLERS.year(data, { scenario })).scenario).toEqual(
      (await HANDLERS.year(idle.one, { scenario })).scenario,
    );
  });

  it('stops the shard worker when the dataset is disposed', async () => {
    const { workers, two } = datasets();
    await HANDLERS.year(two, { scenario });
    two.kernel.dispose();
    expect(workers[0].terminated).toBe(true);
  });
});
