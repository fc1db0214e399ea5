// Problems found in a user's data, as values: severity, rule, bilingual message, count and example row numbers.
// Errors block a run; warnings let the user continue knowingly. Nothing is dropped or coerced behind their back.
import type { Bilingual } from '../../sim/index.ts';

/** Severity of a data issue. */
export type Severity = 'error' | 'warning';

/** One problem in an imported table. */
export interface DataIssue {
  /** Stable rule id, e.g. `missing_column`, `out_of_range`, `identifier_column`. */
  rule: string;
  severity: Severity;
  /** Table the problem is in (`households`, `regions` or the file name). */
  table: string;
  /** Column concerned (user's name or canonical name), if any. */
  column?: string;
  /** Rows affected (0 when the issue is about a column or a file). */
  count: number;
  /** Up to five 1-based row numbers of examples. */
  examples: number[];
  message: Bilingual;
}

/** Result of an operation that can fail because of the user's data. */
export type DataResult<T> = { ok: true; value: T; issues: DataIssue[] } | { ok: false; issues: DataIssue[] };

/** True if any issue blocks the run. */
export function hasErrors(issues: readonly DataIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/**
 * The row numbers a user finds in a spreadsheet: data row N (1-based, as `examples` holds them) is row N + 1 when
 * the header is row 1, as in Excel, WPS or a text editor's line numbers of a CSV.
 */
export function spreadsheetRows(examples: readonly number[]): number[] {
  return examples.map((row) => row + 1);
}

/** Format example rows for a message, in spreadsheet rows (header = row 1): "第 4、8 行" / "rows 4, 8". */
export function exampleText(examples: readonly number[]): Bilingual {
  if (examples.length === 0) return { zh: '', en: '' };
  const rows = spreadsheetRows(examples);
  return {
    zh: `（例如第 ${rows.join('、')} 行，表头为第 1 行）`,
    en: ` (e.g. row${rows.length > 1 ? 's' : ''} ${rows.join(', ')}, counting the header as row 1)`,
  };
}
