// The one table shape every export format writes (XLSX, CSV, briefing HTML): bilingual column labels with units,
// raw values in base units (persons, households, yuan, 0..1 shares) and explicit suppression flags (POLICY.md §9).
import type { Language } from '../i18n/i18n.ts';
import type { Quantity } from '../format/units.ts';
import { scaled, unitOf, formatValue } from '../format/units.ts';
import type { Text } from './text.ts';
import { fillText } from './text.ts';
import { bi, inLanguage } from '../i18n/i18n.ts';

/** A column: text (region names, labels) or a number of a known quantity (scaled to display units on export). */
export interface ExportColumn {
  key: string;
  label: Text;
  /** Numeric columns name their quantity so headers carry the unit and values are scaled the way the screen shows. */
  quantity?: Quantity;
  /** A column of changes: values are shown with their sign (+/−). */
  signed?: boolean;
}

/** A raw cell value: numbers in base units, text as is or bilingual (names), null when not applicable. */
export type CellValue = number | string | Text | null;

/** A table ready to export. `suppressed[r][c]` marks cells withheld by disclosure control. */
export interface ExportTable {
  /** Stable identifier, used for sheet and file names. */
  id: string;
  title: Text;
  columns: ExportColumn[];
  rows: CellValue[][];
  /** True when the table is broken down below the national level (disclosure control applies). */
  subnational: boolean;
  /** Cells withheld because they rest on fewer than `minCell` unweighted sample households. */
  suppressed?: boolean[][];
  /** The suppression threshold in force when the table was built. */
  minCell: number;
  /** Sentences printed under the table in every format (e.g. what an interval's uncertainty includes). */
  notes?: Text[];
}

/** The marker written in place of a suppressed value, in every format. */
export const SUPPRESSED_MARK: Text = { zh: '[抑制]', en: '[suppressed]' };

const SUPPRESSION_RULE: Text = {
  zh: '披露控制：样本户数（未加权）少于 {minCell} 户的单元格已抑制，可由加减推算出它们的单元格（城乡合计、地区合计、基线与变化）也一并抑制，均标记为“[抑制]”，以免识别小群体。',
  en: 'Disclosure control: cells resting on fewer than {minCell} unweighted sample households are suppressed, and so are the cells from which they could be recomputed by addition or subtraction (urban + rural, regions within their province, baseline + change); all are marked “[suppressed]” so that small groups cannot be identified.',
};

const NATIONAL_RULE: Text = {
  zh: '本表为全国合计，不涉及披露控制（抑制阈值 {minCell} 户）。',
  en: 'National totals: no cell is below the national level (suppression threshold {minCell} households).',
};

/** The sentence stating the disclosure rule that applies to a table. */
export function suppressionRule(table: Pick<ExportTable, 'subnational' | 'minCell'>): Text {
  return fillText(table.subnational ? SUPPRESSION_RULE : NATIONAL_RULE, { minCell: table.minCell });
}

/** True when the cell is withheld by disclosure control. */
export function isSuppressed(table: ExportTable, row: number, column: number): boolean {
  return table.suppressed?.[row]?.[column] === true;
}

/** Number of suppressed cells in a table. */
export function suppressedCount(table: ExportTable): number {
  let count = 0;
  for (const flags of table.suppressed ?? []) for (const flag of flags) if (flag) count += 1;
  return count;
}

/** The column header with its display unit, e.g. “低保人数（万人）” or “Dibao persons (million persons)”. */
export function columnHeader(column: ExportColumn, language: Language): string {
  const label = column.label[language];
  if (!column.quantity) return label;
  // A column of changes of shares is in percentage points, not percent.
  const points = column.signed && column.quantity === 'share';
  const unit = points ? inLanguage(bi('百分点', 'pp'), language) : unitOf(column.quantity, language);
  if (!unit) return label;
  return inLanguage(bi(`${label}（${unit}）`, `${label} (${unit})`), language);
}

/** A cell as it is written to a data file: numbers scaled to the header's unit, suppressed cells as the marker. */
export function exportCell(table: ExportTable, row: number, column: number, language: Language): number | string {
  if (isSuppressed(table, row, column)) return SUPPRESSED_MARK[language];
  const value = table.rows[row][column];
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return value[language];
  const quantity = table.columns[column].quantity;
  return quantity ? scaled(value, quantity, language) : value;
}

/** A cell as it is shown to a reader (briefing tables): formatted with grouping, suppressed cells as the marker. */
export function displayCell(table: ExportTable, row: number, column: number, language: Language): string {
  if (isSuppressed(table, row, column)) return SUPPRESSED_MARK[language];
  const value = table.rows[row][column];
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return value[language];
  const { quantity, signed } = table.columns[column];
  return quantity ? formatValue(value, quantity, language, { withUnit: false, signed }) : String(value);
}

/** Checks the table's shape (every row as wide as the columns; flags likewise); returns a bilingual problem or null. */
export function tableShapeProblem(table: ExportTable): Text | null {
  const width = table.columns.length;
  for (let r = 0; r < table.rows.length; r++) {
    if (table.rows[r].length !== width) {
      return fillText(
        {
          zh: '表“{id}”第 {row} 行有 {got} 个单元格，应为 {want} 个。',
          en: 'Table “{id}” row {row} has {got} cells, expected {want}.',
        },
        { id: table.id, row: r + 1, got: table.rows[r].length, want: width },
      );
    }
  }
  if (table.subnational && table.suppressed === undefined) {
    return fillText(
      {
        zh: '表“{id}”低于全国层级，但没有披露控制标记。',
        en: 'Table “{id}” is below the national level but carries no disclosure-control flags.',
      },
      { id: table.id },
    );
  }
  return null;
}
