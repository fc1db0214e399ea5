// ECharts options of the briefing's main charts, built from the engine's tables as pure functions (tested without a
// DOM; rendered to SVG for the HTML): cost by component, caseload by province, and the projection path.
import type { EChartsCoreOption } from 'echarts';
import type { Language } from '../../i18n/i18n.ts';
import type { Quantity } from '../../format/units.ts';
import { formatValue, scaled, unitOf } from '../../format/units.ts';
import { COMPONENT_IDS, COMPONENT_LABELS, AREA_ALL } from '../../../../sim/index.ts';
import type { MetricId } from '../../../../sim/index.ts';
import type { BriefingComparison, BriefingProjection } from './model.ts';
import { nationalValue } from './summary.ts';
import { metricInfo } from '../engine-tables.ts';

const BASELINE_NAME = { zh: '基线', en: 'Baseline' } as const;

function axisName(label: string, quantity: Quantity, language: Language): string {
  const unit = unitOf(quantity, language);
  return language === 'zh' ? `${label}（${unit}）` : `${label} (${unit})`;
}

function tooltipFormatter(quantity: Quantity, language: Language) {
  return (value: unknown) =>
    typeof value === 'number'
      ? formatValue(value, quantity, language, { withUnit: false }) + ' ' + unitOf(quantity, language)
      : '—';
}

/** Annual cost by component: the baseline beside each scenario (亿元 / billion yuan). */
export function costByComponentOption(
  comparisons: readonly BriefingComparison[],
  language: Language,
): EChartsCoreOption {
  const categories = COMPONENT_IDS.map((id) => COMPONENT_LABELS[id][language]);
  const series = [
    { name: BASELINE_NAME[language], table: comparisons[0].baseline.national },
    ...comparisons.map((comparison) => ({ name: comparison.scenarioName, table: comparison.scenario.national })),
  ].map(({ name, table }) => ({
    type: 'bar',
    name,
    data: COMPONENT_IDS.map((id) => scaled(nationalValue(table, `cost.${id}` satisfies MetricId), 'money', language)),
  }));
  return {
    legend: { top: 0, right: 0 },
    grid: { left: 8, right: 24, top: 56, bottom: 28, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: tooltipFormatter('money', language) },
    xAxis: {
      type: 'value',
      name: axisName(language === 'zh' ? '支出' : 'Cost', 'money', language),
      nameLocation: 'middle',
      nameGap: 24,
    },
    yAxis: { type: 'category', data: categories, inverse: true, axisLabel: { interval: 0 } },
    series,
  };
}

/** Persons on dibao by province (both areas), baseline and scenario; suppressed provinces are left out and named. */
export function caseloadByProvinceOption(
  comparison: BriefingComparison,
  language: Language,
  metric: MetricId = 'persons.dibao',
): { option: EChartsCoreOption; suppressedRegions: string[] } {
  const base = comparison.baseline.province;
  const scen = comparison.scenario.province;
  const names: string[] = [];
  const baseline: number[] = [];
  const scenario: number[] = [];
  const suppressedRegions: string[] = [];
  for (let r = 0; r < scen.rows; r++) {
    if (scen.area[r] !== AREA_ALL) continue;
    const name = language === 'zh' ? scen.nameZh[r] : scen.nameEn[r];
    const b = findRow(base, scen.code[r]);
    if (scen.suppressed[r] === 1 || b < 0 || base.suppressed[b] === 1) {
      suppressedRegions.push(name);
      continue;
    }
    names.push(name);
    baseline.push(scaled(base.values[metric][b], 'persons', language));
    scenario.push(scaled(scen.values[metric][r], 'persons', language));
  }
  const label = metricInfo(metric).label[language];
  return {
    suppressedRegions,
    option: {
      legend: { top: 0, right: 0 },
      grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: tooltipFormatter('persons', language) },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 60, fontSize: 10 } },
      yAxis: { type: 'value', name: axisName(label, 'persons', language), nameTextStyle: { align: 'left' } },
      series: [
        { type: 'bar', name: BASELINE_NAME[language], data: baseline },
        { type: 'bar', name: comparison.scenarioName, data: scenario },
      ],
    },
  };
}

function findRow(table: BriefingComparison['baseline']['province'], code: string): number {
  for (let r = 0; r < table.rows; r++) if (table.code[r] === code && table.area[r] === AREA_ALL) return r;
  return -1;
}

/** The projection path of one metric (default: total cost), one line per scenario. */
export function projectionOption(
  projection: readonly BriefingProjection[],
  language: Language,
  metric: MetricId = 'cost.total',
): EChartsCoreOption {
  const info = metricInfo(metric);
  const years = projection[0]?.years ?? [];
  return {
    legend: { top: 0, right: 0 },
    grid: { left: 8, right: 24, top: 56, bottom: 28, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: tooltipFormatter(info.quantity, language) },
    xAxis: {
      type: 'category',
      data: years.map(String),
      name: language === 'zh' ? '年份' : 'Year',
      nameLocation: 'middle',
      nameGap: 24,
    },
    yAxis: {
      type: 'value',
      name: axisName(info.label[language], info.quantity, language),
      nameTextStyle: { align: 'left' },
    },
    series: projection.map((run) => ({
      type: 'line',
      name: run.scenarioName,
      data: run.national.map((table) => scaled(nationalValue(table, metric), info.quantity, language)),
    })),
  };
}
