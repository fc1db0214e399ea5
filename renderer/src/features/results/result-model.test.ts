// Reading engine comparisons into headline, breakdown, region and decile view models.
import { describe, expect, it } from 'vitest';
import {
  componentRows,
  decileRows,
  headlineFigures,
  metricLabel,
  metricQuantity,
  programmeRows,
  provinceDetail,
  provinceRows,
  urbanRuralRows,
} from './result-model';
import { sampleComparison } from './comparison-fixture';

describe('result model', () => {
  const cmp = sampleComparison();
  it('reads headline figures with baseline values and Monte Carlo intervals', () => {
    const figures = headlineFigures(cmp, {
      replications: 20,
      metrics: { 'cost.total': { mean: 1, p5: 1, p50: 2, p95: 3 } },
    });
    const byId = Object.fromEntries(figures.map((f) => [f.def.id, f]));
    expect(byId.dibaoPersons.value).toBeCloseTo(1_200_000);
    expect(byId.dibaoPersons.baseline).toBeCloseTo(1_000_000);
    expect(byId.lowIncomeCovered.value).toBeCloseTo(1_200_000 + 100_000 + 50_000 + 20_000);
    expect(byId.annualCost.interval).toEqual({ p5: 1, p50: 2, p95: 3 });
    expect(byId.dibaoPersons.interval).toBeUndefined();
  });
  it('groups cost components into programmes', () => {
    const dibao = programmeRows(cmp).find((r) => r.id === 'dibao')!;
    expect(dibao.cost[1]).toBeCloseTo(8.4e9);
    expect(dibao.persons).toEqual([1_000_000, 1_200_000]);
    expect(programmeRows(cmp).find((r) => r.id === 'temporary')!.persons).toBeUndefined();
    const tekun = componentRows(cmp).find((r) => r.id === 'tekunLiving')!;
    expect(tekun.cost).toEqual([2e9, 2e9]);
  });
  it('gives province rows with level and change, and a drill-down by area', () => {
    const rows = provinceRows(cmp);
    expect(rows.map((r) => r.code)).toEqual(['11', '53']);
    const yunnan = rows[1];
    expect(yunnan.cashPersons).toBeCloseTo(600_000);
    expect(yunnan.dCashPersons).toBeCloseTo(100_000);
    expect(yunnan.dCost).toBeCloseTo(6e8);
    expect(rows[0].sample).toBe(8);
    const detail = provinceDetail(cmp, '53');
    expect(detail.areas.map((r) => r.key)).toEqual(['53-urban', '53-rural']);
    expect(detail.areas[1].dDibaoPersons).toBeCloseTo(80_000);
    expect(detail.regions).toEqual([]);
  });
  it('splits the nation by urban and rural', () => {
    const rows = urbanRuralRows(cmp);
    expect(rows.map((r) => r.area)).toEqual([0, 1]);
    expect(rows[1].scenario.dibaoPersons - rows[1].baseline.dibaoPersons).toBeCloseTo(120_000);
  });
  it('derives decile averages and shares gaining', () => {
    const rows = decileRows(cmp);
    expect(rows[0].avgBenefit).toEqual([10, 12]);
    expect(rows[0].gainingShare[1]).toBeCloseTo(0.6);
    expect(rows[1].avgBenefit).toEqual([0, 0]);
  });
  it('labels metrics from the engine tables', () => {
    expect(metricLabel('exclusion.rate', 'zh')).toBe('漏保率');
    expect(metricLabel('exclusion.rate', 'en')).toBe('Exclusion error rate');
  });
});

describe('metricQuantity', () => {
  it('follows the engine unit of each metric', () => {
    expect(metricQuantity('poverty.preGap')).toBe('money');
    expect(metricQuantity('households.dibao')).toBe('households');
    expect(metricQuantity('temporary.events')).toBe('count');
    expect(metricQuantity('coverage.cash')).toBe('share');
  });
});
