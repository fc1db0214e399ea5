// Option builders: scaled series, axis names with units, tooltips with exact values and units.
import { describe, expect, it } from 'vitest';
import { compareBarOption, decileOption, pairBarOption, tooltipFormatter } from './chart-options.ts';
import { decileRows, programmeRows } from './result-model.ts';
import { sampleComparison } from './comparison-fixture.ts';

const names = { baseline: '基线', scenario: '方案' };

describe('pairBarOption', () => {
  it('draws baseline and scenario bars in the display unit with a unit-bearing axis name', () => {
    const option = pairBarOption(programmeRows(sampleComparison()), 'persons', '人数', names, 'zh') as {
      xAxis: { data: string[] };
      yAxis: { name: string };
      series: { name: string; data: (number | null)[] }[];
    };
    expect(option.xAxis.data).toEqual(['低保', '特困', '低保边缘', '刚性支出困难', '孤儿基本生活费']);
    expect(option.yAxis.name).toBe('人数（万人）');
    expect(option.series[0].name).toBe('基线');
    expect(option.series[1].data[0]).toBeCloseTo(120);
  });
  it('includes cost-only programmes when showing cost, drawn horizontally', () => {
    const option = pairBarOption(programmeRows(sampleComparison()), 'cost', 'Cost', names, 'en') as {
      xAxis: { name: string };
      yAxis: { data: string[] };
    };
    expect(option.yAxis.data).toHaveLength(8);
    expect(option.yAxis.data[4]).toBe('Temporary');
    expect(option.xAxis.name).toBe('Cost (billion yuan)');
  });
});

describe('tooltips', () => {
  it('show exact values with units for each series', () => {
    const format = tooltipFormatter(['money', 'money'], 'zh', [[1.5e10], [1.8e10]]);
    const html = format([
      { name: '低保', seriesName: '基线', dataIndex: 0, seriesIndex: 0, marker: '' },
      { name: '低保', seriesName: '方案', dataIndex: 0, seriesIndex: 1, marker: '' },
    ]);
    expect(html).toBe('低保<br/>基线：150.0亿元<br/>方案：180.0亿元');
  });
});

describe('decileOption', () => {
  it('puts benefits on the left axis and shares gaining (percent) on the right', () => {
    const option = decileOption(
      decileRows(sampleComparison()),
      {
        decile: '收入十分位',
        avgBenefit: '户均救助',
        gaining: '受益户比例',
        avgBenefitShort: '户均',
        gainingShort: '受益',
      },
      names,
      'zh',
    ) as { series: { type: string; yAxisIndex: number; data: (number | null)[] }[]; yAxis: { name: string }[] };
    expect(option.series.map((s) => s.type)).toEqual(['bar', 'bar', 'line', 'line']);
    expect(option.series[3].data[0]).toBeCloseTo(60);
    expect(option.yAxis[0].name).toBe('户均救助（万元）');
    expect(option.yAxis[1].name).toBe('受益户比例（%）');
  });
});

describe('compareBarOption', () => {
  it('draws one series per scenario', () => {
    const option = compareBarOption(
      ['低保', '特困'],
      [
        { name: 'A', values: [1e6, 2e5] },
        { name: 'B', values: [1.1e6, Number.NaN] },
      ],
      'persons',
      '人数',
      'en',
    ) as { series: { data: (number | null)[] }[] };
    expect(option.series).toHaveLength(2);
    expect(option.series[1].data).toEqual([1.1, null]);
  });
});
