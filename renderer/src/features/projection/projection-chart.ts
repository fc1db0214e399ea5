// Pure ECharts option builder for the projection lines: one line per scenario over the years, axis names and tooltips
// carrying units in the reader's language. Tested without a DOM.
import type { Language } from '../../i18n/i18n.ts';
import { formatValue, scaled, unitOf } from '../../format/units.ts';
import type { IndicatorId } from './indicators.ts';
import { indicatorDef } from './indicators.ts';
import { bi, inLanguage } from '../../i18n/i18n.ts';

/** One scenario's year-by-year values of every indicator (raw units: persons, yuan, 0..1 shares). */
export interface ProjectionLine {
  scenarioId: string;
  scenarioName: string;
  years: readonly number[];
  values: Readonly<Record<IndicatorId, readonly number[]>>;
}

/** A Monte Carlo interval of one scenario's indicator: 5th, 50th and 95th percentiles per year (raw units). */
export interface ProjectionBand {
  scenarioName: string;
  years: readonly number[];
  p5: readonly number[];
  p50: readonly number[];
  p95: readonly number[];
}

/** An axis title with its unit in brackets, in the reader's typographic convention. */
export function axisName(name: string, unit: string, language: Language): string {
  if (!unit) return name;
  return inLanguage(bi(`${name}（${unit}）`, `${name} (${unit})`), language);
}

/** Years spanned by any of the lines, ascending and distinct. */
export function allYears(lines: readonly ProjectionLine[]): number[] {
  return [...new Set(lines.flatMap((line) => line.years))].sort((a, b) => a - b);
}

/** The option of a projection line chart for one indicator across scenarios, with a scenario's interval if given. */
export function projectionOption(
  lines: readonly ProjectionLine[],
  indicator: IndicatorId,
  language: Language,
  yearLabel: string,
  band?: ProjectionBand,
): Record<string, unknown> {
  const def = indicatorDef(indicator);
  const years = allYears(lines);
  const unit = unitOf(def.quantity, language);
  const name = inLanguage(def, language);
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
  // The interval as a shaded band: an invisible line at p5 and, stacked on it, the p95 − p5 width filled.
  if (band !== undefined) {
    const byYear = new Map(band.years.map((year, i) => [year, i]));
    const at = (values: readonly number[]) =>
      years.map((year) => {
        const i = byYear.get(year);
        return i === undefined ? Number.NaN : values[i];
      });
    const low = at(band.p5);
    const high = at(band.p95);
    const shown = (v: number) => (Number.isFinite(v) ? scaled(v, def.quantity, language) : null);
    const label = (p: string) => `${band.scenarioName} · ${p}`;
    series.push(
      {
        type: 'line',
        name: label('p5'),
        id: 'band-p5',
        symbol: 'none',
        symbolSize: 0,
        lineStyle: { width: 0 },
        stack: 'band',
        data: low.map(shown),
        rawValues: low,
      } as (typeof series)[number],
      {
        type: 'line',
        name: label('p95'),
        id: 'band-p95',
        symbol: 'none',
        symbolSize: 0,
        lineStyle: { width: 0 },
        stack: 'band',
        areaStyle: { opacity: 0.18 },
        data: low.map((v, i) => {
          const a = shown(v);
          const b = shown(high[i]);
          return a === null || b === null ? null : b - a;
        }),
        rawValues: high,
      } as (typeof series)[number],
    );
  }
  return {
    // The band's two helper series stay out of the legend: it names the scenarios.
    legend: { bottom: 0, type: 'scroll', data: lines.map((line) => line.scenarioName) },
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
          return `${param.marker}${param.seriesName}${inLanguage(bi('：', ': '), language)}<b>${formatValue(raw, def.quantity, language)}</b>`;
        });
        return [`${year} · ${name}`, ...rows].join('<br/>');
      },
    },
    series: series.map(({ rawValues: _raw, ...rest }) => rest),
  };
}
