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

/** Renders a table as CSV text (BOM, header row, CRLF line ends), deterministic for equal input. */
export function tableToCsv(table: ColumnTable): string {
  const names = Object.keys(table.columns);
  const columns = names.map((name) => table.columns[name]);
  const n = rowCount(table);
  const lines: string[] = [names.map(csvField).join(',')];
  for (let row = 0; row < n; row++) {
    let line = '';
    for (let c = 0; c < columns.length; c++) {
      if (c > 0) line += ',';
      line += csvField(columns[c][row]);
    }
    lines.push(line);
  }
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}
