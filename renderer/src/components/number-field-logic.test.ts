// Exact entry in NumberField: parsing (including full-width digits), range checks and display precision.
import { describe, expect, it } from 'vitest';
import { displayText, parseNumberEntry, stepDecimals } from './number-field-logic.ts';

describe('parseNumberEntry', () => {
  it('accepts a typed percent sign: "10%" in a % field is 10, "150%" in a multiplier field is 1.5', () => {
    expect(parseNumberEntry('10%', { min: -50, max: 200, unit: '%' })).toEqual({ ok: true, value: 10 });
    expect(parseNumberEntry('40 ％', { min: 0, max: 1, scale: 100, unit: '%' })).toEqual({ ok: true, value: 0.4 });
    expect(parseNumberEntry('150%', { min: 1, max: 3, unit: '倍' })).toEqual({ ok: true, value: 1.5 });
    expect(parseNumberEntry('%', { min: 0, max: 1 }).ok).toBe(false);
  });
  const label = { zh: '农村比例', en: 'Rural ratio' };
  it('reads a value typed in display units (percent) as a raw share', () => {
    expect(parseNumberEntry('40', { min: 0, max: 1, scale: 100, label })).toEqual({ ok: true, value: 0.4 });
  });
  it('accepts full-width digits and thousands separators', () => {
    expect(parseNumberEntry('１,２００', { min: 0, max: 5000 })).toEqual({ ok: true, value: 1200 });
  });
  it('rejects out-of-range values with bilingual messages naming the field', () => {
    const result = parseNumberEntry('120', { min: 0, max: 1, scale: 100, label });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.messageZh).toBe('「农村比例」不得大于 100');
      expect(result.error.messageEn).toBe('"Rural ratio": must be at most 100');
    }
    const low = parseNumberEntry('-1', { min: 0, max: 1, scale: 100, label });
    expect(low.ok).toBe(false);
  });
  it('rejects text that is not a number', () => {
    for (const text of ['', 'abc', '1.2.3', '12a']) {
      expect(parseNumberEntry(text, { min: 0, max: 100 }).ok).toBe(false);
    }
  });
});

describe('display precision', () => {
  it('derives decimals from the step', () => {
    expect(stepDecimals(0.05)).toBe(2);
    expect(stepDecimals(10)).toBe(0);
    expect(stepDecimals(1e-7)).toBe(7);
  });
  it('shows shares as percent without floating-point noise', () => {
    expect(displayText(0.1 + 0.2, 100, 0.01)).toBe('30');
    expect(displayText(0.355, 100, 0.005)).toBe('35.5');
    expect(displayText(Number.NaN, 1, 1)).toBe('');
  });
});
