// Scenario − baseline deltas of two summary tables with the same rows.
import type { MetricId } from '../kernel/metrics.ts';
import type { SummaryTable } from './types.ts';

/** Row-wise `scenario − baseline` for every metric; throws if the tables do not have the same rows (a host bug). */
export function diffTables(scenario: SummaryTable, baseline: SummaryTable): SummaryTable {
  if (scenario.rows !== baseline.rows || scenario.level !== baseline.level) {
    throw new Error('diffTables: tables differ in level or rows / 表格层级或行不一致');
  }
  const values = {} as Record<MetricId, Float64Array>;
  for (const [id, col] of Object.entries(scenario.values) as [MetricId, Float64Array][]) {
    const base = baseline.values[id];
    const out = new Float64Array(scenario.rows);
    for (let r = 0; r < scenario.rows; r++) out[r] = col[r] - base[r];
    values[id] = out;
  }
  const suppressed = new Uint8Array(scenario.rows);
  for (let r = 0; r < scenario.rows; r++) suppressed[r] = scenario.suppressed[r] | baseline.suppressed[r];
  return { ...scenario, suppressed, values, sampleCount: scenario.sampleCount.slice() };
}
