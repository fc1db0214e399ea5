// Display units follow the reader's language: 万人 and 亿元 in Chinese, millions and billions in English.
import { describe, expect, it } from 'vitest';
import { formatValue, scaled, unitOf } from './units';

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
  it('never prints NaN', () => {
    expect(formatValue(Number.NaN, 'money', 'zh')).toBe('—');
  });
  it('scales without units for charts', () => {
    expect(scaled(12_345_678, 'persons', 'zh')).toBeCloseTo(1234.5678);
    expect(unitOf('money', 'en')).toBe('billion yuan');
  });
});
