// Runs the SQL rules on HouseholdArrays/RegionArrays in DuckDB-wasm or native DuckDB and returns programme totals.
import { tableToIPC } from 'apache-arrow';
import type { Table } from 'apache-arrow';
import type { HouseholdArrays, RegionArrays } from '../../sim/index.ts';
import type { WasmDuckDb } from '../duckdb/wasm-node.ts';
import { cellsArrowTable, householdsArrowTable } from './sql-tables.ts';
import type { SqlRuleParams } from './rules-sql.ts';
import { SQL_COST_COMPONENTS, cellTotalsSql, orphanTotalsSql, programmeTotalsSql } from './rules-sql.ts';

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

/** Converts one result row of the programme totals query. */
export function rowToTotals(row: Record<string, unknown>): SqlProgrammeTotals {
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

/** Orphans and the orphan basic living allowance from the SQL rules (weighted, yuan per year). */
export interface SqlOrphanTotals {
  orphans: number;
  sample: number;
  allowance: number;
}

/** Runs the orphan allowance totals query in DuckDB-wasm (tables loaded by loadIntoWasm). */
export function orphanTotalsWasm(duck: WasmDuckDb, params: SqlRuleParams): SqlOrphanTotals {
  const table = duck.connection.query(orphanTotalsSql(params, SQL_TABLES));
  const [row] = table.toArray().map((r: { toJSON(): Record<string, unknown> }) => r.toJSON());
  const n = (key: string): number => Number(row?.[key] ?? 0);
  return { orphans: n('orphans'), sample: n('sample'), allowance: n('orphan_allowance') };
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
