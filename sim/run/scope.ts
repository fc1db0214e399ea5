// Where a run's numbers are read: the nation, or one province, optionally one area (the provincial planner's view).
// One definition for the CLI (`run --province`, `solve budget --province`), the Projection and solver screens and the
// briefing: the cells a scope covers, the summary-table row that holds it, its name, and a projection read at it
// (levels, change against the baseline, cumulative cost over the years).
import type { MetricId } from '../kernel/metrics.ts';
import type { RegionArrays } from '../model/regions.ts';
import type { SummaryTable } from '../outputs/types.ts';
import { AREA_ALL } from '../outputs/types.ts';
import type { AreaSelector } from '../scenario/types.ts';
import type { Bilingual } from '../bilingual.ts';

/** A scope: the whole nation (no province), or one two-digit province, optionally only its urban or rural area. */
export interface RunScope {
  province?: string;
  area?: AreaSelector;
}

/** The national scope. */
export const NATIONAL_SCOPE: RunScope = {};

/** True when the scope is the whole nation, both areas. */
export function isNationalScope(scope: RunScope): boolean {
  return scope.province === undefined && scope.area === undefined;
}

/** Summary-table area index of a scope's area (0 urban, 1 rural, 2 both). */
export function scopeAreaIndex(scope: RunScope): number {
  return scope.area === 'urban' ? 0 : scope.area === 'rural' ? 1 : AREA_ALL;
}

/** Why a scope does not fit a dataset (a province it does not have), in both languages; null when it fits. */
export function scopeError(regions: RegionArrays, scope: RunScope): Bilingual | null {
  if (scope.province === undefined) return null;
  if (/^\d{2}$/.test(scope.province) && regions.provinceCodes.includes(scope.province)) return null;
  const known = regions.provinceCodes.join(', ');
  return {
    zh: `省份代码“${scope.province}”不在数据中（应为两位省级代码，数据中有：${known}）`,
    en: `province code "${scope.province}" is not in the data (a two-digit province code; the data has: ${known})`,
  };
}

/** Per cell (region * 2 + area): 1 when the cell is in the scope. */
export function scopeCells(regions: RegionArrays, scope: RunScope): Uint8Array {
  const mask = new Uint8Array(regions.count * 2);
  for (let r = 0; r < regions.count; r++) {
    if (scope.province !== undefined && !regions.code[r].startsWith(scope.province)) continue;
    if (scope.area !== 'rural') mask[r * 2] = 1;
    if (scope.area !== 'urban') mask[r * 2 + 1] = 1;
  }
  return mask;
}

/** The scope's name, e.g. 全国 / National, 湖南 · 农村 / Hunan · rural. */
export function scopeName(regions: RegionArrays, scope: RunScope): Bilingual {
  let zh = '全国';
  let en = 'National';
  if (scope.province !== undefined) {
    const r = regions.code.indexOf(scope.province);
    zh = r >= 0 ? regions.nameZh[r] : scope.province;
    en = r >= 0 ? regions.nameEn[r] : scope.province;
  }
  if (scope.area === 'urban') return { zh: `${zh} · 城市`, en: `${en} · urban` };
  if (scope.area === 'rural') return { zh: `${zh} · 农村`, en: `${en} · rural` };
  return { zh, en };
}

/** A year's summary tables at the two levels a scope can be read from. */
export interface ScopeTables {
  national: SummaryTable;
  province: SummaryTable;
}

/** The table and row holding the scope: the national table's area row, or the province's area row. */
export function scopeRow(tables: ScopeTables, scope: RunScope): { table: SummaryTable; row: number } {
  const table = scope.province === undefined ? tables.national : tables.province;
  const code = scope.province ?? table.code[0];
  const area = scopeAreaIndex(scope);
  for (let row = 0; row < table.rows; row++) {
    if (table.code[row] === code && table.area[row] === area) return { table, row };
  }
  throw new Error(`no row for scope ${code}/${area} in the ${table.level} table of ${table.year}`);
}

/** One metric of the scope in a year's tables (NaN where disclosure control suppressed the province's row). */
export function scopeValue(tables: ScopeTables, scope: RunScope, metric: MetricId): number {
  const { table, row } = scopeRow(tables, scope);
  return table.values[metric][row];
}

/** One projection year of a scope: the scenario's levels, the baseline's, and the running totals of cost. */
export interface ScopedYear {
  year: number;
  scenario: Partial<Record<MetricId, number>>;
  baseline: Partial<Record<MetricId, number>>;
  /** Nominal total cost summed from the first projection year to this one, scenario and baseline. */
  cumulativeCost: number;
  baselineCumulativeCost: number;
}

/**
 * A projection read at one scope: for every year the metrics asked for (scenario and baseline) and the cumulative
 * multi-year cost. `years[t]` holds year t's scenario and baseline tables (the same tables the run shows and exports).
 */
export function scopedProjection(
  years: readonly { year: number; scenario: ScopeTables; baseline: ScopeTables }[],
  scope: RunScope,
  metrics: readonly MetricId[],
): ScopedYear[] {
  let cumulative = 0;
  let baseCumulative = 0;
  return years.map((y) => {
    const read = (tables: ScopeTables) =>
      Object.fromEntries(metrics.map((metric) => [metric, scopeValue(tables, scope, metric)])) as Partial<
        Record<MetricId, number>
      >;
    cumulative += scopeValue(y.scenario, scope, 'cost.total');
    baseCumulative += scopeValue(y.baseline, scope, 'cost.total');
    return {
      year: y.year,
      scenario: read(y.scenario),
      baseline: read(y.baseline),
      cumulativeCost: cumulative,
      baselineCumulativeCost: baseCumulative,
    };
  });
}

/** Running sums of a series (cumulative multi-year cost): out[t] = values[0] + … + values[t]. */
export function cumulativeSums(values: readonly number[]): number[] {
  let sum = 0;
  return values.map((v) => (sum += v));
}
