// Tests of the engine client against the real worker loop run in-process (a Worker stand-in that structured-clones
// messages like the browser does): latest request wins, stale answers dropped, crash → error → restart and reload.
import { describe, expect, it, vi } from 'vitest';
import { syntheticHouseholds, syntheticRegions } from '../../../../sim/testing/index.ts';
import { EngineClient, EngineError, type WorkerFactory } from './engine-client.ts';
import { createWorkerLoop } from './worker-loop.ts';
import type { FromWorker, ToWorker } from './engine-protocol.ts';

/** An in-process Worker: messages are cloned (as postMessage does) and delivered on a later task. */
class LoopWorker {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  /** `prepareKernel` of each dataset load this worker got. */
  readonly loads: (boolean | undefined)[] = [];
  /** The kind of each call this worker got. */
  readonly calls: string[] = [];
  private readonly receive = createWorkerLoop((message) => {
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: structuredClone(message) } as MessageEvent<FromWorker>);
    }, 0);
  });
  postMessage(message: ToWorker): void {
    if (this.terminated) return;
    if (message.type === 'load') this.loads.push(message.prepareKernel);
    else this.calls.push(message.kind);
    if (
      (message as { kind?: string }).kind === 'trace' &&
      (message as { payload: { record: unknown } }).payload.record === 'crash'
    ) {
      setTimeout(() => this.onerror?.({ preventDefault: () => undefined } as ErrorEvent), 0);
      return;
    }
    this.receive(structuredClone(message));
  }
  terminate(): void {
    this.terminated = true;
  }
}

function setup() {
  const workers: LoopWorker[] = [];
  const factory: WorkerFactory = () => {
    const worker = new LoopWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  };
  const runs: string[] = [];
  const crashes: string[] = [];
  const client = new EngineClient(
    { onRun: ({ kind }) => runs.push(kind), onCrash: (error) => crashes.push(error.messageEn) },
    factory,
  );
  const regions = syntheticRegions(3, 2);
  const dataset = () => ({ households: syntheticHouseholds(800, regions, 4), regions });
  return { client, workers, runs, crashes, dataset };
}

const raise = (pct: number) => ({ schemaVersion: 1, name: `+${pct}%`, params: { standard: { scalePct: pct } } });

