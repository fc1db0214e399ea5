// The sharded kernel gives the same bits whatever the number of shards, agrees with the in-process projection and
// with a plain simulateYear, draws Monte Carlo numbers by global row, and never interleaves queued runs.
import { describe, expect, it } from 'vitest';
import { incomeDeciles } from '../kernel/deciles.ts';
import { M, METRIC_COUNT } from '../kernel/metrics.ts';
import { simulateYear } from '../kernel/simulate-year.ts';
import type { HouseholdState, YearResult } from '../kernel/types.ts';
import type { HouseholdArrays } from '../model/households.ts';
import { LocalKernel } from '../run/local-kernel.ts';
import { resolveScenario } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { syntheticHouseholds, syntheticRegions } from '../testing/synthetic.ts';
import { BLOCK_ROWS, blockRanges, copyHouseholds, shardRanges, sliceHouseholds } from './blocks.ts';
import { KernelShard } from './kernel-shard.ts';
import { ShardedKernel, localShardPort } from './sharded-kernel.ts';
import { SHARDING_SCENARIO } from '../testing/scenarios.ts';

const regions = syntheticRegions(4, 2);

const scenario = SHARDING_SCENARIO;

function kernelOf(h: HouseholdArrays, shards: number, blockRows: number, copy = false): ShardedKernel {
  const decile = incomeDeciles(h);
  const ports = shardRanges(h.count, shards, blockRows).map(({ from, to }) =>
    localShardPort(
      new KernelShard({
        households: copy ? copyHouseholds(h, from, to) : sliceHouseholds(h, from, to),
        regions,
        decile: decile.slice(from, to),
        rowOffset: from,
        blockRows,
      }),
    ),
  );
  return new ShardedKernel(ports, regions);
}

function national(y: YearResult, id: keyof typeof M): number {
  let s = 0;
  for (let c = 0; c < y.cells.length / METRIC_COUNT; c++) s += y.cells[c * METRIC_COUNT + M[id]];
  return s;
}

function expectClose(a: Float64Array, b: Float64Array, rel: number): void {
  expect(a.length).toBe(b.length);
  for (let k = 0; k < a.length; k++)
    expect(Math.abs(a[k] - b[k])).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b[k])));
}

describe('blocks and shard ranges', () => {
  it('cover every row once, in order, on block boundaries', () => {
    expect(blockRanges(250, 100)).toEqual([
      { from: 0, to: 100 },
      { from: 100, to: 200 },
      { from: 200, to: 250 },
    ]);
    expect(shardRanges(250, 2, 100)).toEqual([
      { from: 0, to: 100 },
      { from: 100, to: 250 },
    ]);
    // More shards than blocks: one shard per block.
    expect(shardRanges(150, 8, 100)).toHaveLength(2);
    expect(shardRanges(0, 2, 100)).toEqual([{ from: 0, to: 0 }]);
    for (const shards of [1, 2, 3, 5]) {
      const ranges = shardRanges(1_000_000, shards);
      expect(ranges[0].from).toBe(0);
      expect(ranges[ranges.length - 1].to).toBe(1_000_000);
      ranges.forEach((r, j) => {
        expect(r.from % BLOCK_ROWS).toBe(0);
        if (j > 0) expect(r.from).toBe(ranges[j - 1].to);
      });
    }
  });
});

