// ECharts option builders of the results and compare screens, pure functions of the view models so they are
// tested without a canvas. Every chart has axis names with units and a tooltip with exact values and units.
import { formatValue, scaled, unitOf } from '../../format/units.ts';
import { withUnit } from '../../components/labels.ts';
import type { Quantity } from '../../format/units.ts';
import type { Language } from '../../i18n/i18n.ts';
import type { DecileRow, PairRow } from './result-model.ts';

/** Names used in legends and tooltips. */
export interface SeriesNames {
  baseline: string;
  scenario: string;
}

interface TooltipParam {
  seriesName?: string;
  name?: string;
  value?: unknown;
  marker?: string;
  dataIndex?: number;
  seriesIndex?: number;
}

/** Builds an axis-tooltip formatter that shows each series' exact value with its unit. */
export function tooltipFormatter(
  quantities: readonly Quantity[],
  language: Language,
  raw: readonly (readonly number[])[],
): (params: TooltipParam | TooltipParam[]) => string {
  return (params) => {
    const list = Array.isArray(params) ? params : [params];
    if (list.length === 0) return '';
    const title = list[0].name ?? '';
    const lines = list.map((p) => {
      const series = p.seriesIndex ?? 0;
      const value = raw[series]?.[p.dataIndex ?? 0] ?? Number.NaN;
      const quantity = quantities[series] ?? quantities[0];
      return `${p.marker ?? ''}${p.seriesName ?? ''}：${formatValue(value, quantity, language)}`;
    });
    return [title, ...lines].join('<br/>');
  };
}

function axisName(label: string, quantity: Quantity, language: Language): string {
  return withUnit(label, unitOf(quantity, language), language);
}

/** Grouped bars baseline vs scenario for a breakdown on one measure; long lists (over 6) are drawn horizontally. */
export function pairBarOption(
  rows: readonly PairRow[],
  measure: 'persons' | 'households' | 'cost',
  axisLabel: string,
  names: SeriesNames,
  language: Language,
): Record<string, unknown> {
  const kept = rows.filter((r) => (measure === 'cost' ? true : r[measure] !== undefined));
  const quantity: Quantity = measure === 'cost' ? 'money' : measure;
  const pick = (r: PairRow, i: 0 | 1) => (measure === 'cost' ? r.cost[i] : (r[measure]?.[i] ?? Number.NaN));
  const raw = [kept.map((r) => pick(r, 0)), kept.map((r) => pick(r, 1))];
  const categories = kept.map((r) => (language === 'zh' ? r.zh : r.en));
  const horizontal = kept.length > 6;
  return {
    legend: { top: 0, data: [names.baseline, names.scenario] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: tooltipFormatter([quantity, quantity], language, raw),
    },
    grid: { left: 16, right: 24, top: 56, bottom: 8, containLabel: true },
    ...(horizontal
      ? {
          yAxis: { type: 'category', inverse: true, data: categories, axisLabel: { interval: 0 } },
          xAxis: { type: 'value', name: axisName(axisLabel, quantity, language), nameLocation: 'middle', nameGap: 28 },
        }
      : {
          xAxis: { type: 'category', data: categories, axisLabel: { interval: 0 } },
          yAxis: { type: 'value', name: axisName(axisLabel, quantity, language), nameTextStyle: { align: 'left' } },
        }),
    series: raw.map((values, i) => ({
      type: 'bar',
      name: i === 0 ? names.baseline : names.scenario,
      data: values.map((v) => (Number.isFinite(v) ? scaled(v, quantity, language) : null)),
    })),
  };
}

/** Decile distribution: average cash benefit per household (bars) and share of households gaining (lines). */
export function decileOption(
  rows: readonly DecileRow[],
  labels: { decile: string; avgBenefit: string; gaining: string; avgBenefitShort: string; gainingShort: string },
  names: SeriesNames,
  language: Language,
): Record<string, unknown> {
  const raw = [
    rows.map((r) => r.avgBenefit[0]),
    rows.map((r) => r.avgBenefit[1]),
    rows.map((r) => r.gainingShare[0]),
    rows.map((r) => r.gainingShare[1]),
  ];
  const quantities: Quantity[] = ['householdAnnual', 'householdAnnual', 'share', 'share'];
  const seriesNames = [
    `${labels.avgBenefitShort} · ${names.baseline}`,
    `${labels.avgBenefitShort} · ${names.scenario}`,
    `${labels.gainingShort} · ${names.baseline}`,
    `${labels.gainingShort} · ${names.scenario}`,
  ];
  return {
    legend: { top: 0, data: seriesNames },
    tooltip: { trigger: 'axis', formatter: tooltipFormatter(quantities, language, raw) },
    grid: { left: 48, right: 40, top: 64, bottom: 24, containLabel: true },
    xAxis: {
      type: 'category',
      name: labels.decile,
      nameLocation: 'middle',
      nameGap: 28,
      data: rows.map((r) => String(r.decile)),
    },
    yAxis: [
      {
        type: 'value',
        name: axisName(labels.avgBenefit, 'householdAnnual', language),
        nameLocation: 'middle',
        nameGap: 48,
      },
      {
        type: 'value',
        name: axisName(labels.gaining, 'share', language),
        nameLocation: 'middle',
        nameGap: 40,
        max: 100,
        splitLine: { show: false },
      },
    ],
    series: raw.map((values, i) => ({
      type: i < 2 ? 'bar' : 'line',
      name: seriesNames[i],
      yAxisIndex: i < 2 ? 0 : 1,
      data: values.map((v) => (Number.isFinite(v) ? scaled(v, quantities[i], language) : null)),
      ...(i >= 2 ? { symbolSize: 6, lineStyle: { type: i === 2 ? 'dashed' : 'solid' } } : {}),
    })),
  };
}

/** One scenario's values in a compare chart. */
export interface CompareSeries {
  name: string;
  values: readonly number[];
}

/** Grouped bars of several scenarios over several indicators of one quantity. */
export function compareBarOption(
  categories: readonly string[],
  series: readonly CompareSeries[],
  quantity: Quantity,
  axisLabel: string,
  language: Language,
): Record<string, unknown> {
  const raw = series.map((s) => [...s.values]);
  return {
    legend: { top: 0, data: series.map((s) => s.name) },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: tooltipFormatter(
        series.map(() => quantity),
        language,
        raw,
      ),
    },
    grid: { left: 16, right: 16, top: 56, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: [...categories], axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: axisName(axisLabel, quantity, language), nameTextStyle: { align: 'left' } },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values.map((v) => (Number.isFinite(v) ? scaled(v, quantity, language) : null)),
    })),
  };
}
