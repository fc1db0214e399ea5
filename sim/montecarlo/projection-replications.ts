// Monte Carlo replications of a whole multi-year projection: each replication has its own bootstrap weights
// (sampling), parameter draws (take-up, error model, growth and income-shock ranges) and random events including each
// household's income-shock path, and runs every projection year with status carried. Percentiles per year, national
// and per region level, come from the one-year summaries (replications.ts) applied to each year's slice.
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import { METRIC_COUNT } from '../kernel/metrics.ts';
import type { MetricId } from '../kernel/metrics.ts';
import { AREA_ALL } from '../outputs/types.ts';
import type { McSummary, McTables, RegionLevel, ReplicationResult } from '../outputs/types.ts';
import { LocalKernel } from '../run/local-kernel.ts';
import { runOptions } from '../run/options.ts';
import { resolveScenario } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { replicationTables, summariseReplications } from './replications.ts';
import { bootstrapWeights, drawShifts, mcSources } from './uncertainty.ts';
import type { McSources } from './uncertainty.ts';

/** Input of `runProjectionReplications`: data, scenario, span and the replication range [from, to). */
export interface ProjectionReplicationsInput {
  households: HouseholdArrays;
  regions: RegionArrays;
  scenario: Scenario;
  seed: number;
  from: number;
  to: number;
  /** Projection years after the start year (default: the scenario's). */
  years?: number;
  /** Deciles from `incomeDeciles`, computed once if omitted. */
  decile?: Uint8Array;
  /** Include sampling uncertainty (bootstrap weights within region × area; default true). */
  sampling?: boolean;
  /** Include parameter uncertainty (every catalogue range, growth and income shocks too; default true). */
  parameters?: boolean;
}

/**
 * Replications from..to-1 of a projection: `cells[((r − from) * yearCount + t) * cellCount * METRIC_COUNT + …]` are
 * replication r's cell sums in projection year t (0 = start year). Bit-identical whatever the split into parts.
 */
export interface ProjectionReplicationResult {
  from: number;
  to: number;
  seed: number;
  startYear: number;
  /** Years in the panel: projection years + 1. */
  yearCount: number;
  cellCount: number;
  cells: Float64Array;
  sources: McSources;
}

/** Run replications from..to-1 of the scenario's projection (in this thread; hosts split ranges across workers). */
export function runProjectionReplications(input: ProjectionReplicationsInput): ProjectionReplicationResult {
  const { households, regions, scenario, seed } = input;
  const years = input.years ?? runOptions(scenario).years;
  const yearCount = years + 1;
  const count = Math.max(0, input.to - input.from);
  const cellCount = regions.count * 2;
  const stride = cellCount * METRIC_COUNT;
  const sources = mcSources(input.sampling ?? true, input.parameters ?? true, true);
  // The kernel reads the weight factors at every year run, so one buffer is refilled for each replication.
  const weights = sources.sampling ? new Float64Array(households.count) : undefined;
  const kernel = new LocalKernel(households, regions, { decile: input.decile, weightFactor: weights });
  const cells = new Float64Array(count * yearCount * stride);
  let startYear = 0;
  for (let r = 0; r < count; r++) {
    const replication = input.from + r;
    if (weights !== undefined) bootstrapWeights(households, cellCount, seed, replication, 0, weights);
    const panel = kernel.project(scenario, {
      mode: 'mc',
      seed,
      replication,
      years,
      shifts: drawShifts(seed, replication, sources.parameters),
    });
    startYear = panel.startYear;
    panel.years.forEach((y, t) => cells.set(y.cells, (r * yearCount + t) * stride));
  }
  return { from: input.from, to: input.to, seed, startYear, yearCount, cellCount, cells, sources };
}

/** Merge parts (any order, not overlapping) into one contiguous result. */
export function mergeProjectionReplications(parts: ProjectionReplicationResult[]): ProjectionReplicationResult {
  const sorted = [...parts].sort((a, b) => a.from - b.from);
  const first = sorted[0];
  if (first === undefined) throw new Error('no projection replications to merge');
  const to = sorted[sorted.length - 1].to;
  const block = first.yearCount * first.cellCount * METRIC_COUNT;
  const cells = new Float64Array((to - first.from) * block);
  for (const p of sorted) cells.set(p.cells, (p.from - first.from) * block);
  return { ...first, to, cells };
}

