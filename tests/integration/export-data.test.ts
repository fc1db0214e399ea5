// Result-panel export: Arrow IPC reads back with the same numbers, Chinese names intact and nulls where suppressed,
// loads into a real DuckDB-wasm with the same totals, and the Parquet writer's files read back in native DuckDB (an
// independent reader; DuckDB-wasm in Node cannot load its parquet extension offline).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildResultPanel, panelToIpc } from '../../renderer/src/exports/result-panel.ts';
import { metricColumn } from '../../datasets/index.ts';
import { tableToParquet } from '../../renderer/src/exports/parquet-writer.ts';
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
    expect(scenarioNational?.[metricColumn('cost.total')]).toBe(215_000_000_000);
    const tibet = rows.filter((row) => row.region_code === '54');
    expect(tibet).toHaveLength(3);
    for (const row of tibet) {
      expect(row.suppressed).toBe(true);
      expect(row.sample).toBeNull();
      expect(row[metricColumn('persons.dibao')]).toBeNull();
      expect(row.min_cell).toBe(10);
      expect(row.name_zh).toBe('西藏自治区');
    }
  });

  it('loads into DuckDB-wasm as a table with the same totals and nulls', async () => {
    await db.insertArrowFromIPCStream(panelToIpc(panel(), 'stream'), { name: 'panel', create: true });
    const result = await db.query(
      `SELECT region_code, name_zh, persons_dibao, suppressed FROM panel WHERE side = 'scenario' AND level = 'province' ORDER BY region_code`,
    );
    const rows = result.toArray().map((row) => row.toJSON() as Record<string, unknown>);
    expect(rows.map((row) => row.name_zh)).toEqual(['北京市', '湖南省', '西藏自治区']);
    expect(rows[1].persons_dibao).toBeCloseTo(1_650_000, 6);
    expect(rows[2]).toMatchObject({ persons_dibao: null, suppressed: true });
  });

  it('writes Parquet that native DuckDB reads back with the same values, nulls, booleans and Chinese names', async () => {
    const source = panel();
    const parquet = tableToParquet(source, 'safetynet test');
    expect(new TextDecoder().decode(parquet.slice(0, 4))).toBe('PAR1');
    expect(new TextDecoder().decode(parquet.slice(-4))).toBe('PAR1');
    const dir = mkdtempSync(path.join(tmpdir(), 'safetynet-parquet-'));
    const file = path.join(dir, 'panel.parquet');
    writeFileSync(file, parquet);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const keys = [
        'side',
        'level',
        'region_code',
        'name_zh',
        'area',
        'year',
        'sample',
        'persons_dibao',
        'cost_total',
        'suppressed',
        'min_cell',
      ];
      const reader = await connection.runAndReadAll(`SELECT ${keys.join(', ')} FROM read_parquet('${file}')`);
      const read = reader.getRowObjectsJS();
      const original = source.toArray().map((row) => row.toJSON() as Record<string, unknown>);
      expect(read).toHaveLength(source.numRows);
      read.forEach((row, i) => {
        for (const key of keys) expect(row[key], `${key} row ${i}`).toEqual(original[i][key]);
      });
      const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
      expect(described.getRowObjectsJS()).toHaveLength(source.numCols);
    } finally {
      connection.closeSync();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
