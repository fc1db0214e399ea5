// Public output table types: columnar summaries by region level × area, and Monte Carlo summaries.
import type { CombinedMetricId, MetricId, SumMetricId } from '../kernel/metrics.ts';
import type { McSources } from '../montecarlo/uncertainty.ts';

/** Region level of a summary table: national total, province, or the dataset's finest region level. */
export type RegionLevel = 'national' | 'province' | 'region';

/** Area of a summary row: 0 urban, 1 rural, 2 both. */
export const AREA_ALL = 2;

/** A columnar summary (rows = region × area), postMessage-able and easy to load into DuckDB or ECharts. */
export interface SummaryTable {
  year: number;
  level: RegionLevel;
  rows: number;
  /** Region code per row ('00' for national). */
  code: string[];
  nameZh: string[];
  nameEn: string[];
  /** 0 urban, 1 rural, 2 both areas. */
  area: Uint8Array;
  /** Unweighted sample households per row (disclosure control). */
  sampleCount: Float64Array;
  /** 1 where the row is suppressed (sample below `minCell`); all 0 until `suppress` runs. */
  suppressed: Uint8Array;
  /** Threshold applied by `suppress` (0 = not applied). */
  minCell: number;
  /** Every metric per row; suppressed rows hold NaN after `suppress`. */
  values: Record<MetricId, Float64Array>;
}

/** Percentiles of national totals (and of combined metrics, from each replication's sum) across replications. */
export interface McSummary {
  replications: number;
  metrics: Partial<Record<SumMetricId | CombinedMetricId, { mean: number; p5: number; p50: number; p95: number }>>;
  /** The sources of uncertainty the replications include. */
  sources: McSources;
}

/**
 * Replications of one year: national totals `totals[r * METRIC_COUNT + M[id]]` and per-cell sums
 * `cells[(r * cellCount + cell) * METRIC_COUNT + M[id]]` for replications from..to-1.
 */
export interface ReplicationResult {
  from: number;
  to: number;
  seed: number;
  totals: Float64Array;
  cells: Float64Array;
  cellCount: number;
  /** The simulated year, its price index (for real values in tables) and standard per cell. */
  year: number;
  priceIndex: number;
  standard: Float64Array;
  /** The sources of uncertainty the replications include. */
  sources: McSources;
}

/** Mean and percentiles across replications of every metric of a region level's summary table. */
export interface McTables {
  replications: number;
  mean: SummaryTable;
  p5: SummaryTable;
  p50: SummaryTable;
  p95: SummaryTable;
}