describe('EngineClient', () => {
  it('loads a dataset and answers a year call with timings', async () => {
    const { client, dataset } = setup();
    const { households, regions } = dataset();
    const loaded = await client.loadDataset('d1', households, regions, async () => dataset());
    expect(loaded).toMatchObject({ datasetId: 'd1', households: 800, regions: 3 });
    const outcome = await client.call('year', { scenario: raise(10) });
    expect(outcome.status).toBe('done');
    if (outcome.status === 'done') {
      expect(outcome.result.datasetId).toBe('d1');
      expect(outcome.ms).toBeGreaterThanOrEqual(0);
      expect(outcome.roundTripMs).toBeGreaterThanOrEqual(outcome.ms);
    }
  });

  it('lets only the latest of rapid calls in one lane run; the others report superseded', async () => {
    const { client, dataset, runs } = setup();
    const { households, regions } = dataset();
    await client.loadDataset('d1', households, regions);
    const outcomes = await Promise.all([1, 2, 3, 4, 5].map((pct) => client.call('year', { scenario: raise(pct) })));
    expect(outcomes.slice(0, 4).every((o) => o.status === 'superseded')).toBe(true);
    const last = outcomes[4];
    expect(last.status).toBe('done');
    if (last.status === 'done') expect(last.result.scenarioName).toBe('+5%');
    expect(runs.filter((kind) => kind === 'year')).toHaveLength(1);
  });

  it('keeps calls in different lanes independent', async () => {
    const { client, dataset } = setup();
    const { households, regions } = dataset();
    await client.loadDataset('d1', households, regions);
    const [a, b] = await Promise.all([
      client.call('year', { scenario: raise(1) }, { lane: 'panel-a' }),
      client.call('year', { scenario: raise(2) }, { lane: 'panel-b' }),
    ]);
    expect([a.status, b.status]).toEqual(['done', 'done']);
  });

  it('rejects an invalid scenario with the field path', async () => {
    const { client, dataset } = setup();
    const { households, regions } = dataset();
    await client.loadDataset('d1', households, regions);
    await expect(client.call('year', { scenario: { schemaVersion: 1, name: '' } })).rejects.toMatchObject({
      paths: ['name'],
    });
  });

  it('reports a crash, restarts the worker and reloads the dataset from its source', async () => {
    const { client, dataset, workers, crashes } = setup();
    const { households, regions } = dataset();
    await client.loadDataset('d1', households, regions, async () => dataset());
    const crashed = client.call('trace', { record: 'crash' as never, scenario: raise(1) });
    await expect(crashed).rejects.toBeInstanceOf(EngineError);
    expect(crashes).toHaveLength(1);
    expect(workers[0].terminated).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = await client.call('year', { scenario: raise(3) });
    expect(after.status).toBe('done');
    expect(workers).toHaveLength(2);
  });

  it('splits Monte Carlo replications over two workers and merges them', async () => {
    const { client, dataset, workers } = setup();
    const { households, regions } = dataset();
    await client.loadDataset('d1', households, regions, async () => dataset());
    const outcome = await client.monteCarlo(raise(5), 4, 9);
    expect(outcome.status).toBe('done');
    if (outcome.status === 'done') expect(outcome.result.replications).toBe(4);
    expect(workers).toHaveLength(2);
    // Only the interactive worker splits its kernel on load; the replications worker never runs year or project.
    expect(workers.map((w) => w.loads)).toEqual([[true], [false]]);
  });

  it('splits a projection interval over both workers, bit-identical to one range on one worker', async () => {
    const { client, dataset, workers } = setup();
    const { households, regions } = dataset();
    await client.loadDataset('d1', households, regions, async () => dataset());
    const scenario = { schemaVersion: 1, name: 'p', projection: { startYear: 2024, years: 2, standardPath: 'fixed' } };
    const seen: number[] = [];
    const split = await client.projectionMonteCarlo(scenario, 2, 12, { seed: 3, onProgress: (f) => seen.push(f) });
    // 12 replications in chunks of 2, taken by whichever worker is free: both ran some.
    expect(seen).toHaveLength(6);
    const ran = workers.map((w) => w.calls.filter((kind) => kind === 'projectionReplications').length);
    expect(ran[0]).toBeGreaterThan(0);
    expect(ran[1]).toBeGreaterThan(0);
    expect(ran[0] + ran[1]).toBe(6);
    const whole = await client.call('projectionReplications', { scenario, years: 2, from: 0, to: 12, seed: 3 });
    if (whole.status !== 'done' || split.status !== 'done') throw new Error('a run was superseded');
    const single = await client.call('summariseProjectionReplications', { parts: [whole.result], scenario });
    if (single.status !== 'done') throw new Error('the summary was superseded');
    expect(split.result).toEqual(single.result);
    expect(split.result.replications).toBe(12);
    expect(split.result.years).toEqual([2024, 2025, 2026]);
  });

  it('starts on the primary while the second worker loads, and loads it once for runs that ask meanwhile', async () => {
    const { client, dataset, workers } = setup();
    const { households, regions } = dataset();
    // The second worker's copy of the dataset is held back until both runs are done: they must finish on the primary
    // alone (no run waits for the second worker), whatever the machine's speed.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const heldSource = async () => {
      await held;
      return dataset();
    };
    await client.loadDataset('d1', households, regions, heldSource);
    // A one-year and a projection Monte Carlo at once (different lanes): one second worker, loaded once.
    const scenario = { schemaVersion: 1, name: 'p', projection: { startYear: 2024, years: 1, standardPath: 'fixed' } };
    const [a, b] = await Promise.all([
      client.monteCarlo(raise(5), 6, 9),
      client.projectionMonteCarlo(scenario, 1, 4, { seed: 9 }),
    ]);
    expect(workers).toHaveLength(2);
    expect(workers[1].loads).toEqual([]);
    release();
    await vi.waitFor(() => expect(workers[1].loads).toEqual([false]), { timeout: 60_000 });
    if (a.status !== 'done' || b.status !== 'done') throw new Error('a run was superseded');
    expect(b.result.replications).toBe(4);
    const whole = await client.call('replications', { scenario: raise(5), from: 0, to: 6, seed: 9 });
    if (whole.status !== 'done') throw new Error('superseded');
    const single = await client.call('summariseReplications', { parts: [whole.result], scenario: raise(5) });
    if (single.status !== 'done') throw new Error('superseded');
    expect(a.result).toEqual(single.result);
    // Once loaded, the second worker takes chunks too, and is not loaded again.
    const again = await client.monteCarlo(raise(5), 6, 10);
    expect(again.status).toBe('done');
    expect(workers[1].loads).toEqual([false]);
  });

  it('reports Monte Carlo progress chunk by chunk and stops when cancelled', async () => {
    const { client, dataset } = setup();
    const { households, regions } = dataset();
    await client.loadDataset('d1', households, regions, async () => dataset());
    const seen: number[] = [];
    const outcome = await client.monteCarlo(raise(5), 16, 9, { onProgress: (f) => seen.push(f) });
    expect(outcome.status).toBe('done');
    if (outcome.status === 'done') expect(outcome.result.replications).toBe(16);
    // 16 replications in chunks of 2: eight reports, rising to 1.
    expect(seen.length).toBe(8);
    expect(seen[seen.length - 1]).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    const abort = new AbortController();
    const cancelled = client.monteCarlo(raise(5), 16, 9, {
      signal: abort.signal,
      onProgress: (f) => {
        if (f >= 0.25) abort.abort();
      },
    });
    expect((await cancelled).status).toBe('superseded');
  });
});
