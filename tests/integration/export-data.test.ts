// Result-panel export: Arrow IPC reads back with the same numbers, Chinese names intact and nulls where suppressed,
// and loads into a real DuckDB-wasm (as the Parquet export does in the app) with the same totals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { buildResultPanel, panelColumnName, panelToIpc } from '../../renderer/src/exports/result-panel.ts';
import { fixtureComparison } from '../../renderer/src/exports/engine-fixtures.ts';
import { openWasmDb } from '../fixtures/data/duckdb-node.ts';

type Db = Awaited<ReturnType<typeof openWasmDb>>;
let db: Db;

beforeAll(async () => {
  db = await openWasmDb();
});
afterAll(() => db.close());

function panel() {
  const comparison = fixtureComparison();
  return buildResultPanel(
    (['baseline', 'scenario', 'delta'] as const).flatMap((side) => [
      { scenario: comparison.scenarioName, side, table: comparison[side].national },
      { scenario: comparison.scenarioName, side, table: comparison[side].province },
    ]),
  );
}

describe('result panel export', () => {
  it('round-trips through Arrow IPC with nulls for suppressed rows', () => {
    const table = tableFromIPC(panelToIpc(panel()));
    expect(table.numRows).toBe(12);
    const rows = table.toArray().map((row) => row.toJSON() as Record<string, unknown>);
    const scenarioNational = rows.find((row) => row.side === 'scenario' && row.level === 'national');
    expect(scenarioNational?.[panelColumnName('cost.total')]).toBe(215_000_000_000);
    const tibet = rows.filter((row) => row.code === '54');
    expect(tibet).toHaveLength(3);
    for (const row of tibet) {
      expect(row.suppressed).toBe(true);
      expect(row.sample_count).toBeNull();
      expect(row[panelColumnName('persons.dibao')]).toBeNull();
      expect(row.min_cell).toBe(10);
      expect(row.name_zh).toBe('西藏自治区');
    }
  });

  it('loads into DuckDB-wasm as a table with the same totals and nulls', async () => {
    await db.insertArrowFromIPCStream(panelToIpc(panel(), 'stream'), { name: 'panel', create: true });
    const result = await db.query(
      `SELECT code, name_zh, persons_dibao, suppressed FROM panel WHERE side = 'scenario' AND level = 'province' ORDER BY code`,
    );
    const rows = result.toArray().map((row) => row.toJSON() as Record<string, unknown>);
    expect(rows.map((row) => row.name_zh)).toEqual(['北京市', '湖南省', '西藏自治区']);
    expect(rows[1].persons_dibao).toBeCloseTo(1_650_000, 6);
    expect(rows[2]).toMatchObject({ persons_dibao: null, suppressed: true });
  });
});
