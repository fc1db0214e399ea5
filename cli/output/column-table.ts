// A named table of equal-length columns (typed arrays, numbers or strings): the one shape every CLI writer accepts.

/** One column of values: a typed array, plain numbers, strings or booleans. */
export type Column =
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Int16Array
  | Uint16Array
  | Int8Array
  | Uint8Array
  | readonly number[]
  | readonly string[]
  | readonly boolean[]
  | readonly (number | null)[]
  | readonly (string | null)[];

/** A table: a file-safe name and ordered columns of equal length. */
export interface ColumnTable {
  name: string;
  columns: Record<string, Column>;
}

/** Number of rows of a table (length of its first column; 0 when it has none). */
export function rowCount(table: ColumnTable): number {
  const first = Object.values(table.columns)[0];
  return first === undefined ? 0 : first.length;
}

/** Checks every column has the same length; returns the offending column name or null. */
export function unevenColumn(table: ColumnTable): string | null {
  const n = rowCount(table);
  for (const [name, column] of Object.entries(table.columns)) {
    if (column.length !== n) return name;
  }
  return null;
}

/** Builds a table from row objects (small aggregate tables only), columns in first-seen key order. */
export function tableFromRows(name: string, rows: readonly Record<string, unknown>[]): ColumnTable {
  const keys: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
  const columns: Record<string, Column> = {};
  for (const key of keys) {
    const values = rows.map((row) => row[key]);
    if (values.every((v) => typeof v === 'number' || v === null || v === undefined)) {
      columns[key] = values.map((v) => (typeof v === 'number' ? v : null));
    } else if (values.every((v) => typeof v === 'boolean')) {
      columns[key] = values.map((v) => v === true);
    } else {
      columns[key] = values.map((v) =>
        v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v),
      );
    }
  }
  return { name, columns };
}
