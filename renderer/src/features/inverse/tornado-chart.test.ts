// Tests the tornado: bars sorted by widest swing (either side), deltas scaled to the reader's unit, tooltip with units.
import { describe, expect, it } from 'vitest';
import { sortTornado, tornadoOption } from './tornado-chart.ts';
import type { TornadoBar } from './tornado-chart.ts';

const bars: TornadoBar[] = [
  { id: 'a', label: 'A', lowSetting: '0.3', highSetting: '0.5', lowDelta: -1e9, highDelta: 2e9 },
  { id: 'b', label: 'B', lowSetting: '-10%', highSetting: '+10%', lowDelta: -8e9, highDelta: 7e9 },
  { id: 'c', label: 'C', lowSetting: '1.3', highSetting: '1.6', lowDelta: 0, highDelta: 5e8 },
  { id: 'd', label: 'D', lowSetting: '0', highSetting: '1', lowDelta: 3e9, highDelta: -1e8 },
];

interface Option {
  yAxis: { data: string[]; inverse: boolean };
  xAxis: { name: string };
  series: { name: string; data: { value: number; label: { formatter: string; show: boolean } }[] }[];
  tooltip: { formatter: (params: { dataIndex: number }[]) => string };
}

describe('tornado', () => {
  it('sorts by the widest swing on either side', () => {
    expect(sortTornado(bars).map((bar) => bar.id)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('keeps input order for equal swings', () => {
    const tied = [
      { ...bars[0], id: 'x', lowDelta: -5, highDelta: 1 },
      { ...bars[0], id: 'y', lowDelta: 1, highDelta: 5 },
    ];
    expect(sortTornado(tied).map((bar) => bar.id)).toEqual(['x', 'y']);
  });

  it('puts the largest bar on top and scales deltas to 亿元 in Chinese', () => {
    const option = tornadoOption(bars, 'money', 'zh', {
      low: '低端',
      high: '高端',
      outcome: '支出变化',
    }) as unknown as Option;
    expect(option.yAxis.inverse).toBe(true);
    expect(option.yAxis.data).toEqual(['B', 'D', 'A', 'C']);
    expect(option.series[0].data.map((d) => d.value)).toEqual([-80, 30, -10, 0]);
    expect(option.series[1].data.map((d) => d.value)).toEqual([70, -1, 20, 5]);
    expect(option.series[1].data[0].label.formatter).toBe('+10%');
    expect(option.series[0].data[3].label.show).toBe(false);
    expect(option.series[1].data[3].label.show).toBe(true);
    expect(option.xAxis.name).toBe('支出变化（亿元）');
  });

  it('tooltip gives signed deltas with units in English', () => {
    const option = tornadoOption(bars, 'persons', 'en', {
      low: 'Low end',
      high: 'High end',
      outcome: 'Change in caseload',
    }) as unknown as Option;
    const text = option.tooltip.formatter([{ dataIndex: 0 }]);
    expect(text).toContain('Low end (-10%): -8,000.00 million persons');
    expect(text).toContain('High end (+10%): +7,000.00 million persons');
  });
});
