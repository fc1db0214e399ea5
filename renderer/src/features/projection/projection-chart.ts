// Pure ECharts option builder for the projection lines: one line per scenario over the years, axis names and tooltips
// carrying units in the reader's language. Tested without a DOM.
import type { Language } from '../../i18n/i18n.ts';
import { formatValue, scaled, unitOf } from '../../format/units.ts';
import type { IndicatorId } from './indicators.ts';
import { indicatorDef } from './indicators.ts';

/** One scenario's year-by-year values of every indicator (raw units: persons, yuan, 0..1 shares). */
export interface ProjectionLine {
  scenarioId: string;
  scenarioName: string;
  years: readonly number[];
  values: Readonly<Record<IndicatorId, readonly number[]>>;
}

/** An axis title with its unit in brackets, in the reader's typographic convention. */
export function axisName(name: string, unit: string, language: Language): string {
  if (!unit) return name;
  return language === 'zh' ? `${name}（${unit}）` : `${name} (${unit})`;
}

/** Years spanned by any of the lines, ascending and distinct. */
export function allYears(lines: readonly ProjectionLine[]): number[] {
  return [...new Set(lines.flatMap((line) => line.years))].sort((a, b) => a - b);
}

/** The option of a projection line chart for one indicator across scenarios. */
export function projectionOption(
  lines: readonly ProjectionLine[],
  indicator: IndicatorId,
  language: Language,
  yearLabel: string,
): Record<string, unknown> {
  const def = indicatorDef(indicator);
  const years = allYears(lines);
  const unit = unitOf(def.quantity, language);
  const name = language === 'zh' ? def.zh : def.en;
  const series = lines.map((line, index) => {
    const byYear = new Map(line.years.map((year, i) => [year, line.values[indicator][i]]));
    return {
      type: 'line',
      name: line.scenarioName,
      id: line.scenarioId,
      symbol: 'circle',
      symbolSize: 6,
      lineStyle: { width: index === 0 ? 3 : 2 },
      data: years.map((year) => {
        const raw = byYear.get(year);
        return raw === undefined || !Number.isFinite(raw) ? null : scaled(raw, def.quantity, language);
      }),
      rawValues: years.map((year) => byYear.get(year) ?? Number.NaN),
    };
  });
  return {
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 16, right: 24, top: 30, bottom: 52, containLabel: true },
    xAxis: {
      type: 'category',
      data: years.map(String),
      name: yearLabel,
      nameLocation: 'middle',
      nameGap: 26,
      boundaryGap: false,
    },
    yAxis: {
      type: 'value',
      name: axisName(name, unit, language),
      nameTextStyle: { align: 'left', color: '#55606e' },
      scale: def.quantity !== 'money',
    },
    tooltip: {
      trigger: 'axis',
      formatter: (
        params: readonly { seriesIndex: number; dataIndex: number; marker: string; seriesName: string }[],
      ) => {
        if (params.length === 0) return '';
        const year = years[params[0].dataIndex];
        const rows = params.map((param) => {
          const raw = series[param.seriesIndex].rawValues[param.dataIndex];
          return `${param.marker}${param.seriesName}${language === 'zh' ? '：' : ': '}<b>${formatValue(raw, def.quantity, language)}</b>`;
        });
        return [`${year} · ${name}`, ...rows].join('<br/>');
      },
    },
    series: series.map(({ rawValues: _raw, ...rest }) => rest),
  };
}
