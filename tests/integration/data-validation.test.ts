// Integration: every validation rule, column/code mapping and mapping reuse, on small CSV fixtures in DuckDB-wasm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWasmDb } from '../fixtures/data/duckdb-node.ts';
import { HOUSEHOLD_COLUMNS, bytes, goodHouseholds, goodRegions, toCsv } from '../fixtures/data/small-dataset.ts';
import type { Row } from '../fixtures/data/small-dataset.ts';
import {
  loadFile,
  findMapping,
  identityMapping,
  makeMapping,
  parseMapping,
  suggestCodes,
  suggestColumns,
  buildCanonicalTables,
  validateDataset,
  handOff,
  HOUSEHOLDS,
  columnDef,
} from '../../datasets/index.ts';
import type { ColumnMapping, ValidationReport, DataIssue } from '../../datasets/index.ts';

let db: Awaited<ReturnType<typeof openWasmDb>>;
beforeAll(async () => {
  db = await openWasmDb();
});
afterAll(() => db.close());

async function load(table: string, csv: string, regions = false): Promise<string[]> {
  const r = await loadFile(db, { fileName: `${table}.csv`, bytes: bytes(csv), table, allowPlainName: regions });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.columns.map((c) => c.name);
}

/** Load the given rows and validate them with identity mappings (or the given household mapping). */
async function check(
  households: Row[],
  regions: Row[] = goodRegions(),
  options: { columns?: string[]; mapping?: ColumnMapping } = {},
): Promise<ValidationReport> {
  const hc = await load('raw_h', toCsv(households, options.columns ?? Object.keys(households[0])));
  const rc = await load('raw_r', toCsv(regions), true);
  return validateDataset(db, {
    households: {
      table: 'raw_h',
      mapping: options.mapping ?? identityMapping('households', hc),
      label: 'households.csv',
    },
    regions: { table: 'raw_r', mapping: identityMapping('regions', rc), label: 'regions.csv' },
  });
}

const find = (report: ValidationReport, rule: string, column?: string): DataIssue | undefined =>
  report.issues.find((i) => i.rule === rule && (column === undefined || i.column === column));

const edit = (changes: Record<number, Row>): Row[] =>
  goodHouseholds().map((r, i) => ({ ...r, ...(changes[i + 1] ?? {}) }));

