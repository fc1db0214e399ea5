// The briefing's tables as export tables: headline indicators (metric rows: baseline, each scenario and its change)
// and results by province (suppressed rows marked, as in every other sub-national output).
import type { Language } from '../../i18n/i18n.ts';
import { formatValue } from '../../format/units.ts';
import type { Quantity } from '../../format/units.ts';
import type { MetricId, SummaryTable, RunScope } from '../../../../sim/index.ts';
import { AREA_ALL, NATIONAL_SCOPE, describeMcSources, isNationalScope, scopeValue } from '../../../../sim/index.ts';
import type { CellValue, ExportColumn, ExportTable } from '../table.ts';
import { metricInfo } from '../engine-tables.ts';
import type { BriefingComparison, BriefingInterval, BriefingProjection, BriefingProjectionScope } from './model.ts';
import { nationalValue } from './summary.ts';
import { bi, inLanguage } from '../../i18n/i18n.ts';

/** The metrics of the headline table, in reading order. */
export const HEADLINE_METRICS: readonly MetricId[] = [
  'households.dibao',
  'persons.dibao',
  'persons.tekun',
  'persons.marginal',
  'persons.rigid',
  'entrants.persons',
  'leavers.persons',
  'gradualExit.persons',
  'temporary.personTimes',
  'cost.total',
  'cost.central',
  'cost.local',
  'cost.totalReal',
  'coverage.cash',
  'coverage.lowIncome',
  'coverage.monitored',
  'exclusion.rate',
  'benefit.bottomQuintileShare',
  'poverty.preRate',
  'poverty.postRate',
  'poverty.gapClosed',
];

/** A signed change with its unit; changes of shares are in percentage points (个百分点 / pp), not percent. */
export function changeText(value: number, quantity: Quantity, language: Language): string {
  if (quantity !== 'share') return formatValue(value, quantity, language, { signed: true });
  const points = formatValue(value, 'share', language, { signed: true, withUnit: false });
  return inLanguage(bi(`${points}个百分点`, `${points} pp`), language);
}

/** One formatted headline row: label, then baseline, then value and change per scenario (units in each cell). */
export interface HeadlineRow {
  metric: MetricId;
  label: string;
  cells: string[];
}

/** Headline indicators, formatted for reading (each cell carries its unit; changes are signed). */
export function headlineRows(comparisons: readonly BriefingComparison[], language: Language): HeadlineRow[] {
  return HEADLINE_METRICS.map((metric) => {
    const info = metricInfo(metric);
    const cells = [formatValue(nationalValue(comparisons[0].baseline.national, metric), info.quantity, language)];
    for (const comparison of comparisons) {
      cells.push(formatValue(nationalValue(comparison.scenario.national, metric), info.quantity, language));
      cells.push(changeText(nationalValue(comparison.delta.national, metric), info.quantity, language));
    }
    return { metric, label: info.label[language], cells };
  });
}

/** The headline table's column titles. */
export function headlineHeaders(comparisons: readonly BriefingComparison[], language: Language): string[] {
  const headers = [inLanguage(bi('指标', 'Indicator'), language), inLanguage(bi('基线', 'Baseline'), language)];
  for (const comparison of comparisons) {
    headers.push(comparison.scenarioName);
    headers.push(inLanguage(bi('比基线变化', 'Change vs baseline'), language));
  }
  return headers;
}

const PROVINCE_METRICS: readonly MetricId[] = ['persons.dibao', 'persons.tekun', 'cost.total', 'coverage.cash'];

function rowOf(table: SummaryTable, code: string): number {
  for (let r = 0; r < table.rows; r++) if (table.code[r] === code && table.area[r] === AREA_ALL) return r;
  return -1;
}

/**
 * Scenario results by province (both areas) with the change in total cost; a province is suppressed when either the
 * scenario or the delta table suppresses it (both come from the engine's `suppress`).
 */
