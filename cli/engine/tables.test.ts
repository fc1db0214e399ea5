// Result tables and display helpers: column naming, stacking summary tables with suppression, display units.
import { describe, expect, it } from 'vitest';
import { AREA_ALL } from '../../sim/index.ts';
import type { MetricId, SummaryTable } from '../../sim/index.ts';
import { displayValue, nationalValues } from './screen-summary.ts';
import { METRIC_IDS, metricColumn, nationalRow, summaryToColumns } from './tables.ts';

function table(suppressedRow: number): SummaryTable {
  const rows = 3;
  const values = {} as Record<MetricId, Float64Array>;
  METRIC_IDS.forEach((id, k) => {
    values[id] = Float64Array.from([k, k + 0.5, k + 1]);
  });
  const suppressed = new Uint8Array(rows);
  if (suppressedRow >= 0) suppressed[suppressedRow] = 1;
  return {
    year: 2024,
    level: 'province',
    rows,
    code: ['43', '43', '43'],
    nameZh: ['湖南', '湖南', '湖南'],
    nameEn: ['Hunan', 'Hunan', 'Hunan'],
    area: Uint8Array.from([0, 1, AREA_ALL]),
    sampleCount: Float64Array.from([5, 50, 55]),
    suppressed,
    minCell: 10,
    values,
  };
}

describe('result tables', () => {
  it('names metric columns in snake_case', () => {
    expect(metricColumn('cost.tekunLiving')).toBe('cost_tekun_living');
    expect(metricColumn('persons.dibao')).toBe('persons_dibao');
    expect(new Set(METRIC_IDS.map(metricColumn)).size).toBe(METRIC_IDS.length);
  });

  it('stacks summaries and hides the sample count of suppressed cells', () => {
    const t = summaryToColumns('summary_province', [table(0), table(-1)]);
    expect(t.columns.year).toHaveLength(6);
    expect(t.columns.area).toEqual(['urban', 'rural', 'all', 'urban', 'rural', 'all']);
    expect(t.columns.suppressed).toEqual([true, false, false, false, false, false]);
    expect(t.columns.sample[0]).toBeNull();
    expect(t.columns.persons_dibao[0]).toBeNull();
    expect(t.columns.sample[3]).toBe(5);
    expect(t.columns.persons_dibao[3]).toBe(METRIC_IDS.indexOf('persons.dibao'));
    expect(t.columns.year).toBeInstanceOf(Int32Array);
  });

  it('finds the all-areas row and reads national values from it', () => {
    const t = table(-1);
    expect(nationalRow(t)).toBe(2);
    const k = METRIC_IDS.indexOf('cost.total');
    expect(nationalValues(t)['cost.total']).toBe(k + 1);
  });

  it('shows people in 万, money in 亿元 and shares in percent', () => {
    expect(displayValue(40_250_000, 'persons')).toBe('4,025.0');
    expect(displayValue(191_500_000_000, 'yuan')).toBe('1,915.0');
    expect(displayValue(0.0319, 'share')).toBe('3.19');
    expect(displayValue(Number.NaN, 'yuan')).toBe('—');
  });
});
