// The result grid renders only the rows in view of a large Arrow table, and follows the scroll position.
// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { tableFromArrays } from 'apache-arrow';
import { ResultGrid } from './ResultGrid.tsx';

function bigTable(rows: number) {
  const id = new Int32Array(rows);
  const value = new Float64Array(rows);
  for (let i = 0; i < rows; i += 1) {
    id[i] = i;
    value[i] = i / 4;
  }
  return tableFromArrays({ id, value });
}

afterEach(cleanup);

describe('ResultGrid', () => {
  it('renders a bounded number of rows for 200,000 rows', () => {
    const { getByTestId } = render(<ResultGrid table={bigTable(200_000)} />);
    const grid = getByTestId('sql-result');
    expect(grid.dataset.rows).toBe('200000');
    const rendered = grid.querySelectorAll('.grid-row');
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(40);
    expect(rendered[0].textContent).toContain('1');
  });

  it('shows the rows at the scroll position', () => {
    const { getByTestId } = render(<ResultGrid table={bigTable(200_000)} />);
    const grid = getByTestId('sql-result');
    grid.scrollTop = 26 * 150_000;
    fireEvent.scroll(grid);
    const first = grid.querySelector('.grid-row');
    const rowNumber = Number(first?.querySelector('.grid-rownum')?.textContent);
    expect(rowNumber).toBeGreaterThan(149_980);
    expect(rowNumber).toBeLessThanOrEqual(150_001);
    expect(grid.querySelectorAll('.grid-row').length).toBeLessThan(40);
  });
});
