// Aggregates a year's per-cell sums to summary tables (national, province, finest region × area) and derives rates.
import type { RegionArrays } from '../model/regions.ts';
import {
  COMBINED_METRICS,
  DECILE_METRIC_COUNT,
  combinedSum,
  M,
  METRIC_COUNT,
  RATE_METRICS,
  SUM_METRICS,
} from '../kernel/metrics.ts';
import type { MetricId } from '../kernel/metrics.ts';
import type { YearResult } from '../kernel/types.ts';
import type { RegionLevel, SummaryTable } from './types.ts';
import { AREA_ALL } from './types.ts';

function ratio(num: number, den: number): number {
  return den > 0 ? num / den : 0;
}

/** Group labels of a region level: codes and names, and the group index of each region. */
function groups(
  regions: RegionArrays,
  level: RegionLevel,
): { code: string[]; nameZh: string[]; nameEn: string[]; of: Int32Array } {
  const of = new Int32Array(regions.count);
  if (level === 'national') return { code: ['00'], nameZh: ['全国'], nameEn: ['National'], of };
  if (level === 'region') {
    for (let r = 0; r < regions.count; r++) of[r] = r;
    return { code: regions.code.slice(), nameZh: regions.nameZh.slice(), nameEn: regions.nameEn.slice(), of };
  }
  const code = regions.provinceCodes.slice();
  const nameZh = code.map((p) => {
    const r = regions.code.indexOf(p);
    return r >= 0 ? regions.nameZh[r] : p;
  });
  const nameEn = code.map((p) => {
    const r = regions.code.indexOf(p);
    return r >= 0 ? regions.nameEn[r] : p;
  });
  for (let r = 0; r < regions.count; r++) of[r] = regions.province[r];
  return { code, nameZh, nameEn, of };
}

/** Options of `aggregate`. */
export interface AggregateOptions {
  /** Deflate every yuan amount by the year's price index (real values at start-year prices). Default false. */
  real?: boolean;
}

/** Sum a year's cells to one level (rows = group × [urban, rural, both]) and derive every rate (0 when undefined). */
export function aggregate(
  result: YearResult,
  regions: RegionArrays,
  level: RegionLevel,
  options: AggregateOptions = {},
): SummaryTable {
  const g = groups(regions, level);
  const nGroups = g.code.length;
  const rows = nGroups * 3;
  const sums = new Float64Array(rows * METRIC_COUNT);
  // Persons × standard per row, for the population-weighted average standard.
  const standardPersons = new Float64Array(rows);
  for (let r = 0; r < regions.count; r++) {
    for (let a = 0; a < 2; a++) {
      const src = (r * 2 + a) * METRIC_COUNT;
      const row = g.of[r] * 3 + a;
      const all = g.of[r] * 3 + AREA_ALL;
      for (let k = 0; k < METRIC_COUNT; k++) {
        const v = result.cells[src + k];
        sums[row * METRIC_COUNT + k] += v;
        sums[all * METRIC_COUNT + k] += v;
      }
      const weighted = result.cells[src + M['persons']] * result.standard[r * 2 + a];
      standardPersons[row] += weighted;
      standardPersons[all] += weighted;
    }
  }
  const values = {} as Record<MetricId, Float64Array>;
  const deflator = options.real ? result.priceIndex : 1;
  for (const [id, , , unit] of SUM_METRICS) {
    const k = M[id];
    const col = new Float64Array(rows);
    const f = unit === 'yuan' ? 1 / deflator : 1;
    for (let row = 0; row < rows; row++) col[row] = sums[row * METRIC_COUNT + k] * f;
    values[id] = col;
  }
  for (const [id] of RATE_METRICS) values[id] = new Float64Array(rows);
  for (const [id] of COMBINED_METRICS) values[id] = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    const v = (id: keyof typeof M): number => sums[row * METRIC_COUNT + M[id]];
    // Combined metrics are counts of persons (never deflated).
    for (const [id] of COMBINED_METRICS) values[id][row] = combinedSum(id, sums, row * METRIC_COUNT);
    const persons = v('persons');
    const cash = values['persons.cash'][row];
    values['coverage.cash'][row] = ratio(cash, persons);
    values['coverage.lowIncome'][row] = ratio(values['persons.lowIncome'][row], persons);
    values['coverage.monitored'][row] = ratio(v('monitored.persons'), persons);
    values['exclusion.rate'][row] = ratio(v('exclusion.persons'), v('eligible.persons'));
    values['targeting.exclusionRate'][row] = ratio(v('targeting.poorMissed'), v('poverty.preHeadcount'));
    values['targeting.inclusionRate'][row] = ratio(v('targeting.nonPoorRecipients'), cash);
    values['benefit.bottomDecileShare'][row] = ratio(v('benefit.bottomDecile'), v('benefit.cash'));
    values['benefit.bottomQuintileShare'][row] = ratio(v('benefit.bottomQuintile'), v('benefit.cash'));
    values['poverty.preRate'][row] = ratio(v('poverty.preHeadcount'), persons);
    values['poverty.postRate'][row] = ratio(v('poverty.postHeadcount'), persons);
    values['poverty.gapClosed'][row] = v('poverty.preGap') > 0 ? 1 - v('poverty.postGap') / v('poverty.preGap') : 0;
    values['cost.totalReal'][row] = v('cost.total') / result.priceIndex;
    values['standard.average'][row] = ratio(standardPersons[row], persons) / deflator;
    if (options.real) values['cost.totalReal'][row] = values['cost.total'][row];
  }
  const area = new Uint8Array(rows);
  const code: string[] = [];
  const nameZh: string[] = [];
  const nameEn: string[] = [];
  for (let gi = 0; gi < nGroups; gi++) {
    for (let a = 0; a < 3; a++) {
      area[gi * 3 + a] = a;
      code.push(g.code[gi]);
      nameZh.push(g.nameZh[gi]);
      nameEn.push(g.nameEn[gi]);
    }
  }
  return {
    year: result.year,
    level,
    rows,
    code,
    nameZh,
    nameEn,
    area,
    sampleCount: values['sample'].slice(),
    suppressed: new Uint8Array(rows),
    minCell: 0,
    values,
  };
}

/** One row of the decile distribution (national pre-transfer per-capita income deciles, 1 = poorest). */
export interface DecileRow {
  decile: number;
  households: number;
  persons: number;
  /** Cash benefits to the decile, yuan/year. */
  benefit: number;
  /** Average cash benefit per household, yuan/year. */
  averageBenefit: number;
  /** Share of the decile's households receiving any cash. */
  shareGaining: number;
}

/** The decile distribution of a year's cash benefits: average benefit and share of households gaining. */
export function decileTable(result: YearResult): DecileRow[] {
  const rows: DecileRow[] = [];
  for (let d = 0; d < 10; d++) {
    const b = d * DECILE_METRIC_COUNT;
    const households = result.deciles[b];
    rows.push({
      decile: d + 1,
      households,
      persons: result.deciles[b + 1],
      benefit: result.deciles[b + 2],
      averageBenefit: ratio(result.deciles[b + 2], households),
      shareGaining: ratio(result.deciles[b + 3], households),
    });
  }
  return rows;
}
