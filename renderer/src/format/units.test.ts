// Display units follow the reader's language: 万人 and 亿元 in Chinese, millions and billions in English.
import { describe, expect, it } from 'vitest';
import { formatValue, numberFormat, scaled, unitOf } from './units.ts';

describe('formatValue', () => {
  it('shows persons in 万人 for Chinese and millions for English', () => {
    expect(formatValue(40_370_000, 'persons', 'zh')).toBe('4,037.0万人');
    expect(formatValue(40_370_000, 'persons', 'en')).toBe('40.37 million persons');
  });
  it('shows money in 亿元 for Chinese and billions for English', () => {
    expect(formatValue(191_500_000_000, 'money', 'zh')).toBe('1,915.0亿元');
    expect(formatValue(191_500_000_000, 'money', 'en')).toBe('191.50 billion yuan');
  });
  it('signs changes and shows shares as percentages', () => {
    expect(formatValue(0.0123, 'share', 'en', { signed: true })).toBe('+1.23%');
    expect(formatValue(-2e8, 'money', 'zh', { signed: true })).toBe('-2.0亿元');
  });
  it('shows a household-year in 万元 from 1万 up and in whole 元 below it (never 0.00万元)', () => {
    expect(formatValue(16_323, 'householdAnnual', 'zh')).toBe('1.63万元');
    expect(formatValue(38.3, 'householdAnnual', 'zh')).toBe('38元');
    expect(formatValue(-38.3, 'householdAnnual', 'zh', { signed: true })).toBe('-38元');
    expect(formatValue(38.3, 'householdAnnual', 'en')).toBe('38 yuan/year');
  });
  it('shows temporary assistance in 万人次 / million person-times', () => {
    expect(formatValue(343_300, 'personTimes', 'zh')).toBe('34.3万人次');
    expect(formatValue(7_277_952, 'personTimes', 'en')).toBe('7.28 million person-times');
  });
  it('never prints NaN', () => {
    expect(formatValue(Number.NaN, 'money', 'zh')).toBe('—');
  });
  it('scales without units for charts', () => {
    expect(scaled(12_345_678, 'persons', 'zh')).toBeCloseTo(1234.5678);
    expect(unitOf('money', 'en')).toBe('billion yuan');
  });
});

describe('numberFormat', () => {
  it('makes one formatter per language and options, formatting as a fresh Intl.NumberFormat does', () => {
    const options = { maximumFractionDigits: 1 };
    expect(numberFormat('zh', options)).toBe(numberFormat('zh', { maximumFractionDigits: 1 }));
    expect(numberFormat('en', options)).not.toBe(numberFormat('zh', options));
    expect(numberFormat('zh', { maximumFractionDigits: 2 })).not.toBe(numberFormat('zh', options));
    expect(numberFormat('en', options).format(12345.67)).toBe(new Intl.NumberFormat('en-US', options).format(12345.67));
    expect(numberFormat('en', options).format(12345.67)).toBe('12,345.7');
    expect(numberFormat('zh', { maximumFractionDigits: 0 }).format(1234567)).toBe('1,234,567');
  });
});
