// The SQL console's list of tables: what DuckDB holds, ranked (dataset, results, derived, raw imports), plus the two
// per-household result tables, which are written only when a query first uses them (writing them on opening the
// console cost seconds at a million households for a user who may only query the dataset).
import { RESULT_TABLE_NAMES } from '../../services/data/result-tables.ts';

/** One table as the console lists it. */
export interface TableInfo {
  name: string;
  /** Its columns, comma-separated (empty while a result table is not yet written). */
  columns: string;
  /** How many columns (0 while a result table is not yet written). */
  count: number;
  /** A result table not written, or written for another scenario: the next query that uses it writes it. */
  pending: boolean;
}

/** Canonical and result tables first, raw import tables last. */
function tableRank(name: string): number {
  if (name === 'households' || name === 'regions') return 0;
  if (name.startsWith('results_')) return 1;
  if (name.startsWith('raw_')) return 3;
  return 2;
}

/**
 * The tables to list: DuckDB's, with the result tables added or marked pending unless they match the active
 * dataset and scenario (`resultsCurrent`); none added while no dataset is loaded (`datasetReady` false).
 */
export function listedTables(
  held: readonly { name: string; columns: string; count: number }[],
  datasetReady: boolean,
  resultsCurrent: boolean,
): TableInfo[] {
  const tables: TableInfo[] = held.map((table) => ({
    ...table,
    pending: datasetReady && !resultsCurrent && (RESULT_TABLE_NAMES as readonly string[]).includes(table.name),
  }));
  if (datasetReady && !resultsCurrent) {
    for (const name of RESULT_TABLE_NAMES) {
      if (!tables.some((table) => table.name === name)) tables.push({ name, columns: '', count: 0, pending: true });
    }
  }
  return tables.sort((a, b) => tableRank(a.name) - tableRank(b.name) || a.name.localeCompare(b.name));
}