export function provinceTable(comparison: BriefingComparison): ExportTable {
  const scenario = comparison.scenario.province;
  const delta = comparison.delta.province;
  const columns: ExportColumn[] = [
    { key: 'region', label: { zh: '省份', en: 'Province' } },
    ...PROVINCE_METRICS.map((metric) => {
      const info = metricInfo(metric);
      return { key: metric, label: info.label, quantity: info.quantity };
    }),
    {
      key: 'delta.cost.total',
      label: { zh: '总支出比基线变化', en: 'Change in total cost' },
      quantity: 'money',
      signed: true,
    },
  ];
  const rows: CellValue[][] = [];
  const suppressed: boolean[][] = [];
  for (let r = 0; r < scenario.rows; r++) {
    if (scenario.area[r] !== AREA_ALL) continue;
    const d = rowOf(delta, scenario.code[r]);
    const hidden = scenario.suppressed[r] === 1 || d < 0 || delta.suppressed[d] === 1;
    rows.push([
      { zh: scenario.nameZh[r], en: scenario.nameEn[r] },
      ...PROVINCE_METRICS.map((metric) => (hidden ? null : scenario.values[metric][r])),
      hidden ? null : delta.values['cost.total'][d],
    ]);
    suppressed.push(columns.map((_, c) => hidden && c > 0));
  }
  return {
    id: 'province',
    title: {
      zh: `${comparison.year}年分省结果：${comparison.scenarioName}`,
      en: `Results by province, ${comparison.year}: ${comparison.scenarioName}`,
    },
    columns,
    rows,
    suppressed,
    subnational: true,
    minCell: Math.max(scenario.minCell, delta.minCell),
  };
}

/**
 * One metric of a projection run in year index `y` at a scope: the national total, or the province's row of the same
 * run (sim/run/scope.ts; NaN where disclosure control hid it).
 */
export function projectionValue(run: BriefingProjection, y: number, metric: MetricId, scope: RunScope): number {
  if (isNationalScope(scope)) return nationalValue(run.national[y], metric);
  const province = run.province?.[y];
  if (!province) throw new Error(`projection of ${run.scenarioName} has no province tables`);
  return scopeValue({ national: run.national[y], province }, scope, metric);
}

/** The projection metrics that fit an A4 page: dibao persons and total cost, with their changes. */
export const PROJECTION_METRICS_COMPACT: readonly MetricId[] = ['persons.dibao', 'cost.total'];

/** National projection metrics, each shown as a level and, for a reform, as its change against the baseline run. */
export const PROJECTION_METRICS: readonly MetricId[] = [
  'persons.dibao',
  'persons.tekun',
  'persons.marginal',
  'coverage.monitored',
  'cost.total',
  'cost.totalReal',
];

/**
 * The projection as one national table: a row per scenario and year with the levels and, for every run but the
 * baseline (the first run), the change against the baseline in the same year, plus the cumulative change in total
 * cost from the first year on. Shares change in percentage points (the column's quantity is a share).
 */
export function projectionTable(
  projection: readonly BriefingProjection[],
  metrics: readonly MetricId[] = PROJECTION_METRICS,
  where?: BriefingProjectionScope,
): ExportTable {
  const baseline = projection[0];
  const scope = where?.scope ?? NATIONAL_SCOPE;
  const columns: ExportColumn[] = [
    { key: 'scenario', label: { zh: '方案', en: 'Scenario' } },
    { key: 'year', label: { zh: '年份', en: 'Year' } },
    ...metrics.map((metric) => {
      const info = metricInfo(metric);
      return { key: metric, label: info.label, quantity: info.quantity };
    }),
    ...metrics.map((metric) => {
      const info = metricInfo(metric);
      const label = {
        zh: `${info.label.zh}比基线变化`,
        en: `Change in ${info.label.en} vs baseline`,
      };
      return { key: `delta.${metric}`, label, quantity: info.quantity, signed: true };
    }),
    {
      key: 'delta.cost.total.cumulative',
      label: { zh: '总支出比基线累计变化', en: 'Cumulative change in total cost vs baseline' },
      quantity: 'money',
      signed: true,
    },
  ];
  const rows: CellValue[][] = [];
  for (const [runIndex, run] of projection.entries()) {
    let cumulative = 0;
    run.years.forEach((year, y) => {
      const value = (metric: MetricId) => projectionValue(run, y, metric, scope);
      const base = baseline.years.indexOf(year);
      const comparable = runIndex > 0 && base >= 0;
      const change = (metric: MetricId) =>
        comparable ? value(metric) - projectionValue(baseline, base, metric, scope) : null;
      const costChange = change('cost.total');
      if (costChange !== null) cumulative += costChange;
      rows.push([
        run.scenarioName,
        String(year),
        ...metrics.map(value),
        ...metrics.map(change),
        comparable ? cumulative : null,
      ]);
    });
  }
  const name = where && !isNationalScope(scope) ? where.name : { zh: '全国', en: 'national' };
  return {
    id: 'projection',
    title: { zh: `多年预测（${name.zh}）`, en: `Projection (${name.en})` },
    columns,
    rows,
    subnational: false,
    minCell: baseline?.national[0]?.minCell ?? 0,
  };
}

