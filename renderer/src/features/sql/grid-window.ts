// Windowing maths of the virtualised result grid: which rows are visible for a scroll position, so the grid renders
// only those (plus a small overscan) however many rows a query returns.

/** The slice of rows to render and where to place it. */
export interface GridWindow {
  /** First row index rendered (inclusive). */
  start: number;
  /** Last row index rendered (exclusive). */
  end: number;
  /** Pixel offset of the first rendered row from the top of the scroll content. */
  offsetTop: number;
  /** Height of the whole scroll content in pixels. */
  totalHeight: number;
}

/** Computes the rows to render for a viewport; safe for empty results, negative scroll and scroll past the end. */
export function gridWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  rowCount: number,
  overscan = 8,
): GridWindow {
  const totalHeight = Math.max(0, rowCount) * rowHeight;
  if (rowCount <= 0 || rowHeight <= 0) return { start: 0, end: 0, offsetTop: 0, totalHeight };
  const maxScroll = Math.max(0, totalHeight - viewportHeight);
  const top = Math.min(Math.max(0, scrollTop), maxScroll);
  const firstVisible = Math.floor(top / rowHeight);
  const visibleCount = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, firstVisible - overscan);
  const end = Math.min(rowCount, firstVisible + visibleCount + overscan);
  return { start, end, offsetTop: start * rowHeight, totalHeight };
}

/** Text of one cell value as DuckDB returns it through Arrow (bigint, dates, nested values, nulls). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value)) return `[${Array.from(value as unknown as ArrayLike<number>).join(', ')}]`;
  if (typeof value === 'object' && 'toJSON' in value && typeof value.toJSON === 'function') {
    return JSON.stringify(value.toJSON(), (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  }
  return String(value);
}
