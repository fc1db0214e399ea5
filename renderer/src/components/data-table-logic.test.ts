// Suppression and sorting rules of DataTable: small cells hidden, hidden values never leak through row order.
import { describe, expect, it } from 'vitest';
import { countSuppressed, isSuppressed, nextSort, sortRows } from './data-table-logic.ts';
import type { TableColumn } from './data-table-logic.ts';

interface Row {
  name: string;
  persons: number;
  sample: number;
  tekunSample: number;
}

const rows: Row[] = [
  { name: '北京', persons: 300, sample: 50, tekunSample: 3 },
  { name: '西藏', persons: 999, sample: 4, tekunSample: 1 },
  { name: '河北', persons: 100, sample: 80, tekunSample: 20 },
  { name: '云南', persons: 500, sample: 10, tekunSample: 12 },
];
const columns: TableColumn<Row>[] = [
  { id: 'name', header: 'name', value: (r) => r.name },
  { id: 'persons', header: 'persons', value: (r) => r.persons, quantity: 'persons' },
  { id: 'tekun', header: 'tekun', value: (r) => r.persons / 10, quantity: 'persons', sample: (r) => r.tekunSample },
];
const rowSample = (r: Row) => r.sample;

describe('isSuppressed', () => {
  it('hides cells under the threshold and keeps the threshold itself', () => {
    expect(isSuppressed(9, 10)).toBe(true);
    expect(isSuppressed(10, 10)).toBe(false);
    expect(isSuppressed(0, 10)).toBe(true);
  });
  it('does nothing without a threshold or a sample', () => {
    expect(isSuppressed(1, undefined)).toBe(false);
    expect(isSuppressed(undefined, 10)).toBe(false);
  });
});

describe('countSuppressed', () => {
  it('counts numeric cells by row sample and per-column sample, never label cells', () => {
    // persons: 西藏 (4); tekun: 北京 (3), 西藏 (1).
    expect(countSuppressed(rows, columns, rowSample, 10)).toBe(3);
    expect(countSuppressed(rows, columns, rowSample, 2)).toBe(1);
  });
});

describe('sortRows', () => {
  it('sorts numbers descending with suppressed cells last', () => {
    const sorted = sortRows(rows, columns, { column: 'persons', direction: 'desc' }, rowSample, 10);
    expect(sorted.map((r) => r.name)).toEqual(['云南', '北京', '河北', '西藏']);
  });
  it('keeps suppressed cells last when ascending too', () => {
    const sorted = sortRows(rows, columns, { column: 'persons', direction: 'asc' }, rowSample, 10);
    expect(sorted.map((r) => r.name)).toEqual(['河北', '北京', '云南', '西藏']);
  });
  it('sorts by the value when nothing is suppressed', () => {
    const sorted = sortRows(rows, columns, { column: 'persons', direction: 'desc' }, rowSample, undefined);
    expect(sorted[0].name).toBe('西藏');
  });
  it('sorts text with the Chinese collation and returns a copy without a sort', () => {
    const sorted = sortRows(rows, columns, { column: 'name', direction: 'asc' }, rowSample, 10);
    expect(sorted.map((r) => r.name)).toEqual(['北京', '河北', '西藏', '云南']);
    const unsorted = sortRows(rows, columns, null, rowSample, 10);
    expect(unsorted).toEqual(rows);
    expect(unsorted).not.toBe(rows);
  });
});

describe('nextSort', () => {
  it('starts numbers descending, text ascending, and toggles on a second click', () => {
    expect(nextSort(null, 'persons', true)).toEqual({ column: 'persons', direction: 'desc' });
    expect(nextSort(null, 'name', false)).toEqual({ column: 'name', direction: 'asc' });
    expect(nextSort({ column: 'persons', direction: 'desc' }, 'persons', true)).toEqual({
      column: 'persons',
      direction: 'asc',
    });
  });
});