describe('validation rules', () => {
  it('accepts the clean fixture without issues', async () => {
    const report = await check(goodHouseholds());
    expect(report.issues).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.rows).toEqual({ households: 12, regions: 6 });
  });

  it('reports a missing required column as an error naming it', async () => {
    const report = await check(goodHouseholds(), goodRegions(), {
      columns: HOUSEHOLD_COLUMNS.filter((c) => c !== 'weight'),
    });
    const issue = find(report, 'missing_column', 'weight');
    expect(issue?.severity).toBe('error');
    expect(issue?.message.zh).toContain('weight');
    expect(report.ok).toBe(false);
  });

  it('warns when an optional column is absent and uses its default', async () => {
    const report = await check(goodHouseholds(), goodRegions(), {
      columns: HOUSEHOLD_COLUMNS.filter((c) => c !== 'care_full'),
    });
    expect(find(report, 'default_used', 'care_full')?.severity).toBe('warning');
    expect(report.ok).toBe(true);
  });

  it('reports wrong types with 1-based example rows, written as the spreadsheet row (header = row 1)', async () => {
    const report = await check(edit({ 3: { income_pc: 'abc' }, 5: { size: '2.5' } }));
    expect(find(report, 'wrong_type', 'income_pc')).toMatchObject({ count: 1, examples: [3], severity: 'error' });
    expect(find(report, 'wrong_type', 'size')).toMatchObject({ count: 1, examples: [5] });
    // Data row 3 is row 4 of the file as Excel shows it, under the header row.
    expect(find(report, 'wrong_type', 'income_pc')?.message.en).toContain('row 4, counting the header as row 1');
    expect(find(report, 'wrong_type', 'income_pc')?.message.zh).toContain('第 4 行');
  });

  it('reports nulls', async () => {
    const report = await check(edit({ 2: { elderly: '' } }));
    expect(find(report, 'null_value', 'elderly')).toMatchObject({ count: 1, examples: [2] });
  });

  it('reports out-of-range values and non-positive weights', async () => {
    const report = await check(
      edit({ 1: { income_pc: '-5' }, 4: { size: '0' }, 6: { weight: '0' }, 7: { weight: '-1' } }),
    );
    expect(find(report, 'out_of_range', 'income_pc')).toMatchObject({ count: 1, examples: [1] });
    expect(find(report, 'out_of_range', 'size')).toMatchObject({ count: 1, examples: [4] });
    expect(find(report, 'non_positive_weight')).toMatchObject({ count: 2, examples: [6, 7], severity: 'error' });
  });

  it('reports duplicate household ids', async () => {
    const report = await check(edit({ 5: { household_id: '1001' } }));
    expect(find(report, 'duplicate_id')).toMatchObject({ count: 2, examples: [1, 5] });
  });

  it('reports empty household ids as empty, not as duplicates of each other', async () => {
    const report = await check(edit({ 2: { household_id: '' }, 3: { household_id: '' } }));
    expect(find(report, 'null_value', 'household_id')).toMatchObject({ count: 2, examples: [2, 3] });
    expect(find(report, 'duplicate_id')).toBeUndefined();
  });

  it('reports region codes without a region row, and falls back to the province with a warning', async () => {
    const report = await check(
      edit({ 2: { region_code: '99' }, 3: { region_code: '530199' }, 4: { region_code: 'x1' } }),
    );
    expect(find(report, 'unknown_region')).toMatchObject({ count: 1, examples: [2], severity: 'error' });
    expect(find(report, 'region_at_province')).toMatchObject({ count: 1, examples: [3], severity: 'warning' });
    expect(find(report, 'invalid_region_code')).toMatchObject({ count: 1, examples: [4] });
  });

  it('reports inconsistent member counts', async () => {
    const report = await check(
      edit({
        1: { size: '1', elderly: '2' },
        2: { size: '2', elderly: '1', children: '2' },
        3: { able_to_work: '1', working: '2' },
        4: { size: '2', care_full: '2', care_half: '1' },
      }),
    );
    expect(find(report, 'inconsistent_counts', 'elderly')).toMatchObject({ examples: [1] });
    expect(find(report, 'inconsistent_counts', 'elderly + children')?.examples).toContain(2);
    expect(find(report, 'inconsistent_counts', 'working')).toMatchObject({ examples: [3] });
    expect(find(report, 'inconsistent_counts', 'care_full + care_half')).toMatchObject({ examples: [4] });
  });

  it('reports more orphans than children, naming the column that bounds it, and an unknown support type', async () => {
    const report = await check(edit({ 2: { children: '1', orphans: '2' }, 5: { support_type: '7' } }));
    const orphans = find(report, 'inconsistent_counts', 'orphans');
    expect(orphans).toMatchObject({ severity: 'error', examples: [2] });
    expect(orphans?.message.en).toContain('exceeds column "children"');
    expect(orphans?.message.zh).toContain('“children”列');
    expect(find(report, 'invalid_code', 'support_type')).toMatchObject({ severity: 'error', examples: [5] });
    expect(report.ok).toBe(false);
  });

  it('reports codes outside the allowed lists', async () => {
    const report = await check(edit({ 1: { area: '5' }, 2: { programme: '9' }, 3: { car: '2' } }));
    expect(find(report, 'invalid_code', 'area')).toMatchObject({ examples: [1] });
    expect(find(report, 'invalid_code', 'programme')).toMatchObject({ examples: [2] });
    expect(find(report, 'out_of_range', 'car')).toMatchObject({ examples: [3] });
  });

  it('lets warnings through: earnings above income, inconsistent status', async () => {
    const report = await check(edit({ 2: { earnings_pc: '999999' }, 6: { gradual_exit: '1' } }));
    expect(find(report, 'earnings_above_income')).toMatchObject({ severity: 'warning', examples: [2] });
    expect(find(report, 'inconsistent_status', 'gradual_exit')).toMatchObject({ severity: 'warning', examples: [6] });
    expect(report.ok).toBe(true);
  });

  it('warns when a region has different central shares for its urban and rural rows', async () => {
    const regions = goodRegions();
    regions[3] = { ...regions[3], central_share: '0.7' };
    const report = await check(goodHouseholds(), regions);
    expect(find(report, 'inconsistent_region')).toMatchObject({ severity: 'warning', examples: [3, 4] });
    expect(report.ok).toBe(true);
  });

  it('checks the regions table: duplicates and missing areas', async () => {
    const regions = goodRegions();
    regions[1] = { ...regions[0] };
    const report = await check(goodHouseholds(), regions);
    expect(find(report, 'duplicate_id', 'region_code + area')).toMatchObject({ count: 2, examples: [1, 2] });
    expect(find(report, 'region_missing_area')).toMatchObject({ examples: [1, 2] });
    expect(report.ok).toBe(false);
  });
});

