// Pure ECharts option builder for the sensitivity tornado: each parameter's swing of one outcome (cost or caseload)
// when set to the low and the high end of its range, bars sorted by the widest swing, values in the reader's units.
import type { Language } from '../../i18n/i18n.ts';
import type { Quantity } from '../../format/units.ts';
import { formatValue, scaled, unitOf } from '../../format/units.ts';
import { axisName } from '../projection/projection-chart.ts';

/** One parameter's effect: outcome minus the starting scenario's outcome, at the low and high ends of its range. */
export interface TornadoBar {
  id: string;
  label: string;
  /** The parameter values tried, as the reader should see them (e.g. "0.85", "+10%"). */
  lowSetting: string;
  highSetting: string;
  lowDelta: number;
  highDelta: number;
}

/** Bars ordered by their widest absolute swing, largest first; ties keep their input order. */
export function sortTornado(bars: readonly TornadoBar[]): TornadoBar[] {
  const swing = (bar: TornadoBar) => Math.max(Math.abs(bar.lowDelta), Math.abs(bar.highDelta));
  return bars
    .map((bar, index) => ({ bar, index }))
    .sort((a, b) => swing(b.bar) - swing(a.bar) || a.index - b.index)
    .map(({ bar }) => bar);
}

export interface TornadoLabels {
  low: string;
  high: string;
  outcome: string;
}

/** The option of a tornado chart: largest swing on top, low and high ends as two overlapping bar series. */
export function tornadoOption(
  bars: readonly TornadoBar[],
  quantity: Quantity,
  language: Language,
  labels: TornadoLabels,
): Record<string, unknown> {
  const sorted = sortTornado(bars);
  const unit = unitOf(quantity, language);
  const sep = language === 'zh' ? '：' : ': ';
  const bar = (key: 'lowDelta' | 'highDelta') =>
    sorted.map((entry) => ({
      value: scaled(entry[key], quantity, language),
      label: {
        show: entry[key] !== 0,
        position: entry[key] < 0 ? 'left' : 'right',
        formatter: key === 'lowDelta' ? entry.lowSetting : entry.highSetting,
        color: '#55606e',
        fontSize: 11,
      },
    }));
  return {
    legend: { top: 0 },
    grid: { left: 16, right: 64, top: 36, bottom: 36, containLabel: true },
    xAxis: {
      type: 'value',
      name: axisName(labels.outcome, unit, language),
      nameLocation: 'middle',
      nameGap: 28,
      splitLine: { lineStyle: { type: 'dashed' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: sorted.map((entry) => entry.label),
      axisTick: { show: false },
      axisLabel: { width: 250, overflow: 'break', lineHeight: 14 },
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: readonly { dataIndex: number }[]) => {
        if (params.length === 0) return '';
        const entry = sorted[params[0].dataIndex];
        return [
          `<b>${entry.label}</b>`,
          `${labels.low} (${entry.lowSetting})${sep}${formatValue(entry.lowDelta, quantity, language, { signed: true })}`,
          `${labels.high} (${entry.highSetting})${sep}${formatValue(entry.highDelta, quantity, language, { signed: true })}`,
        ].join('<br/>');
      },
    },
    series: [
      { type: 'bar', name: labels.low, data: bar('lowDelta'), barWidth: '55%', itemStyle: { color: '#3c9db5' } },
      {
        type: 'bar',
        name: labels.high,
        data: bar('highDelta'),
        barWidth: '55%',
        barGap: '-100%',
        itemStyle: { color: '#d9822b' },
      },
    ],
  };
}
