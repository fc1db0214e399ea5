// The virtualised result grid: renders only the rows in view (plus overscan) of an Arrow table of any length.
import { useMemo, useRef, useState, type UIEvent } from 'react';
import type { Table } from 'apache-arrow';
import { cellText, gridWindow } from './grid-window.ts';

const ROW_HEIGHT = 26;
const VIEWPORT_HEIGHT = 420;

export interface ResultGridProps {
  table: Table;
  testId?: string;
}

/** Column widths from the header and the first rows' text, in pixels (bounded). */
function columnWidths(table: Table): number[] {
  const sample = Math.min(table.numRows, 50);
  return table.schema.fields.map((field, index) => {
    const column = table.getChildAt(index);
    let longest = field.name.length;
    for (let row = 0; row < sample; row += 1) longest = Math.max(longest, cellText(column?.get(row)).length);
    return Math.min(320, Math.max(72, longest * 8 + 20));
  });
}

/** Shows an Arrow table as a scrollable grid with a sticky header; row numbers are 1-based. */
export function ResultGrid({ table, testId = 'sql-result' }: ResultGridProps) {
  const [scrollTop, setScrollTop] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const widths = useMemo(() => columnWidths(table), [table]);
  const columns = useMemo(() => table.schema.fields.map((_, i) => table.getChildAt(i)), [table]);
  const numberWidth = Math.max(48, String(table.numRows).length * 9 + 16);
  const totalWidth = numberWidth + widths.reduce((a, b) => a + b, 0);
  const view = gridWindow(scrollTop, VIEWPORT_HEIGHT, ROW_HEIGHT, table.numRows);
  const onScroll = (event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop);

  const rows = [];
  for (let row = view.start; row < view.end; row += 1) {
    rows.push(
      <div className="grid-row" role="row" key={row} style={{ height: ROW_HEIGHT }} aria-rowindex={row + 2}>
        <div className="grid-cell grid-rownum" style={{ width: numberWidth }}>
          {row + 1}
        </div>
        {columns.map((column, index) => {
          const value: unknown = column?.get(row);
          const text = cellText(value);
          const numeric = typeof value === 'number' || typeof value === 'bigint';
          return (
            <div
              key={index}
              role="gridcell"
              className={`grid-cell${numeric ? ' numeric' : ''}${value === null ? ' null' : ''}`}
              style={{ width: widths[index] }}
              title={text}
            >
              {text}
            </div>
          );
        })}
      </div>,
    );
  }

  return (
    <div
      className="result-grid"
      role="grid"
      aria-rowcount={table.numRows + 1}
      data-testid={testId}
      data-rows={table.numRows}
      ref={box}
      style={{ height: Math.min(VIEWPORT_HEIGHT, view.totalHeight + ROW_HEIGHT + 2) }}
      onScroll={onScroll}
    >
      <div className="grid-header" role="row" style={{ width: totalWidth }}>
        <div className="grid-cell grid-rownum" style={{ width: numberWidth }}>
          #
        </div>
        {table.schema.fields.map((field, index) => (
          <div
            key={index}
            role="columnheader"
            className="grid-cell"
            style={{ width: widths[index] }}
            title={String(field.type)}
          >
            {field.name}
          </div>
        ))}
      </div>
      <div style={{ height: view.totalHeight, width: totalWidth, position: 'relative' }}>
        <div style={{ position: 'absolute', top: view.offsetTop, left: 0, right: 0 }}>{rows}</div>
      </div>
    </div>
  );
}