describe('column and code mapping', () => {
  const zhNames: Record<string, string> = {
    household_id: '户编号',
    region_code: '行政区划代码',
    area: '城乡类别',
    size: '家庭人口数',
    elderly: '老年人数',
    children: '未成年人数',
    disabled: '重度残疾人数',
    ill: '重病人数',
    able_to_work: '劳动力人数',
    working: '就业人数',
    care_full: '全护理人数',
    care_half: '半护理人数',
    income_pc: '人均收入',
    earnings_pc: '人均劳动收入',
    assets_pc: '人均金融资产',
    car: '有车',
    homes: '住房套数',
    medical_hh: '自付医疗费',
    education_hh: '教育支出',
    rehab_hh: '康复支出',
    programme: '救助类别',
    gradual_exit: '渐退期',
    monitored: '监测对象',
    tekun_profile: '三无',
    local_hukou: '本地户口',
    orphans: '孤儿人数',
    support_type: '供养方式',
    weight: '抽样权重',
  };
  const areaWords = ['城镇', '农村'];
  const progWords = ['无', '低保', '特困', '低保边缘', '刚性支出'];
  const renamed = (rows: Row[]): Row[] =>
    rows.map((r) => {
      const out: Row = {};
      for (const [k, v] of Object.entries(r))
        out[zhNames[k]] = k === 'area' ? areaWords[Number(v)] : k === 'programme' ? progWords[Number(v)] : v;
      return out;
    });

  async function suggestedMapping(columns: string[]): Promise<ColumnMapping> {
    const cols: Record<string, string> = {};
    for (const s of suggestColumns(HOUSEHOLDS, columns)) if (s.source) cols[s.target] = s.source;
    const codes: Record<string, Record<string, number>> = {};
    for (const name of ['area', 'programme'] as const) {
      const def = columnDef(HOUSEHOLDS, name);
      const rows = (await db.query(`SELECT DISTINCT "${cols[name]}" AS v FROM raw_h ORDER BY 1`))
        .toArray()
        .map((r) => String(r.v));
      if (def) codes[name] = suggestCodes(def, rows);
    }
    return makeMapping('households', columns, cols, codes);
  }

  it('maps Chinese columns and category words, validates and hands off', async () => {
    const rows = renamed(goodHouseholds());
    const columns = await load('raw_h', toCsv(rows));
    const mapping = await suggestedMapping(columns);
    expect(Object.keys(mapping.columns)).toHaveLength(28);
    expect(mapping.codes.area).toEqual({ 农村: 1, 城镇: 0 });
    const report = await check(rows, goodRegions(), { mapping });
    expect(report.issues).toEqual([]);
  });

  it('reports category values missing from the code mapping', async () => {
    const rows = renamed(goodHouseholds());
    rows[6][zhNames.area] = '郊区';
    const columns = await load('raw_h', toCsv(renamed(goodHouseholds())));
    const mapping = await suggestedMapping(columns);
    const report = await check(rows, goodRegions(), { mapping });
    expect(find(report, 'unmapped_code', '城乡类别')).toMatchObject({ count: 1, examples: [7], severity: 'error' });
  });

  it('reuses a saved mapping for a file with the same columns in another order', async () => {
    const rows = renamed(goodHouseholds());
    const columns = await load('raw_h', toCsv(rows));
    const saved = JSON.stringify(await suggestedMapping(columns));
    const parsed = parseMapping(saved);
    if (!parsed.ok) throw new Error(parsed.message.en);
    const reordered = [...columns].reverse();
    const reusable = findMapping([parsed.mapping], 'households', reordered);
    expect(reusable).toBeDefined();
    const report = await check(rows, goodRegions(), { columns: reordered, mapping: reusable });
    expect(report.issues).toEqual([]);
    const rc = await load('raw_r', toCsv(goodRegions()), true);
    const sources = {
      households: { table: 'raw_h', mapping: parsed.mapping },
      regions: { table: 'raw_r', mapping: identityMapping('regions', rc) },
    };
    await buildCanonicalTables(db, sources, report);
    const { households, regions } = await handOff(db);
    expect(households.count).toBe(12);
    expect(regions.code).toEqual(['11', '53', '5301']);
    expect(Array.from(households.region)).toEqual([0, 0, 1, 1, 2, 2, 0, 1, 2, 0, 1, 2]);
    expect(Array.from(households.programme.slice(0, 5))).toEqual([1, 1, 1, 2, 0]);
    expect(Array.from(households.careFull)).toEqual(new Array(12).fill(0));
    expect(regions.standard[2 * 2 + 1]).toBe(600);
  });
});
