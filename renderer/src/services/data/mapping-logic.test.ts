// Tests of the mapping screen's logic with the real schema: target guess, suggestions, saved mapping reuse, edits,
// and the problems that block validation.
import { describe, expect, it } from 'vitest';
import { makeMapping } from '../../../../datasets/index.ts';
import {
  columnsNeedingCodes,
  guessTarget,
  initialMapping,
  mappingProblems,
  tableDef,
  withCode,
  withColumn,
  withSuggestedCodes,
} from './mapping-logic.ts';

const CHINESE_HOUSEHOLD_COLUMNS = [
  '户编号',
  '地区代码',
  '城乡',
  '家庭人口',
  '老年人数',
  '未成年人数',
  '重度残疾人数',
  '重病患者人数',
  '劳动力人数',
  '就业人数',
  '人均年收入',
  '人均工资性收入',
  '人均金融资产',
  '救助类型',
  '权重',
];
const REGION_COLUMNS = [
  'region_code',
  'area',
  'name_zh',
  'name_en',
  'population',
  'dibao_standard',
  'income_prev_pc',
  'consumption_prev_pc',
  'min_wage',
  'central_share',
];

describe('mapping logic', () => {
  it('guesses the target table from column names', () => {
    expect(guessTarget(CHINESE_HOUSEHOLD_COLUMNS)).toBe('households');
    expect(guessTarget(REGION_COLUMNS)).toBe('regions');
  });

  it('suggests mappings for Chinese column names', () => {
    const { mapping, reused } = initialMapping('households', CHINESE_HOUSEHOLD_COLUMNS, []);
    expect(reused).toBe(false);
    expect(mapping.columns.region_code).toBe('地区代码');
    expect(mapping.columns.weight).toBe('权重');
    expect(mapping.columns.size).toBe('家庭人口');
  });

  it('reuses a saved mapping for a file with the same columns in another order', () => {
    const saved = makeMapping('households', CHINESE_HOUSEHOLD_COLUMNS, { weight: '权重', size: '家庭人口' });
    const reordered = [...CHINESE_HOUSEHOLD_COLUMNS].reverse();
    const { mapping, reused } = initialMapping('households', reordered, [saved]);
    expect(reused).toBe(true);
    expect(mapping.columns).toEqual({ weight: '权重', size: '家庭人口' });
  });

  it('edits a column choice and drops its code choices when the source changes', () => {
    let mapping = makeMapping('households', ['a', 'b'], { area: 'a' }, { area: { 城镇: 0 } });
    mapping = withColumn(mapping, 'area', 'b');
    expect(mapping.columns.area).toBe('b');
    expect(mapping.codes.area).toBeUndefined();
    expect(withColumn(mapping, 'area', undefined).columns.area).toBeUndefined();
  });

  it('asks for codes of text category columns and suggests them', () => {
    const base = makeMapping('households', ['城乡'], { area: '城乡' });
    const needing = columnsNeedingCodes(base, { 城乡: 'VARCHAR' });
    expect(needing.map((c) => c.name)).toEqual(['area']);
    expect(columnsNeedingCodes(base, { 城乡: 'INTEGER' })).toEqual([]);
    const area = tableDef('households').columns.find((c) => c.name === 'area')!;
    const suggested = withSuggestedCodes(base, area, ['城镇', '农村']);
    expect(suggested.codes.area).toEqual({ 城镇: 0, 农村: 1 });
  });

  it('lists required columns unmapped, sources used twice and values without codes', () => {
    let mapping = makeMapping('households', ['x', '城乡'], { size: 'x', elderly: 'x', area: '城乡' });
    mapping = withCode(mapping, 'area', '城镇', 0);
    const problems = mappingProblems(mapping, { area: ['城镇', '农村'] }, { x: 'INTEGER', 城乡: 'VARCHAR' });
    const text = problems.map((p) => p.en).join('\n');
    expect(text).toContain('(weight) is not mapped');
    expect(text).toContain('source column "x" is mapped to several columns');
    expect(text).toContain('values 农村');
    expect(problems.every((p) => p.zh.length > 0)).toBe(true);
  });
});

describe('a saved mapping made for an earlier version of the file', () => {
  const before = ['hh', 'region', 'wt', 'income'];
  const saved = makeMapping('households', before, { household_id: 'hh', region_code: 'region', weight: 'wt' });

  it('keeps the saved choices for the columns still present instead of switching to a new "weight" column', () => {
    const now = [...before, 'weight'];
    const start = initialMapping('households', now, [saved]);
    expect(start.reused).toBe(false);
    expect(start.mapping.columns.weight).toBe('wt');
    expect(start.drift).toEqual({ missing: [], added: ['weight'] });
  });

  it('blocks validation until the user confirms the carried-over mapping', () => {
    const start = initialMapping('households', [...before, 'weight'], [saved]);
    const blocking = mappingProblems(start.mapping, {}, {}, start.drift);
    expect(blocking[0].en).toMatch(/earlier version of this file.*new: “weight”/);
    const confirmed = mappingProblems(start.mapping, {}, {}, { ...start.drift!, confirmed: true });
    expect(confirmed.some((p) => /earlier version/.test(p.en))).toBe(false);
  });

  it('ignores saved mappings for other files (most mapped columns absent)', () => {
    const start = initialMapping('households', ['a', 'b', 'wt'], [saved]);
    expect(start.drift).toBeUndefined();
  });
});
