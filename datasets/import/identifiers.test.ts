// Identifier detection by column name and by values: true positives, and no false alarms on schema columns or regions.
import { describe, expect, it } from 'vitest';
import { Binary, Dictionary, Int32, Int64, Table, Utf8, makeVector, vectorFromArray } from 'apache-arrow';
import { HOUSEHOLDS, REGIONS } from '../schema.ts';
import { PROVINCES } from '../reference/reference-data.ts';
import {
  containsAddress,
  containsDistinctiveName,
  containsOldResidentId,
  containsPhone,
  containsResidentId,
  identifierHits,
  numberAsDigits,
  identifierKindByName,
  identifierKindByValues,
  isAddress,
  isPersonName,
  isPhone,
  isResidentId,
  sampleRowIndices,
  scanArrowIdentifiers,
} from './identifiers.ts';

describe('value tests', () => {
  it('checks resident ID numbers with the GB 11643 check digit', () => {
    expect(isResidentId('11010519491231002X')).toBe(true);
    expect(isResidentId('440524188001010014')).toBe(true);
    expect(isResidentId('110105194912310021')).toBe(false);
    expect(isResidentId('11010519491331002X')).toBe(false);
    expect(isResidentId('1101051949123100')).toBe(false);
  });

  it('recognises phones, addresses and names', () => {
    expect(isPhone('13812345678')).toBe(true);
    expect(isPhone('+86 138-1234-5678')).toBe(true);
    expect(isPhone('010-62345678')).toBe(true);
    expect(isPhone('12345')).toBe(false);
    expect(isAddress('朝阳区建国路88号3栋2单元')).toBe(true);
    expect(isAddress('12 Baker Street')).toBe(true);
    expect(isAddress('城镇')).toBe(false);
    expect(isPersonName('张伟')).toBe(true);
    expect(isPersonName('欧阳娜娜')).toBe(true);
    expect(isPersonName('北京')).toBe(false);
    expect(isPersonName('江苏')).toBe(false);
    expect(isPersonName('东城区')).toBe(false);
    expect(isPersonName('低保')).toBe(false);
  });
});

describe('identifierKindByName', () => {
  it('flags Chinese and English identifier column names', () => {
    expect(identifierKindByName('姓名')).toBe('person_name');
    expect(identifierKindByName('户主姓名')).toBe('person_name');
    expect(identifierKindByName('Full Name')).toBe('person_name');
    expect(identifierKindByName('身份证号码')).toBe('resident_id');
    expect(identifierKindByName('id_number')).toBe('resident_id');
    expect(identifierKindByName('联系电话')).toBe('phone');
    expect(identifierKindByName('mobile')).toBe('phone');
    expect(identifierKindByName('家庭住址')).toBe('address');
    expect(identifierKindByName('street_address')).toBe('address');
  });

  it('does not flag schema columns, their labels or synonyms', () => {
    for (const t of [HOUSEHOLDS, REGIONS]) {
      for (const c of t.columns) {
        const allow = t.name === 'regions';
        for (const n of [c.name, c.label.zh, c.label.en, ...c.synonyms.zh, ...c.synonyms.en]) {
          expect(identifierKindByName(n, allow), `${t.name}: ${n}`).toBeUndefined();
        }
      }
    }
  });
});

describe('identifierKindByValues', () => {
  it('detects identifier columns from samples', () => {
    expect(identifierKindByValues(['11010519491231002X', '440524188001010014', '11010519491231002X'])).toBe(
      'resident_id',
    );
    expect(identifierKindByValues(['13812345678', '13987654321', '15011112222', ''])).toBe('phone');
    expect(identifierKindByValues(['建国路88号', '人民路12号', '解放街3号'])).toBe('address');
    const names = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄勇', '周杰', '吴霞', '徐明', '孙丽'];
    expect(identifierKindByValues(names)).toBe('person_name');
  });

  it('leaves ordinary data alone', () => {
    expect(identifierKindByValues(PROVINCES.map((p) => p.nameZh))).toBeUndefined();
    expect(identifierKindByValues(['城镇', '农村', '城镇', '农村'])).toBeUndefined();
    expect(identifierKindByValues(['11', '12', '5301', '530102'])).toBeUndefined();
    expect(identifierKindByValues(Array.from({ length: 50 }, (_, i) => String(100000 + i * 7919)))).toBeUndefined();
  });
});

