// Pure logic behind DataTable: column definitions, small-cell suppression (POLICY.md §9) and stable sorting that
// never reveals a suppressed value through the row order.
import type { ReactNode } from 'react';
import type { Quantity } from '../format/units.ts';

/** A cell's raw value: numbers are formatted by quantity, strings shown as they are, null as an em dash. */
export type CellValue = number | string | null;

/** One column of a DataTable. */
export interface TableColumn<R> {
  /** Stable id (used in test ids and sort state). */
  id: string;
  /** Header text (already in the reader's language, with its unit where it has one). */
  header: string;
  /** Hover explanation for the header. */
  title?: string;
  /** Reads the raw value of this column from a row. */
  value: (row: R) => CellValue;
  /** Display quantity of numeric cells (formatted with `formatValue`). */
  quantity?: Quantity;
  /** Show a sign on numbers (for changes). */
  signed?: boolean;
  /** Fixed number of decimal digits, overriding the quantity's default. */
  digits?: number;
  /** Show the unit in every cell (default false: the header carries the unit). */
  withUnit?: boolean;
  /** Unweighted sample households this particular cell rests on; defaults to the row's sample. */
  sample?: (row: R) => number;
  /** Whether cells of this column are subject to suppression (default: true for numeric columns). */
  suppressible?: boolean;
  /** Text alignment; default: left for text columns (no quantity), right for numbers. */
  align?: 'left' | 'right';
  /** Custom cell content (inputs, links); sorting and suppression still use `value`. */
  render?: (row: R) => ReactNode;
  /** Whether the header sorts (default true). */
  sortable?: boolean;
}

export type SortDirection = 'asc' | 'desc';

/** Current sort of a table: a column id and a direction. */
export interface SortState {
  column: string;
  direction: SortDirection;
}

/** True when a cell resting on `sample` unweighted households must be suppressed under threshold `minCell`. */
export function isSuppressed(sample: number | undefined, minCell: number | undefined): boolean {
  if (minCell === undefined || sample === undefined || !Number.isFinite(minCell)) return false;
  return !(sample >= minCell);
}

/** Whether a column is subject to suppression, given its definition and a sample row value. */
export function columnSuppressible<R>(column: TableColumn<R>): boolean {
  return column.suppressible ?? column.quantity !== undefined;
}

/** The unweighted sample a cell rests on: the column's own sample if it has one, else the row's. */
export function cellSample<R>(
  column: TableColumn<R>,
  row: R,
  rowSample: ((row: R) => number) | undefined,
): number | undefined {
  if (!columnSuppressible(column)) return undefined;
  if (column.sample) return column.sample(row);
  return rowSample?.(row);
}

/** True when the cell (column × row) is hidden by the small-cell rule. */
export function cellSuppressed<R>(
  column: TableColumn<R>,
  row: R,
  rowSample: ((row: R) => number) | undefined,
  minCell: number | undefined,
): boolean {
  return isSuppressed(cellSample(column, row, rowSample), minCell);
}

/** Counts the suppressed cells of a table (for the note beside it). */
export function countSuppressed<R>(
  rows: readonly R[],
  columns: readonly TableColumn<R>[],
  rowSample: ((row: R) => number) | undefined,
  minCell: number | undefined,
): number {
  let count = 0;
  for (const row of rows) {
    for (const column of columns) if (cellSuppressed(column, row, rowSample, minCell)) count += 1;
  }
  return count;
}

const collator = new Intl.Collator(['zh-Hans-CN', 'en'], { numeric: true });

function rank(value: CellValue, hidden: boolean): number {
  if (hidden) return 2;
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return 1;
  return 0;
}

/**
 * Sorts rows by one column. Suppressed cells and missing values always go last (in either direction), so the
 * order never hints at a hidden value; ties keep their original order.
 */
export function sortRows<R>(
  rows: readonly R[],
  columns: readonly TableColumn<R>[],
  sort: SortState | null,
  rowSample: ((row: R) => number) | undefined,
  minCell: number | undefined,
): R[] {
  const column = sort ? columns.find((c) => c.id === sort.column) : undefined;
  if (!sort || !column) return [...rows];
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row, index) => {
    const value = column.value(row);
    return { row, index, value, rank: rank(value, cellSuppressed(column, row, rowSample, minCell)) };
  });
  keyed.sort((a, b) => {
    if (a.rank !== b.rank) return a.rank - b.rank;
    if (a.rank !== 0) return a.index - b.index;
    let order: number;
    if (typeof a.value === 'number' && typeof b.value === 'number') order = a.value - b.value;
    else order = collator.compare(String(a.value), String(b.value));
    return order === 0 ? a.index - b.index : sign * order;
  });
  return keyed.map((k) => k.row);
}

/** The next sort after clicking a header: a new column sorts descending for numbers, ascending for text. */
export function nextSort(current: SortState | null, columnId: string, numeric: boolean): SortState {
  if (current?.column === columnId) {
    return { column: columnId, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  }
  return { column: columnId, direction: numeric ? 'desc' : 'asc' };
}
