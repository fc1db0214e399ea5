// XLSX: read the workbook back with exceljs and check sheets, headers with units, numbers, suppression and provenance.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildWorkbook, numberFormat, sheetName } from './xlsx.ts';
import { fixedProvenance, parameterRows, provinceTable } from './test-fixtures.ts';
import { projectionIntervalTable } from './briefing/tables.ts';
import { AREA_ALL } from '../../../sim/index.ts';
import { syntheticHouseholds, syntheticRegions } from '../../../sim/testing/index.ts';
import { HANDLERS, loadData } from '../services/engine/engine-handlers.ts';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

describe('buildWorkbook', () => {
  it('has a sheet per table, a parameter sheet and a provenance sheet', async () => {
    const input = { tables: [provinceTable()], parameters: parameterRows(), provenance: await fixedProvenance() };
    const zh = await readBack(await buildWorkbook({ ...input, language: 'zh' }));
    expect(zh.worksheets.map((sheet) => sheet.name)).toEqual(['分省低保结果', '参数', '来源']);
    const en = await readBack(await buildWorkbook({ ...input, language: 'en' }));
    expect(en.worksheets.map((sheet) => sheet.name)).toEqual(['Dibao results by province', 'Parameters', 'Provenance']);
  });

  it('writes headers with units, numbers in display units and marks suppressed cells', async () => {
    const bytes = await buildWorkbook({
      language: 'zh',
      tables: [provinceTable()],
      parameters: parameterRows(),
      provenance: await fixedProvenance(),
    });
    const sheet = (await readBack(bytes)).getWorksheet('分省低保结果');
    if (!sheet) throw new Error('sheet missing');
    expect(sheet.getCell('A1').value).toBe('分省低保结果');
    expect(sheet.getRow(2).values).toEqual([undefined, '省份', '低保人数（万人）', '年度支出（亿元）', '覆盖率（%）']);
    expect(sheet.getCell('A3').value).toBe('北京市');
    expect(sheet.getCell('B3').value).toBeCloseTo(12.3456, 10);
    expect(sheet.getCell('B3').numFmt).toBe('#,##0.0');
    expect(sheet.getCell('C3').value).toBeCloseTo(23.45678901, 10);
    expect(sheet.getCell('B4').value).toBe('[抑制]');
    expect(sheet.getCell('C4').value).toBeCloseTo(0.98765432, 10);
    expect(String(sheet.getCell('A6').value)).toContain('少于 10 户');
    expect(String(sheet.getCell('A7').value)).toContain('合成演示数据');
  });

  it('writes a computed projection interval: p5, p50, p95 per year in display units, the count and the sources', async () => {
    const regions = syntheticRegions(4, 3);
    const data = loadData('interval', syntheticHouseholds(1500, regions, 11), regions).data;
    const scenario = { schemaVersion: 1, name: 'p', projection: { startYear: 2025, years: 1, standardPath: 'fixed' } };
    const part = HANDLERS.projectionReplications(data, { scenario, years: 1, from: 0, to: 6 });
    const interval = HANDLERS.summariseProjectionReplications(data, { parts: [part], scenario });
    const bytes = await buildWorkbook({
      language: 'en',
      tables: [projectionIntervalTable(interval)],
      parameters: parameterRows(),
      provenance: await fixedProvenance(),
    });
    const sheet = (await readBack(bytes)).worksheets[0];
    expect(sheet.getCell('A1').value).toBe('Monte Carlo interval (p, national, 6 replications: p5 · p50 · p95)');
    expect(sheet.getCell('B2').value).toBe('Cash assistance persons (dibao + tekun) p5 (million persons)');
    expect(sheet.getCell('A4').value).toBe('2026');
    // 2026: cash persons p95 (column D) in millions, total cost p50 (column I) in billion yuan.
    expect(sheet.getCell('D4').value).toBeCloseTo(interval.national[1].p95.values['persons.cash'][AREA_ALL] / 1e6, 10);
    expect(sheet.getCell('I4').value).toBeCloseTo(interval.national[1].p50.values['cost.total'][AREA_ALL] / 1e9, 10);
    expect(String(sheet.getCell('A7').value)).toContain("percentiles of each replication's sum");
    expect(String(sheet.getCell('A8').value)).toMatch(/^Uncertainty sources: Includes .*Not included/);
  });

  it('lists parameters beside the baseline and records provenance', async () => {
    const provenance = await fixedProvenance();
    const bytes = await buildWorkbook({
      language: 'en',
      tables: [provinceTable()],
      parameters: parameterRows(),
      provenance,
    });
    const workbook = await readBack(bytes);
    const parameters = workbook.getWorksheet('Parameters');
    expect(parameters?.getRow(2).values).toEqual([
      undefined,
      'dibao.standardScalePct',
      'Dibao standard rise',
      '%',
      'national',
      0,
      10,
      'yes',
    ]);
    expect(parameters?.getCell('G3').value).toBe('no');
    const values = new Map<string, string>();
    workbook
      .getWorksheet('Provenance')
      ?.eachRow((row) => values.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(values.get('Engine version')).toBe('1.0.0');
    expect(values.get('Random seed')).toBe('20240701');
    expect(values.get('Dataset file households.arrow (SHA-256)')).toContain('a'.repeat(64));
    expect(JSON.parse(values.get('Scenario JSON') ?? '')).toEqual(provenance.scenario);
  });

  it('makes legal unique sheet names and number formats from the screen digits', () => {
    const taken = new Set<string>();
    expect(sheetName('a/b:c*d?', taken)).toBe('a b c d');
    expect(sheetName('A B C D', new Set(['a b c d']))).toBe('A B C D 2');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(28);
    expect(numberFormat('money', 'en')).toBe('#,##0.00');
    expect(numberFormat('monthly', 'zh')).toBe('#,##0');
  });
});