describe('identifier detection v2: substrings, old IDs, phone forms, names and addresses', () => {
  const filler = (n: number, f: (i: number) => string, every: number, hit: (i: number) => string): string[] =>
    Array.from({ length: n }, (_, i) => (i % every === 0 ? hit(i) : f(i)));

  it('one valid 18-digit ID anywhere in text refuses; an invalid check digit does not', () => {
    const notes = Array.from({ length: 100 }, (_, i) => `第${i}户，已核实`);
    notes[37] = '户主身份证11010519491231002X，已核实';
    expect(identifierHits(notes)).toEqual({ kind: 'resident_id', hits: [37] });
    notes[37] = '户主身份证110105194912310021，已核实';
    expect(identifierKindByValues(notes)).toBeUndefined();
    expect(containsResidentId('ID：１１０１０５１９４９１２３１００２Ｘ')).toBe(true);
  });

  it('finds 15-digit old IDs in a note column of 20% hits', () => {
    const notes = filler(
      50,
      (i) => `走访记录${i}`,
      5,
      (i) => `旧证号43010280010${String(1000 + i)}`,
    );
    expect(containsOldResidentId('旧证号430102800101123')).toBe(true);
    expect(containsOldResidentId('编号990102800101123')).toBe(false);
    expect(identifierKindByValues(notes)).toBe('resident_id');
  });

  it('finds phones with +86, 0086, (+86), spaces, hyphens and full-width digits', () => {
    for (const phone of [
      '+86 138 1234 5678',
      '0086-13812345678',
      '(+86)13812345678',
      '联系人电话：１３８－１２３４－５６７８',
      '138-1234-5678',
      '(0731) 84567890',
      '0731-84567890',
    ])
      expect(containsPhone(phone), phone).toBe(true);
    for (const other of ['2024-01-15', '12345', '110105194912310021', '1381234567', '0000123456789'])
      expect(containsPhone(other), other).toBe(false);
  });

  it('finds pinyin, minority and masked names', () => {
    expect(identifierKindByValues(['ZHANG Wei', 'LI Na', 'OUYANG Nana', 'WANG Xiao-ming'])).toBe('person_name');
    expect(identifierKindByValues(['阿依古丽·买买提', '热依拉·艾山', '城镇', '农村'])).toBe('person_name');
    expect(identifierKindByValues(['张*明', '李**', '王某某', '刘*'])).toBe('person_name');
    expect(containsDistinctiveName('户主张*明，低保')).toBe(true);
  });

  it('finds addresses without a house number and building-unit-room', () => {
    expect(containsAddress('湖南省长沙市岳麓区橘子洲街道')).toBe(true);
    expect(containsAddress('岳麓区橘子洲街道')).toBe(true);
    expect(containsAddress('幸福家园8-3-101')).toBe(true);
    expect(identifierKindByValues(['幸福家园8-3-101', '阳光小区2-1-502', '城镇'])).toBe('address');
    for (const ordinary of ['北京', '北京市', '长沙市', '北京甲市', '湖南', '日期2024-01-15', '低保', 'Beijing City A'])
      expect(containsAddress(ordinary), ordinary).toBe(false);
  });

  it('reads numbers as digits: Float64 and DECIMAL text of 18-digit IDs', () => {
    expect(numberAsDigits('1.1010519491231002e+17')).toBe('110105194912310016');
    expect(numberAsDigits('110105194912310021.000')).toBe('110105194912310021');
    expect(numberAsDigits('1234.5')).toBe('1234.5');
    expect(identifierKindByValues(['1.1010519491231002e+17', '4.4052418800101e+17', '3.2010219850615e+17'])).toBe(
      'resident_id',
    );
    // Ordinary money and weights are not ID-shaped.
    expect(identifierKindByValues(['3500.5', '99999999', '10000000', '1e7'])).toBeUndefined();
  });

  it('keeps false positives low on the demo and fixture shapes', () => {
    const codes = Array.from({ length: 200 }, (_, i) => String(100000 + i * 37));
    expect(identifierKindByValues(codes)).toBeUndefined();
    expect(identifierKindByValues(Array.from({ length: 200 }, (_, i) => `H${String(i).padStart(8, '0')}`))).toBe(
      undefined,
    );
    expect(identifierKindByValues(Array.from({ length: 200 }, (_, i) => String(i).padStart(12, '0')))).toBe(undefined);
    expect(identifierKindByValues(['北京甲市', '北京乙市', '天津甲市', '上海甲市'])).toBeUndefined();
  });
});

