// Tests the projection line option: one series per scenario, years aligned across scenarios, units in axis and tooltip.
import { describe, expect, it } from 'vitest';
import { allYears, axisName, projectionOption } from './projection-chart.ts';
import type { ProjectionLine } from './projection-chart.ts';
import { INDICATORS } from './indicators.ts';
import type { IndicatorId } from './indicators.ts';

function line(id: string, years: number[], cost: number[]): ProjectionLine {
  const values = Object.fromEntries(INDICATORS.map((def) => [def.id, years.map(() => 0)])) as Record<
    IndicatorId,
    number[]
  >;
  values.costNominal = cost;
  values.coverageCash = years.map((_, i) => 0.03 + i * 0.001);
  return { scenarioId: id, scenarioName: id.toUpperCase(), years, values };
}

interface Series {
  name: string;
  data: (number | null)[];
  stack?: string;
  areaStyle?: unknown;
}
interface Option {
  series: Series[];
  xAxis: { data: string[] };
  yAxis: { name: string };
  tooltip: {
    formatter: (params: { seriesIndex: number; dataIndex: number; marker: string; seriesName: string }[]) => string;
  };
}

describe('projectionOption', () => {
  const lines = [
    line('base', [2025, 2026, 2027], [1.5e11, 1.6e11, 1.7e11]),
    line('reform', [2026, 2027, 2028], [2e11, 2.1e11, 2.2e11]),
  ];

  it('draws one line per scenario over the union of years, gaps where a scenario has no year', () => {
    const option = projectionOption(lines, 'costNominal', 'zh', '年份') as unknown as Option;
    expect(option.xAxis.data).toEqual(['2025', '2026', '2027', '2028']);
    expect(option.series.map((s) => s.name)).toEqual(['BASE', 'REFORM']);
    expect(option.series[0].data).toEqual([1500, 1600, 1700, null]);
    expect(option.series[1].data).toEqual([null, 2000, 2100, 2200]);
  });

  it('scales to the English unit and names it on the axis', () => {
    const option = projectionOption(lines, 'costNominal', 'en', 'Year') as unknown as Option;
    expect(option.series[0].data[0]).toBeCloseTo(150);
    expect(option.yAxis.name).toBe('Annual cost (nominal) (billion yuan)');
  });

  it('tooltip shows exact values with units for every scenario of the year', () => {
    const option = projectionOption(lines, 'coverageCash', 'zh', '年份') as unknown as Option;
    const text = option.tooltip.formatter([
      { seriesIndex: 0, dataIndex: 1, marker: '', seriesName: 'BASE' },
      { seriesIndex: 1, dataIndex: 1, marker: '', seriesName: 'REFORM' },
    ]);
    expect(text).toContain('2026');
    expect(text).toContain('BASE：<b>3.10%</b>');
    expect(text).toContain('REFORM：<b>3.00%</b>');
  });

  it('collects years and writes axis names in both conventions', () => {
    expect(allYears(lines)).toEqual([2025, 2026, 2027, 2028]);
    expect(axisName('支出', '亿元', 'zh')).toBe('支出（亿元）');
    expect(axisName('Cost', 'billion yuan', 'en')).toBe('Cost (billion yuan)');
    expect(axisName('Ratio', '', 'en')).toBe('Ratio');
  });

  it("adds a scenario's p5–p95 band as a stacked area: an invisible p5 line and the width p95 − p5 on it", () => {
    const band = {
      scenarioName: 'REFORM',
      years: [2026, 2027],
      p5: [1.9e11, 2e11],
      p50: [2e11, 2.1e11],
      p95: [2.1e11, 2.3e11],
    };
    const option = projectionOption(lines, 'costNominal', 'en', 'Year', band) as unknown as Option;
    expect(option.series.map((s) => s.name)).toEqual(['BASE', 'REFORM', 'REFORM · p5', 'REFORM · p95']);
    const [low, width] = option.series.slice(2);
    expect(low.stack).toBe('band');
    expect(width.stack).toBe('band');
    expect(width.areaStyle).toBeDefined();
    // Years 2025..2028; English shows money in billions: 190 + 20 = 210 and 200 + 30 = 230.
    expect(low.data).toEqual([null, 190, 200, null]);
    expect(width.data.map((v) => (v === null ? null : Math.round(v)))).toEqual([null, 20, 30, null]);
    const tip = option.tooltip.formatter([{ seriesIndex: 3, dataIndex: 2, marker: '', seriesName: 'REFORM · p95' }]);
    expect(tip).toContain('230');
  });
});
