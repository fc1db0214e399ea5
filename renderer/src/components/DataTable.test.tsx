// DataTable rendered in jsdom: suppressed cells show the mark, the note states rule and threshold, headers sort.
// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { DataTable } from './DataTable.tsx';
import type { TableColumn } from './DataTable.tsx';
import { useUiStore } from '../store/ui-store.ts';

interface Row {
  code: string;
  name: string;
  persons: number;
  sample: number;
}
const rows: Row[] = [
  { code: '11', name: '北京', persons: 120_000, sample: 40 },
  { code: '54', name: '西藏', persons: 80_000, sample: 6 },
  { code: '53', name: '云南', persons: 900_000, sample: 200 },
];
const columns: TableColumn<Row>[] = [
  { id: 'name', header: '省份', value: (r) => r.name },
  { id: 'persons', header: '人数（万人）', value: (r) => r.persons, quantity: 'persons' },
];

afterEach(cleanup);

describe('DataTable', () => {
  it('suppresses small cells and states the rule with its threshold', () => {
    useUiStore.setState({ language: 'zh' });
    render(
      <DataTable
        rows={rows}
        columns={columns}
        rowKey={(r) => r.code}
        rowSample={(r) => r.sample}
        minCell={10}
        testId="t"
      />,
    );
    const tibet = screen.getByTestId('t-row-54');
    expect(tibet.querySelector('[data-col="persons"]')?.getAttribute('data-suppressed')).toBe('true');
    expect(tibet.textContent).not.toContain('8.0');
    expect(screen.getByTestId('t-row-53').textContent).toContain('90.0');
    const note = screen.getByTestId('t-suppression-note').textContent ?? '';
    expect(note).toContain('10');
    expect(note).toContain('本表抑制了 1 个单元格');
  });

  it('sorts when a header is clicked and toggles direction', () => {
    useUiStore.setState({ language: 'en' });
    render(
      <DataTable
        rows={rows}
        columns={columns}
        rowKey={(r) => r.code}
        rowSample={(r) => r.sample}
        minCell={10}
        testId="t"
      />,
    );
    const order = () =>
      Array.from(screen.getByTestId('t').querySelectorAll('tbody tr')).map((tr) => tr.getAttribute('data-testid'));
    fireEvent.click(screen.getByTestId('t-sort-persons'));
    expect(order()).toEqual(['t-row-53', 't-row-11', 't-row-54']);
    fireEvent.click(screen.getByTestId('t-sort-persons'));
    expect(order()).toEqual(['t-row-11', 't-row-53', 't-row-54']);
    expect(screen.getByTestId('t-suppression-note').textContent).toContain('fewer than 10');
  });
});
