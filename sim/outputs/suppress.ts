// Disclosure control (POLICY.md §9): blank sub-national cells resting on fewer than min_cell sample households.
import type { MetricId } from '../kernel/metrics.ts';
import type { McTables, SummaryTable } from './types.ts';

/** A copy of the table with rows below `minCell` unweighted households marked and their values set to NaN. */
export function suppress(table: SummaryTable, minCell: number): SummaryTable {
  const suppressed = new Uint8Array(table.rows);
  if (table.level !== 'national') {
    for (let r = 0; r < table.rows; r++) if (table.sampleCount[r] < minCell) suppressed[r] = 1;
  }
  const values = {} as Record<MetricId, Float64Array>;
  for (const [id, col] of Object.entries(table.values) as [MetricId, Float64Array][]) {
    const out = col.slice();
    for (let r = 0; r < table.rows; r++) if (suppressed[r]) out[r] = NaN;
    values[id] = out;
  }
  return { ...table, suppressed, minCell, values };
}

/** `suppress` applied to each of a region level's Monte Carlo tables (mean and percentiles). */
export function suppressMcTables(tables: McTables, minCell: number): McTables {
  return {
    replications: tables.replications,
    mean: suppress(tables.mean, minCell),
    p5: suppress(tables.p5, minCell),
    p50: suppress(tables.p50, minCell),
    p95: suppress(tables.p95, minCell),
  };
}