/**
 * Projection year t of every replication as a one-year `ReplicationResult`, so the one-year summaries apply. Its
 * price index and standard are the scenario's for that year without parameter draws (they set only the real-value
 * and average-standard columns).
 */
export function projectionYearReplications(
  result: ProjectionReplicationResult,
  regions: RegionArrays,
  scenario: Scenario,
  t: number,
): ReplicationResult {
  const n = result.to - result.from;
  const stride = result.cellCount * METRIC_COUNT;
  const cells = new Float64Array(n * stride);
  const totals = new Float64Array(n * METRIC_COUNT);
  for (let r = 0; r < n; r++) {
    const src = result.cells.subarray((r * result.yearCount + t) * stride, (r * result.yearCount + t + 1) * stride);
    cells.set(src, r * stride);
    for (let c = 0; c < result.cellCount; c++) {
      for (let k = 0; k < METRIC_COUNT; k++) totals[r * METRIC_COUNT + k] += src[c * METRIC_COUNT + k];
    }
  }
  const params = resolveScenario(scenario, regions, { yearIndex: t });
  return {
    from: result.from,
    to: result.to,
    seed: result.seed,
    totals,
    cells,
    cellCount: result.cellCount,
    year: result.startYear + t,
    priceIndex: params.priceIndex,
    standard: params.standard,
    sources: result.sources,
  };
}

/** Percentiles of a projection's replications per year: national totals and, per region level, every row. */
export interface ProjectionMcSummary {
  replications: number;
  years: number[];
  /** National mean and p5/p50/p95 of every total, per year. */
  national: McSummary[];
  /** Per requested region level: one McTables per year (apply the run's suppression pattern before showing). */
  tables: Partial<Record<RegionLevel, McTables[]>>;
  sources: McSources;
}

/** Summarise a projection's replications at the given region levels (national totals always). */
export function summariseProjectionReplications(
  result: ProjectionReplicationResult,
  regions: RegionArrays,
  scenario: Scenario,
  levels: readonly RegionLevel[] = [],
): ProjectionMcSummary {
  const national: McSummary[] = [];
  const tables: Partial<Record<RegionLevel, McTables[]>> = {};
  for (let t = 0; t < result.yearCount; t++) {
    const year = projectionYearReplications(result, regions, scenario, t);
    national.push(summariseReplications(year));
    for (const level of levels) (tables[level] ??= []).push(replicationTables(year, regions, level));
  }
  return {
    replications: result.to - result.from,
    years: Array.from({ length: result.yearCount }, (_, t) => result.startYear + t),
    national,
    tables,
    sources: result.sources,
  };
}

/** One metric's interval in one projection year. */
export interface ProjectionInterval {
  year: number;
  mean: number;
  p5: number;
  p50: number;
  p95: number;
}

/**
 * One metric's mean and p5/p50/p95 per year for a province (code) and area, or the nation (no code), from a summary
 * with that level's tables. NaN where the row is missing or suppressed.
 */
export function projectionInterval(
  summary: ProjectionMcSummary,
  metric: MetricId,
  province?: string,
  area: number = AREA_ALL,
): ProjectionInterval[] {
  const level: RegionLevel = province === undefined ? 'national' : 'province';
  const tables = summary.tables[level] ?? [];
  return summary.years.map((year, t) => {
    const table = tables[t];
    const row = table
      ? table.mean.code.findIndex((c, k) => (province === undefined || c === province) && table.mean.area[k] === area)
      : -1;
    const pick = (s: 'mean' | 'p5' | 'p50' | 'p95') =>
      row < 0 || table[s].suppressed[row] === 1 ? NaN : table[s].values[metric][row];
    return { year, mean: pick('mean'), p5: pick('p5'), p50: pick('p50'), p95: pick('p95') };
  });
}
