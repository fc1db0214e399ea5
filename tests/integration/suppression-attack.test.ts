// The suppression attack on what the CLI writes: the generator's 9,000-household dataset with 9 prefectures per
// province (the example), run through the CLI's computing side with Monte Carlo, and every table it writes
// (summary_*, baseline_*, delta_* at every level, monte_carlo and monte_carlo_* means) attacked through every additive
// relation: urban + rural = all, prefectures → province → nation, baseline + delta = scenario. Measured when it was
// written: cell-by-cell suppression hides 153 cells per table (612 in the four) and gives 268 of them away here;
// with complementary suppression (55 more per table) none.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../cli/engine/run-scenario.ts';
import type { ColumnTable } from '../../cli/output/column-table.ts';
import { generateDemo, demoToEngineArrays } from '../../datasets/index.ts';
import { attackRelations, cellKey, rankAttack, substitutionAttack } from '../../sim/testing/index.ts';
import type { PublishedCell } from '../../sim/testing/index.ts';
import type { Scenario } from '../../sim/index.ts';

const scenario: Scenario = { schemaVersion: 1, name: 'raise 10%', params: { standard: { scalePct: 10 } } };
const quiet = { update: () => undefined, finish: () => undefined };

/** The cells of one metric column in written tables, keyed by table kind (summary, baseline, delta, mc). */
function cellsOf(tables: readonly ColumnTable[], metric: string): Map<string, PublishedCell> {
  const cells = new Map<string, PublishedCell>();
  for (const table of tables) {
    const kind = /^monte_carlo/.test(table.name) ? 'mc' : table.name.split('_')[0];
    const c = table.columns;
    if (table.name === 'monte_carlo') {
      // National Monte Carlo totals: one row per metric; the mean is the national cell of the mean tables.
      const row = (c.metric as readonly string[]).indexOf(metric);
      const value = (c.mean as readonly number[])[row];
      const key = cellKey(kind, 'national', '00', 'all');
      cells.set(key, { key, value, suppressed: false });
      continue;
    }
    const statistic = c.statistic as readonly string[] | undefined;
    for (let r = 0; r < c.level.length; r++) {
      if (statistic !== undefined && statistic[r] !== 'mean') continue;
      const key = cellKey(kind, String(c.level[r]), String(c.region_code[r]), String(c.area[r]));
      const value = (c[metric] as readonly (number | null)[])[r];
      cells.set(key, { key, value: value ?? Number.NaN, suppressed: c.suppressed[r] === true });
    }
  }
  return cells;
}

describe('the CLI’s written tables under attack', () => {
  it(
    'give no suppressed cell away through any relation, Monte Carlo means included',
    { timeout: 300_000 },
    async () => {
      const { households, regions } = demoToEngineArrays(generateDemo(9000, 20240601, { prefectures: 9 }));
      const outcome = await runScenario(
        households,
        regions,
        scenario,
        { mode: 'mc', seed: 1, replications: 4, years: 0, minCell: 10, perHousehold: false, workers: 1 },
        quiet,
        false,
      );
      expect(outcome.levels).toEqual(['national', 'province', 'region']);
      expect(outcome.pattern.primary).toBeGreaterThan(0);
      expect(outcome.pattern.secondary).toBeGreaterThan(0);
      const names = outcome.tables.map((t) => t.name);
      expect(names).toEqual(expect.arrayContaining(['summary_region', 'delta_region', 'monte_carlo_region']));
      const written = outcome.tables.filter((t) => /^(summary|baseline|delta|monte_carlo)/.test(t.name));
      for (const metric of ['cost_total', 'persons_dibao', 'persons_tekun']) {
        const cells = cellsOf(written, metric);
        const hidden = [...cells.values()].filter((cell) => cell.suppressed).length;
        // Four tables (summary, baseline, delta, Monte Carlo mean) hide the same cells.
        expect(hidden).toBe(4 * (outcome.pattern.primary + outcome.pattern.secondary));
        const relations = attackRelations(cells, [['summary', 'baseline', 'delta']]);
        expect(substitutionAttack(cells, relations).size, metric).toBe(0);
        expect(rankAttack(cells, relations), metric).toEqual([]);
      }
    },
  );
});
