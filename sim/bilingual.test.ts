// The one bilingual vocabulary: text in the reader's language, errors as values with their place, and the one
// conversion of anything thrown into a bilingual error.
import { describe, expect, it } from 'vitest';
import {
  WorkbenchError,
  bi,
  errorInfoOf,
  errorText,
  errorTextBoth,
  fillText,
  inLanguage,
  isErrorInfo,
} from './bilingual.ts';

describe('bilingual text', () => {
  it('gives the reader language and fills placeholders in both', () => {
    const text = fillText(bi('共 {n} 户', '{n} households'), { n: 3 });
    expect(inLanguage(text, 'zh')).toBe('共 3 户');
    expect(inLanguage(text, 'en')).toBe('3 households');
  });
});

describe('errorText', () => {
  it('is the message alone when the error has no place', () => {
    const info = { code: 'x', messageZh: '出错了', messageEn: 'it failed' };
    expect(errorText(info, 'zh')).toBe('出错了');
    expect(errorText(info, 'en')).toBe('it failed');
    expect(errorTextBoth(info)).toBe('出错了 / it failed');
  });

  it('names the file, column and row the message does not name already', () => {
    const info = { messageZh: '不是数字', messageEn: 'not a number', file: 'hh.csv', column: 'income', row: 12 };
    expect(errorText(info, 'zh')).toBe('不是数字（hh.csv，列 income，第 12 行）');
    expect(errorText(info, 'en')).toBe('not a number (hh.csv, column income, row 12)');
    const named = { messageZh: 'hh.csv：列 income 不是数字', messageEn: 'hh.csv: column income is not a number' };
    expect(errorText({ ...named, file: 'hh.csv', column: 'income' }, 'en')).toBe(named.messageEn);
  });
});

describe('errorInfoOf', () => {
  it('keeps a bilingual error whole, thrown or as a plain value', () => {
    const thrown = new WorkbenchError({ code: 'bad', messageZh: '坏', messageEn: 'bad', paths: ['a.b'], row: 3 });
    expect(thrown.message).toBe('坏（第 3 行） / bad (row 3)');
    expect(errorInfoOf(thrown, bi('失败', 'failed'))).toEqual({
      code: 'bad',
      messageZh: '坏',
      messageEn: 'bad',
      paths: ['a.b'],
      row: 3,
    });
    expect(errorInfoOf(structuredClone(thrown.toInfo()), bi('失败', 'failed'))).toEqual(thrown.toInfo());
  });

  it('wraps anything else after a bilingual lead', () => {
    expect(errorInfoOf(new Error('boom'), bi('计算失败', 'run failed'))).toEqual({
      messageZh: '计算失败：boom',
      messageEn: 'run failed: boom',
    });
    expect(errorInfoOf('oops', bi('失败', 'failed')).messageEn).toBe('failed: oops');
    expect(isErrorInfo({ messageZh: '甲' })).toBe(false);
  });

  it('gives subclasses their name and a default code', () => {
    class SampleError extends WorkbenchError {}
    const error = new SampleError({ messageZh: '甲', messageEn: 'a' }, 'sample');
    expect(error.name).toBe('SampleError');
    expect(error.code).toBe('sample');
    expect(error).toBeInstanceOf(Error);
  });
});
