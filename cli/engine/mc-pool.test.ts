// The Monte Carlo worker pool gives bit-identical totals to a single-threaded run, whatever the number of workers.
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo, demoToEngineArrays } from '../../datasets/index.ts';
import { BASELINE_SCENARIO, incomeDeciles, resolveScenario, runReplications } from '../../sim/index.ts';
import type { McPool } from './mc-pool.ts';
import { startMcPool } from './mc-pool.ts';

const pools: McPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
});

describe('Monte Carlo worker pool', () => {
  it('matches runReplications on the main thread byte for byte, with 1 or 2 workers and small slices', async () => {
    const { households, regions } = demoToEngineArrays(generateDemo(2000, 3));
    const params = resolveScenario(BASELINE_SCENARIO, regions);
    const decile = incomeDeciles(households);
    const single = runReplications({ households, regions, params, seed: 99, from: 0, to: 7, decile });
    for (const [size, chunk] of [
      [1, 10],
      [2, 2],
    ]) {
      const pool = await startMcPool(size, chunk);
      pools.push(pool);
      const progress: number[] = [];
      const merged = await pool.run({ households, regions, params, seed: 99, replications: 7, decile }, (done) =>
        progress.push(done),
      );
      expect(merged.from).toBe(0);
      expect(merged.to).toBe(7);
      expect(Buffer.from(merged.totals.buffer).equals(Buffer.from(single.totals.buffer))).toBe(true);
      expect(progress[progress.length - 1]).toBe(7);
    }
  }, 180_000);
});
