// The kernel on worker threads gives the same bits as the in-process projection, with one, two or three workers.
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo, demoToEngineArrays } from '../../datasets/index.ts';
import {
  BLOCK_ROWS,
  HOUSEHOLD_ARRAY_KEYS,
  incomeDeciles,
  parseScenario,
  project,
  resolveScenario,
} from '../../sim/index.ts';
import type { HouseholdArrays } from '../../sim/index.ts';
import type { KernelPool } from './kernel-pool.ts';
import { startKernelPool } from './kernel-pool.ts';

/** `h` repeated `times` times (generating two blocks and more of demo households costs far more than copying an eighth of one). */
function tiled(h: HouseholdArrays, times: number): HouseholdArrays {
  const out = { count: h.count * times } as Record<string, unknown>;
  for (const key of HOUSEHOLD_ARRAY_KEYS) {
    const column = h[key];
    const whole = new (column.constructor as new (n: number) => typeof column)(h.count * times);
    for (let t = 0; t < times; t++) whole.set(column as never, t * h.count);
    out[key] = whole;
  }
  return out as unknown as HouseholdArrays;
}

const pools: KernelPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
});

describe('kernel worker pool', () => {
  it('projects and runs single years exactly like the in-process engine', async () => {
    // Three blocks, the last one partial (three shards for three workers): 8,192 demo households 17 times over.
    const demo = demoToEngineArrays(generateDemo(BLOCK_ROWS / 8, 5));
    const { regions } = demo;
    const households = tiled(demo.households, 17);
    expect(households.count).toBe(2.125 * BLOCK_ROWS);
    const decile = incomeDeciles(households);
    const parsed = parseScenario({
      schemaVersion: 1,
      name: 'pool',
      params: { standard: { scalePct: 10 }, monitoring: { targetShare: 0.1 } },
      disaster: { regions: ['43'], affectedShare: 0.2, incomeLossShare: 0.5 },
      projection: { startYear: 2025, years: 2, standardPath: 'rule' },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const reference = project(households, regions, parsed.scenario, { decile });
    for (const workers of [1, 2, 3]) {
      const pool = await startKernelPool(households, regions, decile, workers);
      pools.push(pool);
      expect(pool.workers).toBe(workers);
      const panel = await pool.kernel.project(parsed.scenario);
      panel.years.forEach((y, t) => expect(y.cells).toEqual(reference.years[t].cells));
      const year = await pool.kernel.year(resolveScenario(parsed.scenario, regions));
      expect(year.cells).toEqual(reference.years[0].cells);
      expect(year.deciles).toEqual(reference.years[0].deciles);
    }
  }, 180_000);
});
