// Engine summary tables become export tables with labels, units and every number of a suppressed row withheld.
import { describe, expect, it } from 'vitest';
import { summaryToExportTable, METRICS } from './engine-tables.ts';
import { fixtureComparison, fixtureTable } from './engine-fixtures.ts';
import { buildCsv } from './csv.ts';
import { columnHeader, exportCell, suppressedCount } from './table.ts';

describe('summaryToExportTable', () => {
  it('labels every metric with its unit and keeps region names bilingual', () => {
    const table = summaryToExportTable(fixtureComparison().scenario.province, {
      id: 'p',
      title: { zh: '分省', en: 'By province' },
      metrics: ['persons.dibao', 'cost.total', 'coverage.cash'],
    });
    expect(table.columns.map((column) => columnHeader(column, 'zh'))).toEqual([
      '地区代码',
      '地区',
      '城乡',
      '低保人数（万人）',
      '总支出（亿元）',
      '现金救助覆盖率（低保+特困）（%）',
    ]);
    expect(exportCell(table, 1, 1, 'zh')).toBe('湖南省');
    expect(exportCell(table, 1, 1, 'en')).toBe('Hunan');
    expect(exportCell(table, 1, 3, 'zh')).toBeCloseTo(165, 6);
  });

  it('withholds every number of a suppressed row, sample count included', () => {
    const table = summaryToExportTable(fixtureComparison().scenario.province, {
      id: 'p',
      title: { zh: '分省', en: 'P' },
    });
    expect(table.columns).toHaveLength(3 + METRICS.length);
    expect(suppressedCount(table)).toBe(METRICS.length);
    expect(exportCell(table, 2, 1, 'zh')).toBe('西藏自治区');
    for (let c = 3; c < table.columns.length; c++) expect(exportCell(table, 2, c, 'en')).toBe('[suppressed]');
    expect(buildCsv(table, { language: 'en' })).not.toMatch(/NaN/);
  });

  it('refuses a sub-national table that has not been through disclosure control', () => {
    const raw = fixtureTable(
      'province',
      [{ code: '11', nameZh: '北京市', nameEn: 'Beijing', area: 2, sample: 3, values: {} }],
      0,
    );
    expect(() => summaryToExportTable(raw, { id: 'raw', title: { zh: 'x', en: 'x' } })).toThrow(/disclosure control/);
  });

  it('states the threshold on national tables too', () => {
    const table = summaryToExportTable(fixtureComparison().scenario.national, {
      id: 'n',
      title: { zh: '全国', en: 'China' },
      minCell: 10,
    });
    expect(table.subnational).toBe(false);
    expect(table.minCell).toBe(10);
    expect(table.suppressed).toBeUndefined();
  });
});
