// Pasting standards from a spreadsheet: one column in table order, or province + value, with line-numbered errors.
import { describe, expect, it } from 'vitest';
import { parsePastedStandards } from './paste-standards.ts';

const order = [
  { code: '11', nameZh: '北京', nameEn: 'Beijing' },
  { code: '62', nameZh: '甘肃', nameEn: 'Gansu' },
  { code: '65', nameZh: '新疆', nameEn: 'Xinjiang' },
];

describe('parsePastedStandards', () => {
  it('takes one column in the table order, as copied from Excel (thousands separators, full-width digits)', () => {
    expect(parsePastedStandards('1,450\r\n５６２\r\n610.5\r\n', order)).toEqual({
      ok: true,
      standards: [
        { code: '11', value: 1450 },
        { code: '62', value: 562 },
        { code: '65', value: 610.5 },
      ],
    });
  });
  it('takes two columns naming the province by code or name, in any order and subset', () => {
    expect(
      parsePastedStandards('Inner Mongolia 860', [{ code: '15', nameZh: '内蒙古', nameEn: 'Inner Mongolia' }]),
    ).toEqual({ ok: true, standards: [{ code: '15', value: 860 }] });
    expect(parsePastedStandards('甘肃\t600\nxinjiang\t650元', order)).toEqual({
      ok: true,
      standards: [
        { code: '62', value: 600 },
        { code: '65', value: 650 },
      ],
    });
  });
  it('refuses a short column, an unknown province and a bad value, naming the lines, and applies nothing', () => {
    const short = parsePastedStandards('600\n700', order);
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.errors[0].messageEn).toContain('2 values pasted for 3 provinces');
    const bad = parsePastedStandards('火星\t600\n甘肃\tabc\n新疆\t-5', order);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.messageEn.slice(0, 6))).toEqual(['line 1', 'line 2', 'line 3']);
  });
});

describe('xlsxStandardsText', () => {
  it('reads province and standard from the first sheet of an XLSX, skipping the header', async () => {
    const { xlsxStandardsText } = await import('./paste-standards.ts');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('标准');
    sheet.addRow(['省份', '农村低保标准（元/月）']);
    sheet.addRow(['甘肃', 600]);
    sheet.addRow([65, '新疆', 650]);
    const bytes = await workbook.xlsx.writeBuffer();
    const text = await xlsxStandardsText(bytes as ArrayBuffer);
    expect(text).toBe('甘肃\t600\n新疆\t650');
    expect(parsePastedStandards(text, order)).toEqual({
      ok: true,
      standards: [
        { code: '62', value: 600 },
        { code: '65', value: 650 },
      ],
    });
  });
});
