// XLSX export with exceljs: one sheet per results table (units in headers, suppressed cells marked and the rule
// stated under the table), a sheet of parameters (baseline beside scenario) and a provenance sheet.
import ExcelJS from 'exceljs';
import type { Language } from '../i18n/i18n.ts';
import type { ExportTable } from './table.ts';
import { columnHeader, exportCell, isSuppressed, suppressionRule, SUPPRESSED_MARK } from './table.ts';
import type { ParameterRow } from './parameters.ts';
import { isChanged, parameterValueText } from './parameters.ts';
import type { Provenance } from './provenance.ts';
import { provenanceLines } from './provenance.ts';
import type { Quantity } from '../format/units.ts';
import { formatValue } from '../format/units.ts';
import { bi, inLanguage } from '../i18n/i18n.ts';

/** What goes into a workbook. */
export interface WorkbookInput {
  language: Language;
  tables: readonly ExportTable[];
  parameters: readonly ParameterRow[];
  provenance: Provenance;
}

/** Sheet names of the fixed sheets, by language. */
export const FIXED_SHEETS = {
  parameters: { zh: '参数', en: 'Parameters' },
  provenance: { zh: '来源', en: 'Provenance' },
} as const;

/** Excel's limit on the characters of one cell. */
const CELL_LIMIT = 32_000;

/** The Excel number format for a quantity: grouping and the screen's digits (values keep full precision). */
export function numberFormat(quantity: Quantity | undefined, language: Language): string {
  if (!quantity) return 'General';
  const sample = formatValue(1, quantity, language, { withUnit: false });
  const dot = sample.lastIndexOf('.');
  const digits = dot < 0 ? 0 : sample.length - dot - 1;
  return digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
}

/** A legal, unique sheet name (at most 31 characters, none of []:*?/\). */
export function sheetName(title: string, taken: Set<string>): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 28) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

const SUPPRESSED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEFF2' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6EEF8' } };

function addTableSheet(workbook: ExcelJS.Workbook, table: ExportTable, name: string, input: WorkbookInput): void {
  const { language } = input;
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.getCell(1, 1).value = table.title[language];
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  const header = sheet.getRow(2);
  table.columns.forEach((column, c) => {
    const cell = header.getCell(c + 1);
    cell.value = columnHeader(column, language);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle' };
    sheet.getColumn(c + 1).width = Math.max(
      12,
      Math.min(36, columnHeader(column, language).length * inLanguage(bi(2.2, 1.1), language)),
    );
  });
  for (let r = 0; r < table.rows.length; r++) {
    const row = sheet.getRow(r + 3);
    for (let c = 0; c < table.columns.length; c++) {
      const cell = row.getCell(c + 1);
      cell.value = exportCell(table, r, c, language);
      if (isSuppressed(table, r, c)) {
        cell.fill = SUPPRESSED_FILL;
        cell.font = { italic: true, color: { argb: 'FF6B7785' } };
        cell.alignment = { horizontal: 'right' };
      } else if (typeof cell.value === 'number') {
        cell.numFmt = numberFormat(table.columns[c].quantity, language);
      }
    }
  }
  const noteRow = table.rows.length + 4;
  sheet.getCell(noteRow, 1).value = suppressionRule(table)[language];
  sheet.getCell(noteRow, 1).font = { italic: true };
  const notes = table.notes ?? [];
  notes.forEach((note, k) => {
    sheet.getCell(noteRow + 1 + k, 1).value = note[language];
    sheet.getCell(noteRow + 1 + k, 1).font = { italic: true };
  });
  if (input.provenance.synthetic) {
    sheet.getCell(noteRow + 1 + notes.length, 1).value = inLanguage(
      bi('数据：合成演示数据，非官方统计。', 'Data: synthetic demo data, not official statistics.'),
      language,
    );
  }
}

function addParameterSheet(workbook: ExcelJS.Workbook, input: WorkbookInput, name: string): void {
  const { language } = input;
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = inLanguage(
    bi(
      ['参数路径', '参数', '单位', '适用地区', '基线值', '方案值', '是否改变'],
      ['Parameter path', 'Parameter', 'Unit', 'Applies to', 'Baseline', 'Scenario', 'Changed'],
    ),
    language,
  );
  sheet.addRow(headers).eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
  for (const row of input.parameters) {
    sheet.addRow([
      row.id,
      row.label[language],
      row.unit[language],
      row.scope || inLanguage(bi('全国', 'national'), language),
      typeof row.baseline === 'number' ? row.baseline : parameterValueText(row.baseline, language),
      typeof row.scenario === 'number' ? row.scenario : parameterValueText(row.scenario, language),
      parameterValueText(isChanged(row), language),
    ]);
  }
  [28, 36, 16, 14, 14, 14, 10].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
}

function addProvenanceSheet(workbook: ExcelJS.Workbook, input: WorkbookInput, name: string): void {
  const { language } = input;
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(inLanguage(bi(['项目', '内容'], ['Item', 'Value']), language)).eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
  for (const line of provenanceLines(input.provenance, language)) {
    const label = line.label[language];
    if (line.value.length <= CELL_LIMIT) {
      sheet.addRow([label, line.value]);
      continue;
    }
    for (let offset = 0, part = 1; offset < line.value.length; offset += CELL_LIMIT, part++) {
      sheet.addRow([`${label} (${part})`, line.value.slice(offset, offset + CELL_LIMIT)]);
    }
  }
  for (const table of input.tables) {
    sheet.addRow([table.title[language], suppressionRule(table)[language]]);
  }
  sheet.addRow([inLanguage(bi('抑制标记', 'Suppression mark'), language), SUPPRESSED_MARK[language]]);
  sheet.getColumn(1).width = 34;
  sheet.getColumn(2).width = 100;
}

/** Builds the workbook and returns the .xlsx bytes. */
export async function buildWorkbook(input: WorkbookInput): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `Safety Net Workbench ${input.provenance.appVersion}`;
  workbook.created = new Date(input.provenance.timestamp);
  workbook.modified = workbook.created;
  const taken = new Set<string>([
    FIXED_SHEETS.parameters[input.language].toLowerCase(),
    FIXED_SHEETS.provenance[input.language].toLowerCase(),
  ]);
  for (const table of input.tables)
    addTableSheet(workbook, table, sheetName(table.title[input.language], taken), input);
  addParameterSheet(workbook, input, FIXED_SHEETS.parameters[input.language]);
  addProvenanceSheet(workbook, input, FIXED_SHEETS.provenance[input.language]);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/** The MIME type of .xlsx files. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
