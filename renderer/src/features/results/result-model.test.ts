// Reading engine comparisons into headline, breakdown, region and decile view models.
import { describe, expect, it } from 'vitest';
import {
  componentRows,
  decileRows,
  headlineFigures,
  mcProvinceRows,
  metricLabel,
  metricQuantity,
  programmeRows,
  provinceDetail,
  provinceRows,
  urbanRuralRows,
} from './result-model.ts';
import { sampleComparison } from './comparison-fixture.ts';
import {
  AREA_ALL,
  applyPatternMc,
  replicationSamples,
  suppressionPattern,
  replicationTables,
  runReplications,
  summariseReplications,
  mcSources,
  resolveScenario,
} from '../../../../sim/index.ts';
import { syntheticHouseholds, syntheticRegions } from '../../../../sim/testing/index.ts';

describe('result model', () => {
  const cmp = sampleComparison();
  it('reads headline figures with baseline values and Monte Carlo intervals', () => {
    const figures = headlineFigures(cmp, {
      replications: 20,
      metrics: { 'cost.total': { mean: 1, p5: 1, p50: 2, p95: 3 } },
      sources: mcSources(true, true),
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
    expect(metricQuantity('temporary.events')).toBe('personTimes');
    expect(metricQuantity('coverage.cash')).toBe('share');
  });
});

describe('Monte Carlo province rows', () => {
  it('read the median and interval of every province from the engine tables, suppressed rows as NaN', () => {
    const regions = syntheticRegions(4, 3);
    const households = syntheticHouseholds(3000, regions, 9, 0.4);
    const params = resolveScenario({ schemaVersion: 1, name: 'mc' }, regions);
    const result = runReplications({ households, regions, params, seed: 2, from: 0, to: 20 });
    const tables = replicationTables(result, regions, 'province');
    // A threshold between the smallest and largest province sample, so both kinds of row are checked.
    const samples = tables.p50.sampleCount.filter((_, i) => tables.p50.area[i] === AREA_ALL);
    const minCell = (Math.min(...samples) + Math.max(...samples)) / 2;
    const pattern = suppressionPattern(regions, replicationSamples(result), minCell);
    const rows = mcProvinceRows({
      ...summariseReplications(result),
      province: applyPatternMc(tables, pattern),
    });
    expect(rows.map((r) => r.code)).toEqual(regions.provinceCodes);
    for (const row of rows) {
      const r = tables.p50.code.findIndex((code, i) => code === row.code && tables.p50.area[i] === AREA_ALL);
      // Below the threshold, or hidden so that a small province cannot be recomputed from the others: the row's
      // sample is then NaN, so tables mark it suppressed.
      if (tables.p50.sampleCount[r] < minCell) expect(pattern.province[r]).toBe(1);
      if (pattern.province[r] === 1) {
        expect(row.sample).toBeNaN();
        expect(row.cost.p50).toBeNaN();
      } else {
        expect(row.sample).toBe(tables.p50.sampleCount[r]);
        expect(row.cost.p50).toBe(tables.p50.values['cost.total'][r]);
        expect(row.dibaoPersons.p5).toBeLessThanOrEqual(row.dibaoPersons.p95);
      }
    }
    expect(rows.some((r) => Number.isNaN(r.sample))).toBe(true);
    expect(rows.some((r) => r.sample >= minCell)).toBe(true);
  });
});