describe('sampleRowIndices', () => {
  it('takes every row of a small table', () => {
    expect(sampleRowIndices(4)).toEqual([0, 1, 2, 3]);
    expect(sampleRowIndices(500)).toHaveLength(500);
  });

  it('draws distinct rows in order, spread over the whole table, the same every time', () => {
    const rows = sampleRowIndices(1_000_000);
    expect(rows).toHaveLength(500);
    expect(new Set(rows).size).toBe(500);
    for (let i = 1; i < rows.length; i++) expect(rows[i]).toBeGreaterThan(rows[i - 1]);
    expect(rows[0]).toBeGreaterThanOrEqual(0);
    expect(rows[499]).toBeLessThan(1_000_000);
    // Spread: every tenth of the table gets some of the sample.
    const tenths = new Set(rows.map((r) => Math.floor(r / 100_000)));
    expect(tenths.size).toBe(10);
    expect(sampleRowIndices(1_000_000)).toEqual(rows);
    expect(sampleRowIndices(1_000_000, 500, 8)).not.toEqual(rows);
  });
});

describe('scanArrowIdentifiers', () => {
  const n = 2000;
  const ids = ['11010519491231002X', '440524188001010014', '110101199003074477', '320102198506150016'];
  const ordinary = {
    household_id: makeVector(Int32Array.from({ length: n }, (_, i) => i + 1)),
    region_code: vectorFromArray(
      Array.from({ length: n }, (_, i) => ['11', '5301', '530102'][i % 3]),
      new Utf8(),
    ),
    income_pc: makeVector(Float64Array.from({ length: n }, (_, i) => 1000 + i)),
  };

  it('refuses by name before looking at values', () => {
    const table = new Table({
      ...ordinary,
      户主姓名: vectorFromArray(
        Array.from({ length: n }, () => 'x'),
        new Utf8(),
      ),
    });
    const scan = scanArrowIdentifiers(table, 'h.arrow');
    expect(scan.issues.map((i) => [i.column, i.rule])).toEqual([['户主姓名', 'identifier_column']]);
    expect(scan.issues[0].message.en).toMatch(/personal names \(by its name\)/);
  });

  it('judges text, dictionary text and 64-bit integer columns by sampled values, with 1-based example rows', () => {
    const phones = vectorFromArray(
      Array.from({ length: n }, (_, i) => 13_800_000_000n + BigInt(i)),
      new Int64(),
    );
    const table = new Table({
      ...ordinary,
      misc: vectorFromArray(
        Array.from({ length: n }, (_, i) => ids[i % ids.length]),
        new Utf8(),
      ),
      tag: vectorFromArray(
        Array.from({ length: n }, (_, i) => `建设路${(i % 40) + 1}号`),
        new Dictionary(new Utf8(), new Int32()),
      ),
      contact: phones,
    });
    const scan = scanArrowIdentifiers(table, 'h.arrow');
    expect(scan.issues.map((i) => [i.column, i.message.en.match(/looks like ([a-z -]+?) \(/i)?.[1]])).toEqual([
      ['misc', 'resident ID numbers'],
      ['tag', 'street addresses'],
      ['contact', 'phone numbers'],
    ]);
    const sample = new Set(sampleRowIndices(n).map((i) => i + 1));
    for (const issue of scan.issues) {
      expect(issue.examples.length).toBeGreaterThan(0);
      for (const row of issue.examples) expect(sample.has(row)).toBe(true);
    }
    expect([...scan.valuesChecked].sort()).toEqual([
      'contact',
      'household_id',
      'income_pc',
      'misc',
      'region_code',
      'tag',
    ]);
  });

  it('passes ordinary data, judging numeric columns too', () => {
    const scan = scanArrowIdentifiers(new Table(ordinary), 'h.arrow');
    expect(scan.issues).toEqual([]);
    expect([...scan.valuesChecked]).toEqual(['household_id', 'region_code', 'income_pc']);
  });

  it('refuses a Float64 column of 18-digit ID numbers and a binary column of phone numbers', () => {
    const floats = makeVector(Float64Array.from({ length: n }, (_, i) => Number(ids[i % 3].slice(0, 17) + '0')));
    const binary = vectorFromArray(
      Array.from({ length: n }, (_, i) => new TextEncoder().encode(`tel 139${String(10000000 + i)}`)),
      new Binary(),
    );
    const scan = scanArrowIdentifiers(new Table({ ...ordinary, f: floats, b: binary }), 'h.arrow');
    expect(scan.issues.map((i) => [i.column, i.message.en.match(/looks like ([a-z -]+?) \(/i)?.[1]])).toEqual([
      ['f', 'resident ID numbers'],
      ['b', 'phone numbers'],
    ]);
  });

  it('finds one ID number in a row the sample skips: every row of text, binary and dictionary columns is scanned', () => {
    const sampled = new Set(sampleRowIndices(n));
    const row = Array.from({ length: n }, (_, i) => i).find((i) => !sampled.has(i) && i > 1000) ?? 0;
    const note = (i: number): string => (i === row ? `户主身份证${ids[0]}，已核实` : `第${i}户`);
    const table = new Table({
      ...ordinary,
      note: vectorFromArray(
        Array.from({ length: n }, (_, i) => note(i)),
        new Utf8(),
      ),
      bytes: vectorFromArray(
        Array.from({ length: n }, (_, i) => new TextEncoder().encode(note(i))),
        new Binary(),
      ),
      coded: vectorFromArray(
        Array.from({ length: n }, (_, i) => note(i)),
        new Dictionary(new Utf8(), new Int32()),
      ),
    });
    const scan = scanArrowIdentifiers(table, 'h.arrow');
    expect(scan.issues.map((i) => [i.column, i.examples])).toEqual([
      ['note', [row + 1]],
      ['bytes', [row + 1]],
      ['coded', [row + 1]],
    ]);
  });

  it('skips nulls, as the DuckDB scan does', () => {
    const values = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? null : ids[i % ids.length]));
    const scan = scanArrowIdentifiers(new Table({ misc: vectorFromArray(values, new Utf8()) }), 'h.arrow');
    expect(scan.issues[0]?.column).toBe('misc');
    for (const row of scan.issues[0].examples) expect(row % 2).toBe(0);
  });
});

describe('numbers with a fraction', () => {
  it('never read as phone numbers: a weight column of 1384.29851532-like values loads', async () => {
    const { identifierHits } = await import('./identifiers.ts');
    const weights = Array.from({ length: 200 }, (_, i) => String(1380 + i / 7));
    expect(identifierHits(weights)).toBeUndefined();
    // An integral phone number stored as a number is still one.
    const phones = Array.from({ length: 20 }, (_, i) => String(13812345600 + i));
    expect(identifierHits(phones)?.kind).toBe('phone');
  });
});
