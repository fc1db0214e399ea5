// The dashboard's province table as configured by `regionColumns`, rendered in jsdom from an engine-shaped
// comparison: level and change columns, small-cell suppression with its note, numeric sorting by Δ cost.
// (The full screen draws ECharts canvases, which jsdom cannot; its charts are tested as option builders.)
// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { DataTable } from '../../components/DataTable.tsx';
import { useUiStore } from '../../store/ui-store.ts';
import { regionColumns } from './ResultsScreen.tsx';
import { useResultsMessages } from './messages.ts';
import { provinceRows } from './result-model.ts';
import type { RegionRow } from './result-model.ts';
import { sampleComparison } from './comparison-fixture.ts';

afterEach(cleanup);

function ProvinceTable({ rows }: { rows: RegionRow[] }) {
  const m = useResultsMessages();
  const language = useUiStore((s) => s.language);
  return (
    <DataTable
      rows={rows}
      columns={regionColumns(m, language, m.province)}
      rowKey={(r) => r.code}
      rowSample={(r) => r.sample}
      minCell={10}
      testId="province-table"
    />
  );
}

describe('province table', () => {
  it('puts Δ persons and Δ cost right after their levels, with units in the headers', () => {
    useUiStore.setState({ language: 'zh' });
    render(<ProvinceTable rows={provinceRows(sampleComparison())} />);
    const headers = Array.from(screen.getByTestId('province-table').querySelectorAll('th')).map((th) => th.textContent);
    expect(headers.slice(0, 5)).toEqual([
      '省份⇅',
      '现金救助人数（万人）⇅',
      'Δ 现金救助人数（万人）⇅',
      '年度支出（亿元）⇅',
      'Δ 支出（亿元）⇅',
    ]);
    const yunnan = screen.getByTestId('province-table-row-53');
    expect(yunnan.querySelector('[data-col="dCashPersons"]')?.textContent).toBe('+10.00');
    expect(yunnan.querySelector('[data-col="dCost"]')?.textContent).toBe('+6.00');
  });

  it('suppresses a province resting on too few sample households, and sorts it last', () => {
    useUiStore.setState({ language: 'en' });
    render(<ProvinceTable rows={provinceRows(sampleComparison())} />);
    const beijing = screen.getByTestId('province-table-row-11');
    expect(beijing.querySelector('[data-col="cost"]')?.getAttribute('data-suppressed')).toBe('true');
    expect(beijing.querySelector('[data-col="name"]')?.textContent).toBe('Beijing');
    fireEvent.click(screen.getByTestId('province-table-sort-dCost'));
    const order = Array.from(screen.getByTestId('province-table').querySelectorAll('tbody tr')).map((tr) =>
      tr.getAttribute('data-testid'),
    );
    expect(order).toEqual(['province-table-row-53', 'province-table-row-11']);
    expect(screen.getByTestId('province-table-suppression-note').textContent).toContain('fewer than 10');
  });
});
