// Shared inputs for the export builders' tests: a province table with Chinese names and one suppressed cell, a
// parameter list and a provenance record with a fixed timestamp.
import type { ExportTable } from './table.ts';
import type { ParameterRow } from './parameters.ts';
import type { Provenance } from './provenance.ts';
import { buildProvenance } from './provenance.ts';

/** A sub-national table: two provinces, the second with a suppressed persons cell. */
export function provinceTable(): ExportTable {
  return {
    id: 'by-province',
    title: { zh: '分省低保结果', en: 'Dibao results by province' },
    columns: [
      { key: 'region', label: { zh: '省份', en: 'Province' } },
      { key: 'persons', label: { zh: '低保人数', en: 'Dibao persons' }, quantity: 'persons' },
      { key: 'cost', label: { zh: '年度支出', en: 'Annual cost' }, quantity: 'money' },
      { key: 'coverage', label: { zh: '覆盖率', en: 'Coverage' }, quantity: 'share' },
    ],
    rows: [
      ['北京市', 123_456, 2_345_678_901, 0.0123],
      ['云南省, 测试', 8_765, 98_765_432, 0.0456],
    ],
    suppressed: [
      [false, false, false, false],
      [false, true, false, false],
    ],
    subnational: true,
    minCell: 10,
  };
}

/** Parameters: one changed, one unchanged. */
export function parameterRows(): ParameterRow[] {
  return [
    {
      id: 'dibao.standardScalePct',
      label: { zh: '低保标准提高比例', en: 'Dibao standard rise' },
      unit: { zh: '%', en: '%' },
      scope: '',
      baseline: 0,
      scenario: 10,
    },
    {
      id: 'dibao.assetTest',
      label: { zh: '财产核查', en: 'Asset test' },
      unit: { zh: '开关', en: 'switch' },
      scope: '',
      baseline: true,
      scenario: true,
    },
  ];
}

/** A provenance record with a fixed time. */
export function fixedProvenance(): Promise<Provenance> {
  return buildProvenance({
    appVersion: '0.1.0',
    engineVersion: '1.0.0',
    format: 'xlsx',
    mode: 'ev',
    seed: 20240701,
    replications: 1,
    years: 1,
    suppressionMinCell: 10,
    datasetFiles: [{ file: 'households.arrow', sha256: 'a'.repeat(64), bytes: 1024 }],
    synthetic: true,
    scenario: { schemaVersion: 1, name: '标准提高10%', params: { dibao: { standardScalePct: 10 } } },
    now: new Date('2026-11-29T05:00:00.000Z'),
  });
}
