// The one sortable data table: formats numbers with their units, suppresses cells resting on fewer than `minCell`
// unweighted sample households (POLICY.md §9) and states the rule and threshold beside the table.
import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useUiStore } from '../store/ui-store.ts';
import { fill } from '../i18n/i18n.ts';
import { formatValue } from '../format/units.ts';
import { useComponentMessages } from './messages.ts';
import { cellSuppressed, countSuppressed, nextSort, sortRows } from './data-table-logic.ts';
import type { CellValue, SortState, TableColumn } from './data-table-logic.ts';
import './components.css';

export type { TableColumn, SortState, CellValue } from './data-table-logic.ts';

export interface DataTableProps<R> {
  rows: readonly R[];
  columns: readonly TableColumn<R>[];
  /** Stable key of a row (also used in row test ids). */
  rowKey: (row: R) => string;
  /** Suppression threshold (unweighted sample households); omit only for national-level tables. */
  minCell?: number;
  /** Unweighted sample households a row's cells rest on (columns may override per cell). */
  rowSample?: (row: R) => number;
  /** Rows shown under the body (totals), not sorted, same suppression rule. */
  footerRows?: readonly R[];
  initialSort?: SortState;
  /** Base of the test ids: the table, `-row-<key>`, `-sort-<column>`. */
  testId?: string;
  caption?: ReactNode;
  onRowClick?: (row: R) => void;
  selectedKey?: string;
  /** Maximum height in pixels before the body scrolls (header stays put). */
  maxHeight?: number;
}

/** A sortable table with small-cell suppression and a note stating the rule beside it. */
export function DataTable<R>({
  rows,
  columns,
  rowKey,
  minCell,
  rowSample,
  footerRows,
  initialSort,
  testId,
  caption,
  onRowClick,
  selectedKey,
  maxHeight,
}: DataTableProps<R>) {
  const m = useComponentMessages();
  const language = useUiStore((s) => s.language);
  const [sort, setSort] = useState<SortState | null>(initialSort ?? null);
  const sorted = useMemo(
    () => sortRows(rows, columns, sort, rowSample, minCell),
    [rows, columns, sort, rowSample, minCell],
  );
  const suppressed = useMemo(
    () => countSuppressed([...rows, ...(footerRows ?? [])], columns, rowSample, minCell),
    [rows, footerRows, columns, rowSample, minCell],
  );

  const renderCell = (column: TableColumn<R>, row: R) => {
    if (cellSuppressed(column, row, rowSample, minCell)) {
      return (
        <td
          key={column.id}
          className="suppressed"
          data-col={column.id}
          data-suppressed="true"
          title={fill(m.suppressedTitle, { n: minCell ?? 0 })}
        >
          {m.suppressedMark}
        </td>
      );
    }
    if (column.render) {
      return (
        <td key={column.id} data-col={column.id}>
          {column.render(row)}
        </td>
      );
    }
    const value: CellValue = column.value(row);
    let text: string;
    if (value === null) text = '—';
    else if (typeof value === 'number')
      text = formatValue(value, column.quantity ?? 'count', language, {
        signed: column.signed,
        digits: column.digits,
        withUnit: column.withUnit ?? false,
      });
    else text = value;
    const tone = column.signed && typeof value === 'number' && value !== 0 ? (value > 0 ? 'up' : 'down') : undefined;
    const align =
      column.quantity === undefined && typeof value === 'string' && column.align !== 'right' ? 'text' : undefined;
    return (
      <td key={column.id} data-col={column.id} className={[tone, align].filter(Boolean).join(' ') || undefined}>
        {text}
      </td>
    );
  };

  const renderRow = (row: R, footer: boolean) => {
    const key = rowKey(row);
    const clickable = onRowClick !== undefined && !footer;
    return (
      <tr
        key={key}
        data-testid={testId ? `${testId}-${footer ? 'total' : 'row'}-${key}` : undefined}
        className={[clickable ? 'clickable' : '', key === selectedKey ? 'selected' : ''].join(' ').trim() || undefined}
        onClick={clickable ? () => onRowClick(row) : undefined}
      >
        {columns.map((column) => renderCell(column, row))}
      </tr>
    );
  };

  return (
    <div className="data-table-block">
      {caption ? <div className="data-table-caption">{caption}</div> : null}
      <div className="data-table-scroll" style={maxHeight ? { maxHeight } : undefined}>
        <table className="data-table" data-testid={testId}>
          <thead>
            <tr>
              {columns.map((column) => {
                const sortable = column.sortable ?? true;
                const active = sort?.column === column.id ? sort.direction : undefined;
                return (
                  <th
                    key={column.id}
                    title={column.title}
                    className={
                      [
                        sortable ? 'sortable' : '',
                        column.quantity === undefined && column.align !== 'right' ? 'text' : '',
                      ]
                        .filter(Boolean)
                        .join(' ') || undefined
                    }
                    aria-sort={active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : undefined}
                  >
                    {sortable ? (
                      <button
                        type="button"
                        className="sort-button"
                        data-testid={testId ? `${testId}-sort-${column.id}` : undefined}
                        onClick={() => setSort(nextSort(sort, column.id, column.quantity !== undefined))}
                      >
                        {column.header}
                        <span className="sort-mark" aria-hidden="true">
                          {active === 'asc' ? '▲' : active === 'desc' ? '▼' : '⇅'}
                        </span>
                      </button>
                    ) : (
                      column.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="empty">
                  {m.noRows}
                </td>
              </tr>
            ) : (
              sorted.map((row) => renderRow(row, false))
            )}
          </tbody>
          {footerRows && footerRows.length > 0 ? <tfoot>{footerRows.map((row) => renderRow(row, true))}</tfoot> : null}
        </table>
      </div>
      {minCell !== undefined ? (
        <p className="suppression-note muted" data-testid={testId ? `${testId}-suppression-note` : undefined}>
          {fill(m.suppressionNote, { n: minCell })}
          {suppressed > 0 ? ` ${fill(m.suppressionCount, { count: suppressed })}` : ''}
        </p>
      ) : null}
    </div>
  );
}
