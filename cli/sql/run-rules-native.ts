// Loads the SQL tables into native DuckDB (@duckdb/node-api, dev dependency) and runs the same rules query there,
// for the benchmark's native comparison.
import { DOUBLE, DuckDBDataChunk, UINTEGER, USMALLINT, UTINYINT } from '@duckdb/node-api';
import type { DuckDBType } from '@duckdb/node-api';
import type { HouseholdArrays, RegionArrays } from '../../sim/index.ts';
import type { NativeDuckDb } from '../duckdb/native.ts';
import { SQL_TABLES, rowToTotals } from './run-rules.ts';
import type { SqlProgrammeTotals } from './run-rules.ts';
import type { SqlRuleParams } from './rules-sql.ts';
import { programmeTotalsSql } from './rules-sql.ts';
import { cellSqlColumns, householdSqlColumns } from './sql-tables.ts';
import type { SqlColumn } from './sql-tables.ts';

const NATIVE_CHUNK = 2048;

function nativeType(column: SqlColumn): { sql: string; type: DuckDBType } {
  if (column instanceof Uint8Array) return { sql: 'UTINYINT', type: UTINYINT };
  if (column instanceof Uint16Array) return { sql: 'USMALLINT', type: USMALLINT };
  if (column instanceof Uint32Array) return { sql: 'UINTEGER', type: UINTEGER };
  return { sql: 'DOUBLE', type: DOUBLE };
}

async function appendTable(native: NativeDuckDb, name: string, table: Record<string, SqlColumn>): Promise<void> {
  const names = Object.keys(table);
  const columns = names.map((n) => table[n]);
  const types = columns.map(nativeType);
  await native.connection.run(
    `CREATE OR REPLACE TABLE ${name} (${names.map((n, i) => `${n} ${types[i].sql}`).join(', ')})`,
  );
  const appender = await native.connection.createAppender(name);
  const rows = columns[0]?.length ?? 0;
  for (let offset = 0; offset < rows; offset += NATIVE_CHUNK) {
    const size = Math.min(NATIVE_CHUNK, rows - offset);
    const chunk = DuckDBDataChunk.create(
      types.map((t) => t.type),
      size,
    );
    columns.forEach((column, c) => chunk.setColumnValues(c, Array.from(column.subarray(offset, offset + size))));
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}

/** Loads households and region cells into native DuckDB with the appender (data chunks of 2048 rows). */
export async function loadIntoNative(
  native: NativeDuckDb,
  households: HouseholdArrays,
  regions: RegionArrays,
  standard?: Float64Array,
): Promise<void> {
  await appendTable(native, SQL_TABLES.households, householdSqlColumns(households));
  await appendTable(native, SQL_TABLES.cells, cellSqlColumns(regions, standard));
}

/** Runs the programme totals query in native DuckDB (tables loaded by loadIntoNative). */
export async function programmeTotalsNative(
  native: NativeDuckDb,
  params: SqlRuleParams,
): Promise<SqlProgrammeTotals[]> {
  const result = await native.connection.runAndReadAll(programmeTotalsSql(params, SQL_TABLES));
  return result.getRowObjects().map((row) => rowToTotals(row));
}
