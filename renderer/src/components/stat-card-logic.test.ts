// StatCard's change line: percentage points for shares, signed units and relative change otherwise.
import { describe, expect, it } from 'vitest';
import { formatChange } from './stat-card-logic.ts';

describe('formatChange', () => {
  it('shows a money change in 亿元 with its relative change', () => {
    expect(formatChange(2.2e11, 2e11, 'money', 'zh')).toEqual({
      absolute: '+200.0亿元',
      relative: '+10.0%',
      direction: 'up',
    });
  });
  it('shows share changes in percentage points', () => {
    const change = formatChange(0.035, 0.03, 'share', 'en');
    expect(change.absolute).toBe('+0.50 pp');
    expect(change.relative).toBeNull();
    expect(formatChange(0.025, 0.03, 'share', 'zh').absolute).toBe('-0.50 个百分点');
  });
  it('reports no direction when equal and never NaN', () => {
    expect(formatChange(5, 5, 'persons', 'en').direction).toBe('none');
    expect(formatChange(Number.NaN, 5, 'persons', 'en').absolute).toBe('—');
    expect(formatChange(5, 0, 'persons', 'en').relative).toBeNull();
  });
  it('shows no arrow for a change that rounds to zero at the display precision', () => {
    expect(formatChange(0.0300000004, 0.03, 'share', 'zh')).toEqual({
      absolute: '0.00 个百分点',
      relative: null,
      direction: 'none',
    });
    expect(formatChange(40_370_010, 40_370_000, 'persons', 'zh').direction).toBe('none');
    expect(formatChange(40_470_000, 40_370_000, 'persons', 'zh').direction).toBe('up');
  });
});
