// The SQL console lists the result tables before they are written, and marks them pending until they match the
// active scenario; the dataset's own tables are never marked.
import { describe, expect, it } from 'vitest';
import { listedTables } from './table-list.ts';

const households = { name: 'households', columns: 'household_id, weight', count: 2 };
const regions = { name: 'regions', columns: 'region_code', count: 1 };
const raw = { name: 'raw_upload', columns: 'a', count: 1 };
const baseline = { name: 'results_baseline', columns: 'household_id, dibao', count: 2 };

describe('listedTables', () => {
  it('adds the result tables, pending, when none is written yet, ranked after the dataset and before raw imports', () => {
    const listed = listedTables([raw, regions, households], true, false);
    expect(listed.map((t) => [t.name, t.pending])).toEqual([
      ['households', false],
      ['regions', false],
      ['results_baseline', true],
      ['results_scenario', true],
      ['raw_upload', false],
    ]);
    expect(listed.find((t) => t.name === 'results_scenario')).toMatchObject({ columns: '', count: 0 });
  });

  it('marks written result tables pending while they belong to another scenario, and plain once current', () => {
    const stale = listedTables([households, baseline], true, false);
    expect(stale.find((t) => t.name === 'results_baseline')).toMatchObject({ pending: true, count: 2 });
    const current = listedTables([households, baseline], true, true);
    expect(current.map((t) => [t.name, t.pending])).toEqual([
      ['households', false],
      ['results_baseline', false],
    ]);
  });

  it('adds nothing while no dataset is loaded', () => {
    expect(listedTables([], false, false)).toEqual([]);
  });
});
