// CSV export of a results table: UTF-8 with a byte-order mark (Excel opens Chinese correctly), CRLF line ends,
// RFC 4180 quoting, units in the headers, suppressed cells marked, and the disclosure rule and provenance as
// trailing `#` note lines (readable in Excel; skipped by `pandas.read_csv(..., comment='#')`).
import { csvTextField } from '../../../datasets/index.ts';
import type { Language } from '../i18n/i18n.ts';
import type { ExportTable } from './table.ts';
import { columnHeader, exportCell, suppressionRule } from './table.ts';
import type { Provenance } from './provenance.ts';
import { provenanceLines } from './provenance.ts';

/** The UTF-8 byte-order mark at the start of every CSV file. */
export const UTF8_BOM = '\uFEFF';

/** A CSV field: numbers as numbers; text neutralised against formula injection and quoted (`csvTextField`). */
export function csvField(value: number | string): string {
  if (typeof value === 'number') return Number.isFinite(value) ? formatCsvNumber(value) : '';
  return csvTextField(value);
}

/** Numbers keep full precision but lose binary noise (at most 12 significant digits, no exponent for usual sizes). */
function formatCsvNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(12)));
}

/** Options of a CSV export. */
export interface CsvOptions {
  language: Language;
  /** When given, provenance lines follow the data (default: included when given). */
  provenance?: Provenance;
}

/** Renders one table as CSV text, BOM first. */
export function buildCsv(table: ExportTable, options: CsvOptions): string {
  const { language } = options;
  const lines: string[] = [table.columns.map((column) => csvField(columnHeader(column, language))).join(',')];
  for (let r = 0; r < table.rows.length; r++) {
    const cells: string[] = [];
    for (let c = 0; c < table.columns.length; c++) cells.push(csvField(exportCell(table, r, c, language)));
    lines.push(cells.join(','));
  }
  lines.push('');
  lines.push(noteLine(`${table.title[language]}`));
  lines.push(noteLine(suppressionRule(table)[language]));
  for (const note of table.notes ?? []) lines.push(noteLine(note[language]));
  if (options.provenance) {
    for (const line of provenanceLines(options.provenance, language)) {
      lines.push(noteLine(`${line.label[language]}: ${line.value}`));
    }
  }
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}

/** A note line: starts with a bare `#` so CSV readers with a comment character skip it; kept on one line. */
export function noteLine(text: string): string {
  return `# ${text.replace(/[\r\n]+/g, ' ')}`;
}

/** CSV text as bytes for saving (the BOM becomes EF BB BF). */
export function csvBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
