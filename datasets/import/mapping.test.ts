// Column and code mapping suggestions, signatures for reuse, and zod validation of saved mappings.
import { describe, expect, it } from 'vitest';
import { HOUSEHOLDS, columnDef } from '../schema.ts';
import {
  columnSignature,
  editDistance,
  findMapping,
  makeMapping,
  parseMapping,
  suggestCodes,
  suggestColumns,
} from './mapping.ts';

describe('suggestColumns', () => {
  it('maps Chinese headers by synonyms and labels', () => {
    const source = [
      '户编号',
      '行政区划代码',
      '城乡',
      '家庭人口数',
      '老年人数',
      '未成年人数',
      '人均收入',
      '抽样权重',
      '救助类别',
    ];
    const s = Object.fromEntries(suggestColumns(HOUSEHOLDS, source).map((x) => [x.target, x.source]));
    expect(s).toMatchObject({
      household_id: '户编号',
      region_code: '行政区划代码',
      area: '城乡',
      size: '家庭人口数',
      elderly: '老年人数',
      children: '未成年人数',
      income_pc: '人均收入',
      weight: '抽样权重',
      programme: '救助类别',
    });
  });

  it('maps English headers with small spelling differences and uses each source once', () => {
    const source = ['HH_ID', 'Region', 'hhsize', 'n_elderly', 'Income_per_capita', 'Weight', 'prog'];
    const list = suggestColumns(HOUSEHOLDS, source);
    const s = Object.fromEntries(list.map((x) => [x.target, x.source]));
    expect(s.household_id).toBe('HH_ID');
    expect(s.region_code).toBe('Region');
    expect(s.size).toBe('hhsize');
    expect(s.elderly).toBe('n_elderly');
    expect(s.income_pc).toBe('Income_per_capita');
    expect(s.weight).toBe('Weight');
    const used = list.map((x) => x.source).filter((x) => x !== undefined);
    expect(new Set(used).size).toBe(used.length);
  });

  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('城乡', '城乡类别')).toBe(2);
  });
});

describe('suggestCodes', () => {
  const area = columnDef(HOUSEHOLDS, 'area');
  const programme = columnDef(HOUSEHOLDS, 'programme');
  const car = columnDef(HOUSEHOLDS, 'car');
  if (!area || !programme || !car) throw new Error('schema columns missing');

  it('translates area words and the 1/2 convention', () => {
    expect(suggestCodes(area, ['城镇', '农村'])).toEqual({ 城镇: 0, 农村: 1 });
    expect(suggestCodes(area, ['1', '2'])).toEqual({ '1': 0, '2': 1 });
    expect(suggestCodes(area, ['0', '1'])).toEqual({ '0': 0, '1': 1 });
    expect(suggestCodes(area, ['Urban', 'RURAL'])).toEqual({ Urban: 0, RURAL: 1 });
  });

  it('translates programme names and leaves unknown values out', () => {
    expect(suggestCodes(programme, ['低保', '特困', '五保', '低保边缘', '刚性支出', '无', '其他'])).toEqual({
      低保: 1,
      特困: 2,
      五保: 2,
      低保边缘: 3,
      刚性支出: 4,
      无: 0,
    });
    expect(suggestCodes(car, ['是', '否'])).toEqual({ 是: 1, 否: 0 });
  });

  it('translates support types (tekun and orphans) and leaves unknown values out', () => {
    const support = columnDef(HOUSEHOLDS, 'support_type');
    if (!support) throw new Error('support_type missing');
    expect(suggestCodes(support, ['集中供养', '分散供养', '散居', '机构养育', '不详', '其他'])).toEqual({
      集中供养: 1,
      分散供养: 2,
      散居: 2,
      机构养育: 1,
      不详: 0,
    });
    expect(suggestCodes(support, ['0', '1', '2'])).toEqual({ '0': 0, '1': 1, '2': 2 });
  });
});

describe('saved mappings', () => {
  it('reuses a mapping for a file with the same columns in another order, not for other columns', () => {
    const m = makeMapping('households', ['a', 'b', 'c'], { household_id: 'a' }, { area: { 城镇: 0 } });
    expect(columnSignature('households', ['c', 'a', 'b'])).toBe(m.signature);
    expect(findMapping([m], 'households', ['b', 'c', 'a'])).toBe(m);
    expect(findMapping([m], 'households', ['a', 'b'])).toBeUndefined();
    expect(findMapping([m], 'regions', ['a', 'b', 'c'])).toBeUndefined();
    const round = parseMapping(JSON.stringify(m));
    expect(round.ok && round.mapping).toEqual(m);
  });

  it('rejects invalid mapping documents with the path of the bad field', () => {
    const bad = parseMapping({
      version: 1,
      table: 'households',
      signature: 'x',
      sourceColumns: [],
      columns: {},
      codes: { area: { u: 300 } },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message.en).toContain('codes.area.u');
    const notJson = parseMapping('{oops');
    expect(!notJson.ok && notJson.message.zh).toContain('JSON');
  });
});
