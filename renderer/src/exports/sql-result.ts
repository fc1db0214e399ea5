// CSV export of an SQL console result: the columns DuckDB returned, values as they are (no scaling: the query decides
// units), the query itself and a plain warning as trailing `#` note lines. An SQL result is not a published table:
// it can hold single households, so the note says disclosure control has not been applied to it.
import type { Table } from 'apache-arrow';
import type { Language } from '../i18n/i18n.ts';
import { UTF8_BOM, csvField, noteLine } from './csv.ts';

const NOTE = {
  zh: 'SQL 查询结果，未经披露控制（小样本单元格未抑制，可能含单户记录）：对外提供前请自行核查。',
  en: 'SQL query result, not subject to disclosure control (small cells are not suppressed; rows may be single households): check before sharing.',
} as const;

/** One value as a CSV field: numbers as numbers, 64-bit integers exactly, dates as ISO text, null as empty. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return csvField(value);
  // Digits and a sign only: written bare, so a negative 64-bit integer stays a number (not neutralised text).
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return csvField(value.toISOString());
  if (value instanceof Uint8Array) return csvField(`[${value.length} bytes]`);
  return csvField(String(value));
}

/** The CSV text of an SQL result (BOM first, CRLF line ends), with the query and the disclosure note below. */
export function sqlResultCsv(table: Table, sql: string, language: Language, datasetName: string): string {
  const names = table.schema.fields.map((f) => f.name);
  const lines = [names.map((name) => csvField(name)).join(',')];
  const columns = names.map((_, c) => table.getChildAt(c));
  for (let r = 0; r < table.numRows; r++) lines.push(columns.map((column) => field(column?.get(r))).join(','));
  lines.push('');
  lines.push(noteLine(NOTE[language]));
  lines.push(noteLine(`${language === 'zh' ? '数据集' : 'Dataset'}: ${datasetName}`));
  lines.push(noteLine(`SQL: ${sql.replace(/\s+/g, ' ').trim()}`));
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}
