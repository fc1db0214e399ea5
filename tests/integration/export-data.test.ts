// Result-panel export: Arrow IPC reads back with the same numbers, Chinese names intact and nulls where suppressed,
// loads into a real DuckDB-wasm with the same totals, and the Parquet export (hyparquet-writer) reads back identically in
// hyparquet (the app's reader) and in native DuckDB (an independent reader; DuckDB-wasm in Node cannot load its parquet
// extension offline).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildResultPanel, panelToIpc } from '../../renderer/src/exports/result-panel.ts';
import { metricColumn } from '../../datasets/index.ts';
import { tableToParquet } from '../../renderer/src/exports/parquet.ts';
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

  it('writes Parquet that hyparquet reads back with every column, value, null and type of the Arrow table', async () => {
    const source = panel();
    const parquet = tableToParquet(source, 'safetynet test');
    const file = Uint8Array.from(parquet).buffer;
    const metadata = parquetMetadata(file);
    expect(metadata.created_by).toBe('safetynet test');
    expect(Number(metadata.num_rows)).toBe(source.numRows);
    const columns = source.schema.fields.map((field) => field.name);
    expect(metadata.schema.slice(1).map((element) => element.name)).toEqual(columns);
    const read = await parquetReadObjects({ file });
    const original = source.toArray().map((row) => row.toJSON() as Record<string, unknown>);
    expect(read).toHaveLength(source.numRows);
    read.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(columns);
      for (const key of columns) expect(row[key], `${key} row ${i}`).toEqual(original[i][key]);
    });
    // Suppressed rows: null numbers, kept keys; integers stay integers (Int32), names stay Chinese.
    expect(read.filter((row) => row.suppressed === true).every((row) => row.sample === null)).toBe(true);
    expect(read.every((row) => Number.isInteger(row.min_cell) && Number.isInteger(row.year))).toBe(true);
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
      const keys = source.schema.fields.map((field) => field.name);
      const reader = await connection.runAndReadAll(
        `SELECT ${keys.map((key) => `"${key}"`).join(', ')} FROM read_parquet('${file}')`,
      );
      const read = reader.getRowObjectsJS();
      const original = source.toArray().map((row) => row.toJSON() as Record<string, unknown>);
      expect(read).toHaveLength(source.numRows);
      read.forEach((row, i) => {
        for (const key of keys) expect(row[key], `${key} row ${i}`).toEqual(original[i][key]);
      });
      const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
      const types = Object.fromEntries(
        described.getRowObjectsJS().map((row) => [String(row.column_name), String(row.column_type)]),
      );
      expect(Object.keys(types)).toEqual(keys);
      expect(types).toMatchObject({
        side: 'VARCHAR',
        name_zh: 'VARCHAR',
        year: 'INTEGER',
        sample: 'DOUBLE',
        cost_total: 'DOUBLE',
        suppressed: 'BOOLEAN',
        min_cell: 'INTEGER',
      });
    } finally {
      connection.closeSync();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
