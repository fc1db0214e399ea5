// Builds small, hand-specified engine summary tables and comparisons for the results and compare tests (the
// engine's real output shape, filled with the values a test states).
import { AREA_ALL, RATE_METRICS, SUM_METRICS, DECILE_METRIC_COUNT } from '../../../../sim/index.ts';
import type { SummaryTable, RegionLevel, MetricId } from '../../../../sim/index.ts';
import type { LevelTables, YearComparison } from '../../services/engine/engine-calls.ts';

/** One row of a fixture table. */
export interface FixtureRow {
  code: string;
  nameZh: string;
  nameEn: string;
  area?: number;
  sample: number;
  values: Partial<Record<MetricId, number>>;
}

const ALL_METRICS: MetricId[] = [...SUM_METRICS.map((m) => m[0]), ...RATE_METRICS.map((m) => m[0])];

/** A summary table from row specs; unspecified metrics are 0. */
export function fixtureTable(level: RegionLevel, rows: readonly FixtureRow[], minCell = 0): SummaryTable {
  const values = {} as Record<MetricId, Float64Array>;
  for (const id of ALL_METRICS) values[id] = Float64Array.from(rows, (r) => r.values[id] ?? 0);
  return {
    year: 2024,
    level,
    rows: rows.length,
    code: rows.map((r) => r.code),
    nameZh: rows.map((r) => r.nameZh),
    nameEn: rows.map((r) => r.nameEn),
    area: Uint8Array.from(rows, (r) => r.area ?? AREA_ALL),
    sampleCount: Float64Array.from(rows, (r) => r.sample),
    suppressed: new Uint8Array(rows.length),
    minCell,
    values,
  };
}

/** The element-wise difference of two tables with identical row order. */
export function fixtureDelta(scenario: SummaryTable, baseline: SummaryTable): SummaryTable {
  const values = {} as Record<MetricId, Float64Array>;
  for (const id of ALL_METRICS) values[id] = scenario.values[id].map((v, i) => v - baseline.values[id][i]);
  return { ...scenario, values };
}

/** Decile accumulators from per-decile [households, persons, benefit, gaining]. */
export function fixtureDeciles(rows: readonly [number, number, number, number][]): Float64Array {
  const out = new Float64Array(rows.length * DECILE_METRIC_COUNT);
  rows.forEach((r, d) => out.set(r, d * DECILE_METRIC_COUNT));
  return out;
}

/** A comparison from baseline and scenario level tables (deltas computed element-wise). */
export function fixtureComparison(baseline: LevelTables, scenario: LevelTables, scenarioName = 'Test'): YearComparison {
  return {
    datasetId: 'fixture',
    year: 2024,
    scenarioName,
    baseline,
    scenario,
    delta: {
      national: fixtureDelta(scenario.national, baseline.national),
      province: fixtureDelta(scenario.province, baseline.province),
      region: scenario.region && baseline.region ? fixtureDelta(scenario.region, baseline.region) : undefined,
      deciles: scenario.deciles.map((v, i) => v - baseline.deciles[i]),
    },
    baselineCached: false,
  };
}

/** A two-province comparison where the scenario raises rural dibao in Yunnan (used across tests). */
export function sampleComparison(): YearComparison {
  const level = (scale: number): LevelTables => ({
    national: fixtureTable('national', [
      {
        code: '00',
        nameZh: '全国',
        nameEn: 'National',
        sample: 5000,
        values: {
          'persons.dibao': 1_000_000 * scale,
          'persons.tekun': 100_000,
          'persons.marginal': 50_000,
          'persons.rigid': 20_000,
          'cost.total': 9e9 * scale,
          'cost.base': 7e9 * scale,
          'cost.tekunLiving': 2e9,
          'coverage.cash': 0.02 * scale,
          'exclusion.rate': 0.3 / scale,
        },
      },
      { code: '00', nameZh: '全国', nameEn: 'National', area: 0, sample: 2000, values: { 'persons.dibao': 400_000 } },
      {
        code: '00',
        nameZh: '全国',
        nameEn: 'National',
        area: 1,
        sample: 3000,
        values: { 'persons.dibao': 600_000 * scale },
      },
    ]),
    province: fixtureTable(
      'province',
      [
        {
          code: '11',
          nameZh: '北京',
          nameEn: 'Beijing',
          sample: 8,
          values: { 'persons.dibao': 10_000, 'cost.total': 2e8 },
        },
        {
          code: '53',
          nameZh: '云南',
          nameEn: 'Yunnan',
          sample: 900,
          values: {
            'persons.dibao': 500_000 * scale,
            'cost.total': 3e9 * scale,
            'coverage.cash': 0.05 * scale,
            'standard.average': 700 * scale,
          },
        },
        { code: '53', nameZh: '云南', nameEn: 'Yunnan', area: 0, sample: 300, values: { 'persons.dibao': 100_000 } },
        {
          code: '53',
          nameZh: '云南',
          nameEn: 'Yunnan',
          area: 1,
          sample: 600,
          values: { 'persons.dibao': 400_000 * scale },
        },
      ],
      10,
    ),
    deciles: fixtureDeciles([
      [100, 300, 1000 * scale, 50 * scale],
      [100, 280, 0, 0],
    ]),
  });
  return fixtureComparison(level(1), level(1.2), '农村标准提高 / Rural rise');
}
