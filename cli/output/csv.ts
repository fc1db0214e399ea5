// CSV writer for column tables: UTF-8 with a byte-order mark (so Excel opens Chinese text correctly), RFC 4180 quoting.
import { csvTextField } from '../../datasets/index.ts';
import type { ColumnTable } from './column-table.ts';
import { rowCount } from './column-table.ts';

/** The UTF-8 byte-order mark prepended to every CSV file. */
export const UTF8_BOM = '\uFEFF';

/** A CSV field: numbers as numbers (full precision), text neutralised against formula injection and quoted. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return csvTextField(String(value));
}

/** Rows [from, to) of a table as CSV lines, each ending in CRLF. */
function csvRows(table: ColumnTable, from: number, to: number): string {
  const columns = Object.values(table.columns);
  let text = '';
  for (let row = from; row < to; row++) {
    let line = '';
    for (let c = 0; c < columns.length; c++) {
      if (c > 0) line += ',';
      line += csvField(columns[c][row]);
    }
    text += `${line}\r\n`;
  }
  return text;
}

/** Renders a table as CSV text (BOM, header row, CRLF line ends), deterministic for equal input. */
export function tableToCsv(table: ColumnTable): string {
  return UTF8_BOM + Object.keys(table.columns).map(csvField).join(',') + '\r\n' + csvRows(table, 0, rowCount(table));
}

/** The same CSV bytes as tableToCsv, as UTF-8 pieces of `rows` rows each, so a large table is never one string. */
export function* csvPieces(table: ColumnTable, rows: number): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  yield encoder.encode(UTF8_BOM + Object.keys(table.columns).map(csvField).join(',') + '\r\n');
  const n = rowCount(table);
  for (let from = 0; from < n; from += rows) yield encoder.encode(csvRows(table, from, Math.min(n, from + rows)));
}
