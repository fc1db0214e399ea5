// One column schema for every result summary table, shared by the CLI's writers (`summary_*`, `baseline_*`,
// `delta_*`, `monte_carlo_*`) and the app's Arrow/Parquet result panel: the same column names (snake_case metric ids),
// the same area codes (`urban`, `rural`, `all`) and the same values, nulls where disclosure control hides a cell.
import { RATE_METRICS, SUM_METRICS } from '../../sim/index.ts';
import type { MetricId, SummaryTable } from '../../sim/index.ts';

/** Area codes of a summary row (the engine's 0, 1, 2). */
export const AREA_NAMES = ['urban', 'rural', 'all'] as const;

/** Snake-case column name of an engine id: `cost.tekunLiving` → `cost_tekun_living`, `persons.dibao` → `persons_dibao`. */
export function metricColumn(id: string): string {
  return id.replaceAll('.', '_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Every metric of a summary table in output order: additive sums, then rates (the sample count is a key column). */
export const RESULT_METRIC_IDS: readonly MetricId[] = [...SUM_METRICS, ...RATE_METRICS]
  .map((m) => m[0])
  .filter((id) => id !== 'sample');

/** The key columns every summary table starts with, in order, with their types (metrics follow, all float64). */
export const SUMMARY_KEY_COLUMNS = {
  year: 'int32',
  level: 'text',
  region_code: 'text',
  name_zh: 'text',
  name_en: 'text',
  area: 'text',
  sample: 'float64',
  suppressed: 'bool',
} as const;

/** The type of a result column. */
export type ResultColumnType = 'int32' | 'text' | 'bool' | 'float64';

/** The type of a summary column by name (every metric column is float64). */
export function summaryColumnType(name: string): ResultColumnType {
  return (SUMMARY_KEY_COLUMNS as Record<string, ResultColumnType>)[name] ?? 'float64';
}

/** A result column: years as Int32, text, flags, or numbers with null for hidden or undefined values. */
export type ResultColumn = Int32Array | readonly string[] | readonly boolean[] | readonly (number | null)[];

/**
 * Summary tables (e.g. one per year) stacked into the shared columns: the key columns, then one column per metric.
 * A suppressed row keeps its keys and `suppressed = true` but holds null in every number, the sample included.
 */
export function summaryColumns(tables: readonly SummaryTable[]): Record<string, ResultColumn> {
  const year: number[] = [];
  const level: string[] = [];
  const code: string[] = [];
  const nameZh: string[] = [];
  const nameEn: string[] = [];
  const area: string[] = [];
  const sample: (number | null)[] = [];
  const suppressed: boolean[] = [];
  const metrics: (number | null)[][] = RESULT_METRIC_IDS.map(() => []);
  for (const t of tables) {
    for (let r = 0; r < t.rows; r++) {
      const hidden = t.suppressed[r] === 1;
      year.push(t.year);
      level.push(t.level);
      code.push(t.code[r]);
      nameZh.push(t.nameZh[r]);
      nameEn.push(t.nameEn[r]);
      area.push(AREA_NAMES[t.area[r]] ?? String(t.area[r]));
      sample.push(hidden ? null : t.sampleCount[r]);
      suppressed.push(hidden);
      RESULT_METRIC_IDS.forEach((id, k) => {
        const value = t.values[id][r];
        metrics[k].push(hidden || !Number.isFinite(value) ? null : value);
      });
    }
  }
  const columns: Record<string, ResultColumn> = {
    year: Int32Array.from(year),
    level,
    region_code: code,
    name_zh: nameZh,
    name_en: nameEn,
    area,
    sample,
    suppressed,
  };
  RESULT_METRIC_IDS.forEach((id, k) => (columns[metricColumn(id)] = metrics[k]));
  return columns;
}
