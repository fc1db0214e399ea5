// Monte Carlo replications: a host may split N replications across workers (from/to) and merge the parts; national
// percentiles of every total, and percentile tables at any region level built from each replication's cell sums.
// Each replication draws the year's random events, bootstrap weights (sampling) and uncertain parameters.
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import { COMBINED_METRICS, M, METRIC_COUNT, SUM_METRICS } from '../kernel/metrics.ts';
import type { MetricId } from '../kernel/metrics.ts';
import { KernelPrep } from '../kernel/prep.ts';
import { simulateYear } from '../kernel/simulate-year.ts';
import type { ResolvedParams } from '../kernel/types.ts';
import { aggregate } from '../outputs/aggregate.ts';
import { bootstrapWeights, drawParams, mcSources } from './uncertainty.ts';
import type { McSummary, McTables, RegionLevel, ReplicationResult, SummaryTable } from '../outputs/types.ts';

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
  /** Include sampling uncertainty (bootstrap weights within region × area; default true). */
  sampling?: boolean;
  /** Include parameter uncertainty (catalogue ranges; default true). */
  parameters?: boolean;
}

/** Run replications from..to-1 and return their totals and cell sums (bit-identical whatever the split). */
export function runReplications(input: RunReplicationsInput): ReplicationResult {
  const count = Math.max(0, input.to - input.from);
  const cellCount = input.regions.count * 2;
  const stride = cellCount * METRIC_COUNT;
  const totals = new Float64Array(count * METRIC_COUNT);
  const cells = new Float64Array(count * stride);
  const sources = mcSources(input.sampling ?? true, input.parameters ?? true);
  const weights = sources.sampling ? new Float64Array(input.households.count) : undefined;
  // Assessed-income factors once for all replications (recomputed only if a replication draws other error-model
  // parameters).
  const prep = new KernelPrep(input.households, { keepNormals: sources.parameters.length > 0 });
  for (let r = 0; r < count; r++) {
    const replication = input.from + r;
    const params = drawParams(input.params, input.seed, replication, sources.parameters);
    const year = simulateYear(input.households, input.regions, params, {
      mode: 'mc',
      seed: input.seed,
      replication,
      householdColumns: false,
      decile: input.decile,
      assessed: prep.assessedFactors(params),
      weightFactor: weights && bootstrapWeights(input.households, cellCount, input.seed, replication, 0, weights),
    });
    cells.set(year.cells, r * stride);
    for (let c = 0; c < cellCount; c++) {
      for (let k = 0; k < METRIC_COUNT; k++) totals[r * METRIC_COUNT + k] += year.cells[c * METRIC_COUNT + k];
    }
  }
  const { year, priceIndex, standard } = input.params;
  return {
    from: input.from,
    to: input.to,
    seed: input.seed,
    totals,
    cells,
    cellCount,
    year,
    priceIndex,
    standard,
    sources,
  };
}

/** Merge replication parts (any order) into one contiguous result; parts must not overlap. */
export function mergeReplications(parts: ReplicationResult[]): ReplicationResult {
  const sorted = [...parts].sort((a, b) => a.from - b.from);
  const first = sorted[0];
  const from = first ? first.from : 0;
  const to = sorted.length ? sorted[sorted.length - 1].to : 0;
  const cellCount = first ? first.cellCount : 0;
  const stride = cellCount * METRIC_COUNT;
  const totals = new Float64Array((to - from) * METRIC_COUNT);
  const cells = new Float64Array((to - from) * stride);
  for (const p of sorted) {
    totals.set(p.totals, (p.from - from) * METRIC_COUNT);
    cells.set(p.cells, (p.from - from) * stride);
  }
  return {
    from,
    to,
    seed: first ? first.seed : 0,
    totals,
    cells,
    cellCount,
    year: first ? first.year : 0,
    priceIndex: first ? first.priceIndex : 1,
    standard: first ? first.standard : new Float64Array(0),
    sources: first ? first.sources : mcSources(false, false),
  };
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Mean and 5th/50th/95th percentiles (linear interpolation) of one column of replications (sorted in place). */
function stats(col: Float64Array): { mean: number; p5: number; p50: number; p95: number } {
  let sum = 0;
  for (const v of col) sum += v;
  const mean = col.length ? sum / col.length : NaN;
  col.sort();
  return { mean, p5: percentile(col, 0.05), p50: percentile(col, 0.5), p95: percentile(col, 0.95) };
}

/**
 * Fewest replications whose 5th and 95th percentiles rest on more than the one or two most extreme draws; screens say
 * that percentiles from fewer are rough.
 */
export const MIN_REPLICATIONS_FOR_TAILS = 20;

/**
 * Mean and 5th/50th/95th percentiles (linear interpolation) of every national total across replications, and of
 * every combined metric (COMBINED_METRICS) from each replication's own sum of its parts.
 */
export function summariseReplications(result: ReplicationResult): McSummary {
  const n = result.to - result.from;
  const metrics: McSummary['metrics'] = {};
  SUM_METRICS.forEach(([id], k) => {
    const col = new Float64Array(n);
    for (let r = 0; r < n; r++) col[r] = result.totals[r * METRIC_COUNT + k];
    metrics[id] = stats(col);
  });
  for (const [id, , , , parts] of COMBINED_METRICS) {
    const col = new Float64Array(n);
    for (let r = 0; r < n; r++) for (const part of parts) col[r] += result.totals[r * METRIC_COUNT + M[part]];
    metrics[id] = stats(col);
  }
  return { replications: n, metrics, sources: result.sources };
}

function emptyLike(table: SummaryTable): SummaryTable {
  const values = {} as Record<MetricId, Float64Array>;
  for (const id of Object.keys(table.values) as MetricId[]) values[id] = new Float64Array(table.rows);
  return { ...table, values, suppressed: new Uint8Array(table.rows), minCell: 0 };
}

/**
 * Mean and 5th/50th/95th percentiles across replications of every metric (sums and rates) of each row of a region
 * level's table, from each replication's own table. Rows, codes and sample counts are those of `aggregate`; apply
 * the run's suppression pattern (`applyPatternMc`, sim/run) to each table before showing sub-national rows.
 */
export function replicationTables(result: ReplicationResult, regions: RegionArrays, level: RegionLevel): McTables {
  const n = result.to - result.from;
  const stride = result.cellCount * METRIC_COUNT;
  const tables: SummaryTable[] = [];
  for (let r = 0; r < n; r++) {
    const cells = result.cells.subarray(r * stride, (r + 1) * stride);
    tables.push(
      aggregate(
        {
          year: result.year,
          yearIndex: 0,
          mode: 'mc',
          replication: result.from + r,
          regionCount: regions.count,
          cells,
          deciles: new Float64Array(0),
          priceIndex: result.priceIndex,
          standard: result.standard,
        },
        regions,
        level,
      ),
    );
  }
  if (tables.length === 0) throw new Error('no replications to summarise');
  const [mean, p5, p50, p95] = [0, 1, 2, 3].map(() => emptyLike(tables[0]));
  const col = new Float64Array(n);
  for (const id of Object.keys(tables[0].values) as MetricId[]) {
    for (let row = 0; row < tables[0].rows; row++) {
      let sum = 0;
      for (let r = 0; r < n; r++) {
        col[r] = tables[r].values[id][row];
        sum += col[r];
      }
      col.sort();
      mean.values[id][row] = sum / n;
      p5.values[id][row] = percentile(col, 0.05);
      p50.values[id][row] = percentile(col, 0.5);
      p95.values[id][row] = percentile(col, 0.95);
    }
  }
  return { replications: n, mean, p5, p50, p95 };
}
