// The same run through the CLI (`runScenario` → its Arrow writer) and through the app (engine worker's year call →
// the result panel's Arrow export) gives the same columns and the same values, suppressed cells included: one column
// schema (datasets/formats/result-columns.ts) and one run path (sim/run).
import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import type { Table } from 'apache-arrow';
import { runScenario } from '../../cli/engine/run-scenario.ts';
import { tableToArrowBytes } from '../../cli/output/arrow.ts';
import { HANDLERS, loadData } from '../../renderer/src/services/engine/engine-handlers.ts';
import { buildResultPanel, panelToIpc } from '../../renderer/src/exports/result-panel.ts';
import { syntheticHouseholds, syntheticPrefectures } from '../../sim/testing/index.ts';
import type { Scenario } from '../../sim/index.ts';

const regions = syntheticPrefectures(3, 3);
const households = () => syntheticHouseholds(2400, regions, 5, 0.3);
const scenario: Scenario = { schemaVersion: 1, name: 'raise 12%', params: { standard: { scalePct: 12 } } };
const quiet = { update: () => undefined, finish: () => undefined };
const MIN_CELL = 110;

function rowsOf(table: Table): Record<string, unknown>[] {
  return table.toArray().map((row) => row.toJSON() as Record<string, unknown>);
}

describe('CLI tables and app exports of the same run', () => {
  it('have the same columns and values at every level and side', async () => {
    const cli = await runScenario(
      households(),
      regions,
      scenario,
      { mode: 'ev', seed: 0, replications: 1, years: 0, minCell: MIN_CELL, perHousehold: false, workers: 1 },
      quiet,
      false,
    );
    const data = loadData('d', households(), regions).data;
    const app = await HANDLERS.year(data, { scenario: JSON.parse(JSON.stringify(scenario)), minCell: MIN_CELL });
    let suppressedSeen = 0;
    for (const side of ['scenario', 'baseline', 'delta'] as const) {
      for (const level of ['national', 'province', 'region'] as const) {
        const name = `${side === 'scenario' ? 'summary' : side}_${level}`;
        const cliTable = cli.tables.find((t) => t.name === name);
        if (cliTable === undefined) throw new Error(`the CLI wrote no ${name}`);
        const fromCli = tableFromIPC(tableToArrowBytes(cliTable));
        const part = app[side][level];
        if (part === undefined) throw new Error(`the app has no ${side} ${level} table`);
        const fromApp = tableFromIPC(panelToIpc(buildResultPanel([{ scenario: scenario.name, side, table: part }])));
        const cliColumns = fromCli.schema.fields.map((f) => f.name);
        const appColumns = fromApp.schema.fields.map((f) => f.name);
        // The app's panel adds its keys (scenario, side) and the threshold; every other column is the CLI's.
        expect(appColumns, name).toEqual(['scenario', 'side', ...cliColumns, 'min_cell']);
        expect(cliColumns).toContain('cost_tekun_living');
        const a = rowsOf(fromCli);
        const b = rowsOf(fromApp);
        expect(b).toHaveLength(a.length);
        a.forEach((row, i) => {
          for (const column of cliColumns) expect(b[i][column], `${name} row ${i} ${column}`).toEqual(row[column]);
        });
        expect(new Set(a.map((row) => row.area))).toEqual(new Set(['urban', 'rural', 'all']));
        suppressedSeen += a.filter((row) => row.suppressed === true).length;
      }
    }
    // The threshold hides cells (and their complements) in both, identically.
    expect(suppressedSeen).toBeGreaterThan(0);
  });
});
