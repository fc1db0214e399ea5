// Identifier detection by column name and by values: true positives, and no false alarms on schema columns or regions.
import { describe, expect, it } from 'vitest';
import { HOUSEHOLDS, REGIONS } from '../schema.ts';
import { PROVINCES } from '../reference/reference-data.ts';
import {
  identifierKindByName,
  identifierKindByValues,
  isAddress,
  isPersonName,
  isPhone,
  isResidentId,
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
