// Converts engine outputs (summary tables, decile rows, household columns, Monte Carlo summaries) into column tables
// for the writers, with snake_case column names that read well in SQL, CSV and spreadsheets.
import { AREA_ALL, COMBINED_METRICS, RATE_METRICS, SUM_METRICS, describeMcSources } from '../../sim/index.ts';
import type {
  DecileRow,
  HouseholdResult,
  McSummary,
  McTables,
  MetricId,
  ProjectionMcSummary,
  SummaryTable,
} from '../../sim/index.ts';
import { householdResultColumns, metricColumn, summaryColumns } from '../../datasets/index.ts';
import type { ColumnTable } from '../output/column-table.ts';
import { rowCount } from '../output/column-table.ts';

/** Every metric id in output order: additive sums, then rates. */
export const METRIC_IDS: readonly MetricId[] = [...SUM_METRICS.map((m) => m[0]), ...RATE_METRICS.map((m) => m[0])];

export { metricColumn };

/**
 * Stacks summary tables (e.g. one per year) into one column table in the shared result schema
 * (datasets/formats/result-columns.ts); suppressed cells (sample included) are null.
 */
export function summaryToColumns(name: string, tables: readonly SummaryTable[]): ColumnTable {
  return { name, columns: summaryColumns(tables) };
}

/** The row of `table` for national, both areas. */
export function nationalRow(table: SummaryTable): number {
  for (let r = 0; r < table.rows; r++) if (table.area[r] === AREA_ALL) return r;
  return 0;
}

/** Decile distribution rows of several years as one table. */
export function decilesToColumns(
  name: string,
  years: readonly { year: number; rows: readonly DecileRow[] }[],
): ColumnTable {
  const out: Record<string, number[]> = {
    year: [],
    decile: [],
    households: [],
    persons: [],
    benefit: [],
    average_benefit: [],
    share_gaining: [],
  };
  for (const { year, rows } of years) {
    for (const row of rows) {
      out.year.push(year);
      out.decile.push(row.decile);
      out.households.push(row.households);
      out.persons.push(row.persons);
      out.benefit.push(row.benefit);
      out.average_benefit.push(row.averageBenefit);
      out.share_gaining.push(row.shareGaining);
    }
  }
  return { name, columns: out };
}

/** Per-household result columns (row = dataset row order), benefits by component in yuan per year. */
export function householdsToColumns(name: string, result: HouseholdResult): ColumnTable {
  const row = Uint32Array.from({ length: result.status.length }, (_, i) => i + 1);
  return { name, columns: { row, ...householdResultColumns(result) } };
}

/**
 * Monte Carlo percentiles as a table: one row per metric, the combined ones (`persons_cash` = dibao + tekun, …: each
 * replication's sum) after the sums.
 */
export function mcToColumns(name: string, summary: McSummary): ColumnTable {
  const metric: string[] = [];
  const mean: number[] = [];
  const p5: number[] = [];
  const p50: number[] = [];
  const p95: number[] = [];
  for (const [id] of [...SUM_METRICS, ...COMBINED_METRICS]) {
    const m = summary.metrics[id];
    if (m === undefined) continue;
    metric.push(metricColumn(id));
    mean.push(m.mean);
    p5.push(m.p5);
    p50.push(m.p50);
    p95.push(m.p95);
  }
  const sources = describeMcSources(summary.sources);
  return {
    name,
    columns: {
      metric,
      replications: metric.map(() => summary.replications),
      mean,
      p5,
      p50,
      p95,
      uncertainty_zh: metric.map(() => sources.zh),
      uncertainty_en: metric.map(() => sources.en),
    },
  };
}

/** Tables with the same columns stacked into one, a leading `year` column naming each part's year. */
function stackYears(name: string, years: readonly number[], parts: readonly ColumnTable[]): ColumnTable {
  const year = years.flatMap((y, k) => Array.from({ length: rowCount(parts[k]) }, () => y));
  const columns: ColumnTable['columns'] = { year };
  for (const key of Object.keys(parts[0]?.columns ?? {})) {
    columns[key] = parts.flatMap((p) => Array.from(p.columns[key] as ArrayLike<number | string | boolean | null>)) as
      number[] | string[];
  }
  return { name, columns };
}

/** National Monte Carlo percentiles of a projection as one table: a row per year and metric. */
export function projectionMcToColumns(name: string, summary: ProjectionMcSummary): ColumnTable {
  return stackYears(
    name,
    summary.years,
    summary.national.map((year) => mcToColumns(name, year)),
  );
}

/** Monte Carlo tables of a region level for every projection year (already suppressed) as one table. */
export function projectionMcTablesToColumns(name: string, years: readonly number[], tables: McTables[]): ColumnTable {
  return stackYears(
    name,
    years,
    tables.map((t) => mcTablesToColumns(name, t)),
  );
}

/**
 * Monte Carlo tables of a region level (already suppressed) as one table: the rows of the mean, 5th, 50th and 95th
 * percentile tables stacked, named in a leading `statistic` column.
 */
export function mcTablesToColumns(name: string, tables: McTables): ColumnTable {
  const statistics = ['mean', 'p5', 'p50', 'p95'] as const;
  const stacked = summaryToColumns(
    name,
    statistics.map((k) => tables[k]),
  );
  const statistic = statistics.flatMap((k) => tables[k].code.map(() => k));
  return { name, columns: { statistic, replications: statistic.map(() => tables.replications), ...stacked.columns } };
}