describe('sharded kernel', { timeout: 60_000 }, () => {
  const h = syntheticHouseholds(7300, regions, 11, 0.4);
  const blockRows = 1000;
  const params = resolveScenario(scenario, regions);

  it('gives the same bits with 1, 2, 3 and 8 shards, in shared or copied memory', async () => {
    const one = await kernelOf(h, 1, blockRows).year(params);
    for (const [shards, copy] of [
      [2, false],
      [3, true],
      [8, false],
    ] as const) {
      const other = await kernelOf(h, shards, blockRows, copy).year(params);
      expect(other.cells).toEqual(one.cells);
      expect(other.deciles).toEqual(one.deciles);
    }
  });

  it('agrees with simulateYear over all rows (bit for bit when there is one block)', async () => {
    const whole = simulateYear(h, regions, params, { householdColumns: false });
    const blocked = await kernelOf(h, 3, blockRows).year(params);
    expectClose(blocked.cells, whole.cells, 1e-12);
    expectClose(blocked.deciles, whole.deciles, 1e-12);
    expect(national(blocked, 'persons.dibao')).toBeGreaterThan(0);
    expect(national(blocked, 'disaster.affectedHouseholds')).toBeGreaterThan(0);
    const single = await kernelOf(h, 1, h.count).year(params);
    expect(single.cells).toEqual(whole.cells);
  });

  it('draws Monte Carlo numbers by row of the whole dataset', async () => {
    const run = { mode: 'mc' as const, seed: 5, replication: 3 };
    const whole = simulateYear(h, regions, params, { ...run, householdColumns: false });
    const blocked = await kernelOf(h, 2, blockRows).year(params, run);
    expectClose(blocked.cells, whole.cells, 1e-12);
    // Without the row offset every block would reuse the first rows' draws and totals would differ far more.
    const wrong = simulateYear(sliceHouseholds(h, 1000, 2000), regions, params, { ...run, householdColumns: false });
    const right = simulateYear(sliceHouseholds(h, 1000, 2000), regions, params, {
      ...run,
      rowOffset: 1000,
      householdColumns: false,
    });
    expect(national(wrong, 'cost.total')).not.toBe(national(right, 'cost.total'));
  });

  // The in-process projection (project() is this LocalKernel with BLOCK_ROWS) on blocks of `blockRows`, so a small
  // dataset still spans three blocks and the shards split on the same boundaries.
  const projectInProcess = (households: HouseholdArrays, ...rest: Parameters<LocalKernel['project']>) =>
    new LocalKernel(households, regions, { blockRows }).project(...rest);

  it('projects like the in-process projection, carrying status inside the shards', async () => {
    const big = syntheticHouseholds(Math.round(2.4 * blockRows), regions, 12, 0.3);
    const inProcess = projectInProcess(big, scenario);
    expect(inProcess.years).toHaveLength(4);
    for (const shards of [2, 3]) {
      const sharded = await kernelOf(big, shards, blockRows).project(scenario);
      sharded.years.forEach((y, t) => {
        expect(y.year).toBe(inProcess.years[t].year);
        expect(y.cells).toEqual(inProcess.years[t].cells);
        expect(y.deciles).toEqual(inProcess.years[t].deciles);
      });
    }
    // An independent reference: plain simulateYear year by year, status carried through its own buffers.
    let state: HouseholdState | undefined;
    const decile = incomeDeciles(big);
    inProcess.years.forEach((y, t) => {
      const reference = simulateYear(big, regions, resolveScenario(scenario, regions, { yearIndex: t }), {
        householdColumns: false,
        decile,
        state,
        carryState: true,
      });
      state = reference.nextState;
      expectClose(y.cells, reference.cells, 1e-9);
    });
    // The widening reached its target through the merged histograms: monitored persons grow as it phases in.
    const monitored = inProcess.years.map((y) => national(y, 'monitored.persons'));
    expect(monitored[1]).toBeGreaterThan(monitored[0]);
  });

  it('projects a Monte Carlo replication like the in-process one: income shocks and certification draws by row', async () => {
    const run = { mode: 'mc' as const, seed: 3, replication: 2 };
    const big = syntheticHouseholds(Math.round(2.4 * blockRows), regions, 13, 0.3);
    const inProcess = projectInProcess(big, scenario, run);
    const sharded = await kernelOf(big, 3, blockRows).project(scenario, run);
    sharded.years.forEach((y, t) => expect(y.cells).toEqual(inProcess.years[t].cells));
    expect(national(inProcess.years[2], 'entrants.households')).toBeGreaterThan(0);
  });

  it('queues concurrent runs so their carried status never mixes', async () => {
    const kernel = kernelOf(h, 2, blockRows);
    const other: Scenario = { ...scenario, name: 'other', params: { standard: { scalePct: 40 } } };
    const [a, b] = await Promise.all([kernel.project(scenario), kernel.project(other)]);
    const aloneA = await kernelOf(h, 2, blockRows).project(scenario);
    const aloneB = await kernelOf(h, 2, blockRows).project(other);
    a.years.forEach((y, t) => expect(y.cells).toEqual(aloneA.years[t].cells));
    b.years.forEach((y, t) => expect(y.cells).toEqual(aloneB.years[t].cells));
  });

  it("reuses a projection year's income shocks only for the same dynamics, bit for bit with a fresh kernel", async () => {
    const calm: Scenario = {
      ...scenario,
      name: 'calm',
      params: { ...scenario.params, projection: { incomeShockSd: 0.05 } },
    };
    const slow: Scenario = {
      ...scenario,
      name: 'slow',
      params: { ...scenario.params, projection: { incomePersistence: 0.2 } },
    };
    const kernel = kernelOf(h, 2, blockRows);
    const runs = [scenario, calm, scenario, slow, calm, scenario];
    const results = [];
    for (const s of runs) results.push(await kernel.project(s, { years: 3 }));
    for (const [k, s] of runs.entries()) {
      const fresh = await kernelOf(h, 2, blockRows).project(s, { years: 3 });
      results[k].years.forEach((y, t) => expect(y.cells, `${s.name} year ${t}`).toEqual(fresh.years[t].cells));
    }
    // The shocks differ between the dynamics (the cache is keyed by them).
    expect(national(results[1].years[3], 'persons.dibao')).not.toBe(national(results[0].years[3], 'persons.dibao'));
  });

  it("never reuses the shared path's shocks for a Monte Carlo replication's own path, nor the reverse", async () => {
    const kernel = kernelOf(h, 2, blockRows);
    const ev = await kernel.project(scenario, { years: 3 });
    const mc = await kernel.project(scenario, { years: 3, mode: 'mc', seed: 5 });
    const evAgain = await kernel.project(scenario, { years: 3 });
    const freshMc = await kernelOf(h, 2, blockRows).project(scenario, { years: 3, mode: 'mc', seed: 5 });
    mc.years.forEach((y, t) => expect(y.cells, `mc year ${t}`).toEqual(freshMc.years[t].cells));
    evAgain.years.forEach((y, t) => expect(y.cells, `ev year ${t}`).toEqual(ev.years[t].cells));
  });

  it('refuses a carried start before any year carried status, and a shard off a block boundary', () => {
    const shard = new KernelShard({ households: h, regions, decile: incomeDeciles(h), rowOffset: 0, blockRows });
    expect(() => shard.run({ kind: 'mass', params, start: 'carried' })).toThrow(/carried/);
    expect(
      () => new KernelShard({ households: h, regions, decile: incomeDeciles(h), rowOffset: 10, blockRows }),
    ).toThrow(/block boundary/);
  });
});
