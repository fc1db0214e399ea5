// Standards pasted from a spreadsheet: a column copied from Excel or WPS (one value per line, in the province table's
// order), or two columns (province code or name, value). Parsed here, applied by the editor as absolute standards.
import type { Bilingual } from '../../i18n/i18n.ts';

/** One province's pasted standard, yuan/person/month. */
export interface PastedStandard {
  code: string;
  value: number;
}

/** A province as the table lists it (code and both names). */
export interface ProvinceName {
  code: string;
  nameZh: string;
  nameEn: string;
}

function toNumber(text: string): number {
  const cleaned = text
    .replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(/[,，\s]|元/g, '');
  return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/**
 * Reads pasted text. One value per line takes the provinces in `order` (the line count must match); two cells per
 * line name the province by code or name. Values must be standards (0 < value ≤ 20,000 yuan/month); every problem is
 * reported with its line number, and nothing is applied unless all lines are good.
 */
export function parsePastedStandards(
  text: string,
  order: readonly ProvinceName[],
): { ok: true; standards: PastedStandard[] } | { ok: false; errors: Bilingual[] } {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const errors: Bilingual[] = [];
  const standards: PastedStandard[] = [];
  const byName = (name: string) =>
    order.find((p) => p.code === name || p.nameZh === name || p.nameEn.toLowerCase() === name.toLowerCase());
  // Spreadsheet cells are separated by tabs (or semicolons); typed text by spaces. The last cell is the value.
  const cellsOf = (line: string) =>
    (/[\t;]/.test(line) ? line.split(/[\t;]/) : line.split(/\s+/)).map((c) => c.trim()).filter((c) => c !== '');
  const single = lines.every((line) => cellsOf(line).length === 1 || /^[\d,，.０-９．\s]+元?$/.test(line));
  if (single && lines.length !== order.length) {
    errors.push({
      messageZh: `粘贴了 ${lines.length} 个数值，表中有 ${order.length} 个省份：只粘贴一列时必须逐省对应；也可以粘贴“省份 标准”两列。`,
      messageEn: `${lines.length} values pasted for ${order.length} provinces: a single column must have one value per province in the table's order; or paste two columns, province and standard.`,
    });
    return { ok: false, errors };
  }
  lines.forEach((line, i) => {
    const cells = single ? [order[i].code, line] : cellsOf(line);
    const raw = cells[cells.length - 1];
    const name = cells.slice(0, -1).join(' ');
    const province = byName(name);
    const value = toNumber(raw ?? '');
    if (!province) {
      errors.push({
        messageZh: `第 ${i + 1} 行：“${name}”不是表中的省份代码或名称`,
        messageEn: `line ${i + 1}: "${name}" is not a province code or name of the table`,
      });
    } else if (!(value > 0 && value <= 20_000)) {
      errors.push({
        messageZh: `第 ${i + 1} 行：“${raw ?? ''}”不是有效的标准（元/人/月，0 – 20,000）`,
        messageEn: `line ${i + 1}: "${raw ?? ''}" is not a valid standard (yuan/person/month, 0 – 20,000)`,
      });
    } else {
      standards.push({ code: province.code, value });
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, standards };
}

/**
 * The first sheet of an XLSX file as pasted text: for each row with a province (code or name) and a number, the
 * line "province<TAB>value" (the first text-or-code cell and the last numeric cell), header rows skipped. The text then
 * goes through `parsePastedStandards`, so an XLSX and a paste are checked the same way.
 */
export async function xlsxStandardsText(bytes: ArrayBuffer): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const sheet = workbook.worksheets[0];
  if (!sheet) return '';
  const lines: string[] = [];
  sheet.eachRow((row) => {
    const cells = (row.values as unknown[]).slice(1).map((cell) => {
      if (cell && typeof cell === 'object' && 'result' in cell) return (cell as { result: unknown }).result;
      return cell;
    });
    const numbers = cells.filter((cell): cell is number => typeof cell === 'number' && Number.isFinite(cell));
    const name = cells.find((cell) => typeof cell === 'string' && cell.trim() !== '');
    const code = cells.find((cell) => typeof cell === 'number' && /^\d{2}$/.test(String(cell)));
    const value = numbers[numbers.length - 1];
    const province = typeof name === 'string' ? name.trim() : code !== undefined ? String(code) : undefined;
    if (
      province !== undefined &&
      value !== undefined &&
      !(code !== undefined && value === code && numbers.length === 1)
    )
      lines.push(`${province}\t${value}`);
  });
  return lines.join('\n');
}
