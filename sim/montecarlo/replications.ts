// Monte Carlo replications: a host may split N replications across workers (from/to) and merge the parts.
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import { METRIC_COUNT, SUM_METRICS } from '../kernel/metrics.ts';
import type { SumMetricId } from '../kernel/metrics.ts';
import { simulateYear } from '../kernel/simulate-year.ts';
import type { ResolvedParams } from '../kernel/types.ts';
import type { McSummary, ReplicationResult } from '../outputs/types.ts';

/** Input of `runReplications`: data, resolved parameters and the replication range [from, to). */
export interface RunReplicationsInput {
  households: HouseholdArrays;
  regions: RegionArrays;
  params: ResolvedParams;
  seed: number;
  from: number;
  to: number;
  /** Deciles from `incomeDeciles`, computed once per worker if omitted. */
  decile?: Uint8Array;
}

/** Run replications from..to-1 and return their national totals (bit-identical whatever the split). */
export function runReplications(input: RunReplicationsInput): ReplicationResult {
  const count = Math.max(0, input.to - input.from);
  const totals = new Float64Array(count * METRIC_COUNT);
  for (let r = 0; r < count; r++) {
    const year = simulateYear(input.households, input.regions, input.params, {
      mode: 'mc',
      seed: input.seed,
      replication: input.from + r,
      householdColumns: false,
      decile: input.decile,
    });
    const cells = year.cells;
    const nCells = cells.length / METRIC_COUNT;
    for (let c = 0; c < nCells; c++) {
      for (let k = 0; k < METRIC_COUNT; k++) totals[r * METRIC_COUNT + k] += cells[c * METRIC_COUNT + k];
    }
  }
  return { from: input.from, to: input.to, seed: input.seed, totals };
}

/** Merge replication parts (any order) into one contiguous result; parts must not overlap. */
export function mergeReplications(parts: ReplicationResult[]): ReplicationResult {
  const sorted = [...parts].sort((a, b) => a.from - b.from);
  const from = sorted.length ? sorted[0].from : 0;
  const to = sorted.length ? sorted[sorted.length - 1].to : 0;
  const totals = new Float64Array((to - from) * METRIC_COUNT);
  for (const p of sorted) totals.set(p.totals, (p.from - from) * METRIC_COUNT);
  return { from, to, seed: sorted.length ? sorted[0].seed : 0, totals };
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Mean and 5th/50th/95th percentiles (linear interpolation) of every national total across replications. */
export function summariseReplications(result: ReplicationResult): McSummary {
  const n = result.to - result.from;
  const metrics: McSummary['metrics'] = {};
  SUM_METRICS.forEach(([id], k) => {
    const col = new Float64Array(n);
    let sum = 0;
    for (let r = 0; r < n; r++) {
      col[r] = result.totals[r * METRIC_COUNT + k];
      sum += col[r];
    }
    col.sort();
    metrics[id as SumMetricId] = {
      mean: n ? sum / n : NaN,
      p5: percentile(col, 0.05),
      p50: percentile(col, 0.5),
      p95: percentile(col, 0.95),
    };
  });
  return { replications: n, metrics };
}
