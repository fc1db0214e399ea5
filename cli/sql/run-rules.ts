// Runs the SQL rules on HouseholdArrays/RegionArrays in DuckDB-wasm or native DuckDB and returns programme totals.
import { tableToIPC } from 'apache-arrow';
import type { Table } from 'apache-arrow';
import type { HouseholdArrays } from '../../sim/model/households.ts';
import type { RegionArrays } from '../../sim/model/regions.ts';
import type { NativeDuckDb } from '../duckdb/native.ts';
import type { WasmDuckDb } from '../duckdb/wasm-node.ts';
import { cellsArrowTable, householdsArrowTable } from './sql-tables.ts';
import type { SqlRuleParams } from './rules-sql.ts';
import { SQL_COST_COMPONENTS, cellTotalsSql, programmeTotalsSql } from './rules-sql.ts';

/** Totals of one simulated programme from the SQL rules (yuan per year, weighted). */
export interface SqlProgrammeTotals {
  programme: number;
  households: number;
  persons: number;
  eligibleHouseholds: number;
  eligiblePersons: number;
  sample: number;
  cost: Record<(typeof SQL_COST_COMPONENTS)[number], number>;
  totalCost: number;
}

/** Table names used when loading into DuckDB. */
export const SQL_TABLES = { households: 'sn_households', cells: 'sn_cells' } as const;

function rowToTotals(row: Record<string, unknown>): SqlProgrammeTotals {
  const n = (key: string): number => Number(row[key] ?? 0);
  const cost = {
    dibao_base: n('dibao_base'),
    dibao_supplements: n('dibao_supplements'),
    tekun_living: n('tekun_living'),
    tekun_care: n('tekun_care'),
    marginal_special: n('marginal_special'),
    rigid_special: n('rigid_special'),
  } satisfies SqlProgrammeTotals['cost'];
  return {
    programme: n('programme'),
    households: n('households'),
    persons: n('persons'),
    eligibleHouseholds: n('eligible_households'),
    eligiblePersons: n('eligible_persons'),
    sample: n('sample'),
    cost,
    totalCost: SQL_COST_COMPONENTS.reduce((sum, c) => sum + cost[c], 0),
  };
}

/** Loads households and region cells into DuckDB-wasm as tables (replacing earlier ones). */
export function loadIntoWasm(
  duck: WasmDuckDb,
  households: HouseholdArrays,
  regions: RegionArrays,
  standard?: Float64Array,
): void {
  const put = (name: string, table: Table): void => {
    duck.connection.query(`DROP TABLE IF EXISTS ${name}`);
    duck.connection.insertArrowFromIPCStream(tableToIPC(table, 'stream'), { name, create: true });
  };
  put(SQL_TABLES.households, householdsArrowTable(households));
  put(SQL_TABLES.cells, cellsArrowTable(regions, standard));
}

/** Runs the programme totals query in DuckDB-wasm (tables loaded by loadIntoWasm). */
export function programmeTotalsWasm(duck: WasmDuckDb, params: SqlRuleParams): SqlProgrammeTotals[] {
  const table = duck.connection.query(programmeTotalsSql(params, SQL_TABLES));
  return table.toArray().map((row: { toJSON(): Record<string, unknown> }) => rowToTotals(row.toJSON()));
}

/** Copies the tables loaded in DuckDB-wasm into native DuckDB through a Parquet file written by DuckDB-wasm. */
export async function copyWasmTablesToNative(
  duck: WasmDuckDb,
  native: NativeDuckDb,
  scratchDir: string,
): Promise<void> {
  const { writeFile } = await import('node:fs/promises');
  const path = await import('node:path');
  for (const name of Object.values(SQL_TABLES)) {
    const file = `${name}.parquet`;
    duck.connection.query(`COPY ${name} TO '${file}' (FORMAT PARQUET)`);
    const bytes = duck.db.copyFileToBuffer(file);
    duck.db.dropFile(file);
    const target = path.join(scratchDir, file);
    await writeFile(target, bytes);
    await native.connection.run(
      `CREATE OR REPLACE TABLE ${name} AS SELECT * FROM read_parquet('${target.replaceAll("'", "''")}')`,
    );
  }
}

/** Runs the programme totals query in native DuckDB (tables copied by copyWasmTablesToNative). */
export async function programmeTotalsNative(
  native: NativeDuckDb,
  params: SqlRuleParams,
): Promise<SqlProgrammeTotals[]> {
  const result = await native.connection.runAndReadAll(programmeTotalsSql(params, SQL_TABLES));
  return result.getRowObjects().map((row) => rowToTotals(row));
}

/** Per-cell totals from the SQL rules: enrolled households by programme code (index 1..4) and total cost. */
export interface SqlCellTotals {
  cell: number;
  households: [number, number, number, number, number];
  cost: number;
  sample: number;
}

/** Runs the per-cell totals query in DuckDB-wasm (tables loaded by loadIntoWasm). */
export function cellTotalsWasm(duck: WasmDuckDb, params: SqlRuleParams): SqlCellTotals[] {
  const table = duck.connection.query(cellTotalsSql(params, SQL_TABLES));
  return table.toArray().map((row: { toJSON(): Record<string, unknown> }) => {
    const r = row.toJSON();
    const n = (key: string): number => Number(r[key] ?? 0);
    return {
      cell: n('cell'),
      households: [0, n('households_1'), n('households_2'), n('households_3'), n('households_4')],
      cost: n('cost'),
      sample: n('sample'),
    };
  });
}
