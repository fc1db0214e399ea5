// The small database interface the import layer is written against. DuckDB-wasm's async worker client (browser) and
// `@duckdb/duckdb-wasm/blocking` (Node) both satisfy it through a two-line adapter; results are Arrow tables.

import type { Table } from 'apache-arrow';

/** What the data layer needs from DuckDB: register bytes as a file, insert an Arrow IPC stream, run SQL. */
export interface DuckDbPort {
  /** Make `bytes` readable by SQL under the file name `name` (e.g. for read_parquet / read_csv). */
  registerFileBuffer(name: string, bytes: Uint8Array): unknown;
  /** Remove a registered file. */
  dropFile(name: string): unknown;
  /** Create table `name` from Arrow IPC stream bytes. */
  insertArrowFromIPCStream(bytes: Uint8Array, options: { name: string; create?: boolean }): unknown;
  /** Run SQL and return its result as an Arrow table (sync or async). */
  query(sql: string): Table | Promise<Table>;
}

/** Quote an SQL identifier. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quote an SQL string literal. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Run a query and return plain rows (only for small results: counts, examples, metadata). */
export async function rowsOf(db: DuckDbPort, sql: string): Promise<Record<string, unknown>[]> {
  const table = await db.query(sql);
  const out: Record<string, unknown>[] = [];
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((n) => table.getChild(n));
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    names.forEach((n, j) => {
      const v: unknown = columns[j]?.get(i);
      row[n] = typeof v === 'bigint' ? Number(v) : v;
    });
    out.push(row);
  }
  return out;
}

/** Run a statement whose result is not needed. */
export async function exec(db: DuckDbPort, sql: string): Promise<void> {
  await db.query(sql);
}

/** Column names and DuckDB types of a table, in order. */
export async function describeTable(db: DuckDbPort, table: string): Promise<{ name: string; type: string }[]> {
  const rows = await rowsOf(
    db,
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ${literal(table)} ORDER BY ordinal_position`,
  );
  return rows.map((r) => ({ name: String(r.column_name), type: String(r.data_type) }));
}

/**
 * Drop table or view `name` if it exists (the CLI's native reader keeps a large file as a view over a Parquet copy, and
 * `DROP TABLE` refuses a view): one catalog look-up, then the matching DROP.
 */
export async function dropRelation(db: DuckDbPort, name: string): Promise<void> {
  const rows = await rowsOf(
    db,
    `SELECT table_type FROM information_schema.tables WHERE table_name = ${literal(name)} AND table_schema = current_schema()`,
  );
  for (const row of rows)
    await exec(db, `DROP ${row.table_type === 'VIEW' ? 'VIEW' : 'TABLE'} IF EXISTS ${ident(name)}`);
}