/** The metrics of the interval table (as on the Projection screen): cash (dibao + tekun) and dibao persons, cost. */
export const INTERVAL_METRICS: readonly MetricId[] = ['persons.cash', 'persons.dibao', 'cost.total'];

const PERCENTILES = ['p5', 'p50', 'p95'] as const;

/**
 * The Monte Carlo interval computed on the Projection screen as one table at the projection's scope: a row per year
 * with p5, p50 and p95 of each interval metric (percentiles of each replication's value; the dibao + tekun sum is
 * summed per replication by the engine), the replication count in the title and, below, the sources of uncertainty
 * included and not included. A province scope's suppressed cells are marked.
 */
export function projectionIntervalTable(interval: BriefingInterval, where?: BriefingProjectionScope): ExportTable {
  const scope = where?.scope ?? NATIONAL_SCOPE;
  const national = isNationalScope(scope);
  const columns: ExportColumn[] = [
    { key: 'year', label: { zh: '年份', en: 'Year' } },
    ...INTERVAL_METRICS.flatMap((metric) => {
      const info = metricInfo(metric);
      return PERCENTILES.map((p) => ({
        key: `${metric}.${p}`,
        label: { zh: `${info.label.zh} ${p}`, en: `${info.label.en} ${p}` },
        quantity: info.quantity,
      }));
    }),
  ];
  const rows: CellValue[][] = [];
  const suppressed: boolean[][] = [];
  interval.years.forEach((year, t) => {
    const values = INTERVAL_METRICS.flatMap((metric) =>
      PERCENTILES.map((p) =>
        scopeValue({ national: interval.national[t][p], province: interval.province[t][p] }, scope, metric),
      ),
    );
    rows.push([String(year), ...values]);
    suppressed.push([false, ...values.map((v) => Number.isNaN(v))]);
  });
  const name = where && !national ? where.name : { zh: '全国', en: 'national' };
  const sources = describeMcSources(interval.sources);
  const n = interval.replications;
  return {
    id: 'projection-interval',
    title: {
      zh: `蒙特卡洛区间（${interval.scenarioName}，${name.zh}，${n} 次重复：p5 · p50 · p95）`,
      en: `Monte Carlo interval (${interval.scenarioName}, ${name.en}, ${n} replications: p5 · p50 · p95)`,
    },
    columns,
    rows,
    subnational: !national,
    suppressed,
    minCell: interval.province[0]?.p5.minCell ?? 0,
    notes: [
      {
        zh: `${n} 次蒙特卡洛重复的第 5、50、95 百分位数；低保+特困人数为每次重复内两者之和的百分位数（不是两者百分位数之和）。`,
        en: `5th, 50th and 95th percentiles over ${n} Monte Carlo replications; dibao + tekun persons are percentiles of each replication's sum (not the sum of the two percentiles).`,
      },
      { zh: `不确定性来源：${sources.zh}`, en: `Uncertainty sources: ${sources.en}` },
    ],
  };
}
