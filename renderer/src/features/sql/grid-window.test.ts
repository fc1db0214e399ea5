// Tests of the result grid's windowing maths and cell formatting.
import { describe, expect, it } from 'vitest';
import { cellText, gridWindow } from './grid-window.ts';

describe('gridWindow', () => {
  it('renders nothing for an empty result', () => {
    expect(gridWindow(0, 400, 24, 0)).toEqual({ start: 0, end: 0, offsetTop: 0, totalHeight: 0 });
  });

  it('renders the visible rows plus overscan at the top', () => {
    expect(gridWindow(0, 240, 24, 1_000_000, 5)).toEqual({ start: 0, end: 16, offsetTop: 0, totalHeight: 24_000_000 });
  });

  it('renders a bounded slice in the middle of a million rows', () => {
    const w = gridWindow(24 * 500_000 + 10, 240, 24, 1_000_000, 5);
    expect(w.start).toBe(499_995);
    expect(w.end).toBe(500_016);
    expect(w.offsetTop).toBe(499_995 * 24);
    expect(w.end - w.start).toBeLessThan(30);
  });

  it('clamps a scroll past the end and a negative scroll', () => {
    const end = gridWindow(1e12, 240, 24, 100, 2);
    expect(end.end).toBe(100);
    expect(end.start).toBe(100 - 10 - 2);
    expect(gridWindow(-50, 240, 24, 100, 2).start).toBe(0);
  });

  it('covers every row when the viewport is taller than the content', () => {
    expect(gridWindow(0, 1000, 24, 7)).toMatchObject({ start: 0, end: 7, totalHeight: 168 });
  });
});

describe('cellText', () => {
  it('formats nulls, bigints, floats, dates and nested values', () => {
    expect(cellText(null)).toBe('NULL');
    expect(cellText(12345678901234567890n)).toBe('12345678901234567890');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(42)).toBe('42');
    expect(cellText(new Date(Date.UTC(2025, 0, 2)))).toBe('2025-01-02T00:00:00.000Z');
    expect(cellText(new Int32Array([1, 2]))).toBe('[1, 2]');
    expect(cellText({ toJSON: () => ({ a: 1n }) })).toBe('{"a":"1"}');
  });
});
