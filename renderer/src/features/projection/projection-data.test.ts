// Tests reading the engine's projection runs into lines and panel rows: the total row is found by area, indicators
// map to the right metrics, lines carry the requested scenario names.
import { describe, expect, it } from 'vitest';
import { COMBINED_METRICS, RATE_METRICS, SUM_METRICS } from '../../../../sim/index.ts';
import type { MetricId, SummaryTable } from '../../../../sim/index.ts';
import { mcSources } from '../../../../sim/index.ts';
import type { ProjectionMcResult, ProjectionRun } from '../../services/engine/engine-calls.ts';
import {
  bandOf,
  indicatorValue,
  linesFromRuns,
  panelRows,
  thinAtScope,
  thinCells,
  totalRow,
} from './projection-data.ts';

/** Every metric of a summary table: sums, rates and the combined sums. */
const ALL_IDS: MetricId[] = [...SUM_METRICS, ...RATE_METRICS, ...COMBINED_METRICS].map((m) => m[0]);

/** A national table with urban, rural and total rows; metric m in the total row is `seed * (index of m + 1)`. */
function table(year: number, seed: number): SummaryTable {
  const ids = ALL_IDS;
  const values = Object.fromEntries(ids.map((id, i) => [id, new Float64Array([-1, -1, seed * (i + 1)])])) as Record<
    MetricId,
    Float64Array
  >;
  return {
    year,
    level: 'national',
    rows: 3,
    code: ['00', '00', '00'],
    nameZh: ['全国', '全国', '全国'],
    nameEn: ['China', 'China', 'China'],
    area: new Uint8Array([0, 1, 2]),
    sampleCount: new Float64Array([100, 100, 200]),
    suppressed: new Uint8Array(3),
    minCell: 10,
    values,
  };
}

/** The year's tables with a national table only (the province table is read only for a province scope). */
const at = (national: SummaryTable) => ({ national, province: national });

/** A province table: provinces 43 and 62, each urban, rural, both; cost.total = code × 10 + area + year offset. */
function provinces(year: number): SummaryTable {
  const ids = ALL_IDS;
  const code = ['43', '43', '43', '62', '62', '62'];
  const area = new Uint8Array([0, 1, 2, 0, 1, 2]);
  const values = Object.fromEntries(
    ids.map((id) => [id, Float64Array.from(code, (c, i) => Number(c) * 10 + area[i] + (year - 2025))]),
  ) as Record<MetricId, Float64Array>;
  return { ...table(year, 1), level: 'province', rows: 6, code, area, values };
}

const metricIndex = (id: MetricId) => ALL_IDS.indexOf(id) + 1;

describe('projection data', () => {
  it('reads the both-areas row', () => {
    expect(totalRow(table(2025, 1))).toBe(2);
    expect(indicatorValue(at(table(2025, 1)), 'costNominal')).toBe(metricIndex('cost.total'));
    expect(indicatorValue(at(table(2025, 2)), 'coverageCash')).toBe(2 * metricIndex('coverage.cash'));
    expect(indicatorValue(at(table(2025, 3)), 'monitoredPersons')).toBe(3 * metricIndex('monitored.persons'));
    expect(indicatorValue(at(table(2025, 1)), 'coverageMonitored')).toBe(metricIndex('coverage.monitored'));
  });

  it("reads the cash and low-income persons from the engine's combined metrics", () => {
    expect(indicatorValue(at(table(2025, 1)), 'cashPersons')).toBe(metricIndex('persons.cash'));
    expect(indicatorValue(at(table(2025, 2)), 'lowIncomePersons')).toBe(2 * metricIndex('persons.lowIncome'));
  });

  it('fails loudly on a table without a total row', () => {
    const broken = { ...table(2025, 1), area: new Uint8Array([0, 1, 1]) };
    expect(() => totalRow(broken)).toThrow(/both-areas/);
  });

  it('makes one line per run, named by the requested scenarios, and a panel row per scenario-year', () => {
    const runs: ProjectionRun[] = [
      {
        scenarioName: 'a',
        years: [2025, 2026],
        national: [table(2025, 1), table(2026, 2)],
        province: [provinces(2025), provinces(2026)],
        thin: new Uint8Array(0),
      },
      {
        scenarioName: 'b',
        years: [2025, 2026],
        national: [table(2025, 3), table(2026, 4)],
        province: [provinces(2025), provinces(2026)],
        thin: new Uint8Array(0),
      },
    ];
    const lines = linesFromRuns(runs, [
      { id: 'baseline', name: '基线' },
      { id: 'reform', name: '改革' },
    ]);
    expect(lines.map((line) => line.scenarioName)).toEqual(['基线', '改革']);
    expect(lines[1].values.costReal).toEqual([3 * metricIndex('cost.totalReal'), 4 * metricIndex('cost.totalReal')]);
    const rows = panelRows(lines);
    expect(rows.map((row) => row.key)).toEqual(['baseline:2025', 'baseline:2026', 'reform:2025', 'reform:2026']);
    expect(rows[3].values.costCentral).toBe(4 * metricIndex('cost.central'));
  });
});

describe('projection at a province', () => {
  it("reads the province's area row of each year and sums its cost over the years", () => {
    const runs: ProjectionRun[] = [
      {
        scenarioName: 'a',
        years: [2025, 2026, 2027],
        national: [table(2025, 1), table(2026, 2), table(2027, 3)],
        province: [provinces(2025), provinces(2026), provinces(2027)],
        thin: new Uint8Array(0),
      },
    ];
    const [line] = linesFromRuns(runs, [{ id: 'a', name: 'a' }], { province: '43', area: 'rural' });
    // Hunan rural: 43 × 10 + 1 = 431, 432, 433 by year; cumulative 431, 863, 1296.
    expect(line.values.costNominal).toEqual([431, 432, 433]);
    expect(line.values.costCumulative).toEqual([431, 863, 1296]);
    const [national] = linesFromRuns(runs, [{ id: 'a', name: 'a' }]);
    expect(national.values.costNominal).toEqual([1, 2, 3].map((k) => k * metricIndex('cost.total')));
    expect(national.values.costCumulative).toEqual([1, 3, 6].map((k) => k * metricIndex('cost.total')));
  });
});

describe('withSpan', () => {
  it('sets the chosen span and keeps the scenario standard path', async () => {
    const { withSpan } = await import('./projection-store.ts');
    expect(withSpan({ schemaVersion: 1, name: 'a' }, 2025, 5)).toEqual({
      schemaVersion: 1,
      name: 'a',
      projection: { startYear: 2025, years: 5, standardPath: 'fixed' },
    });
    expect(withSpan({ name: 'b', projection: { startYear: 2024, years: 3, standardPath: 'rule' } }, 2026, 4)).toEqual({
      name: 'b',
      projection: { startYear: 2026, years: 4, standardPath: 'rule' },
    });
  });
});

describe('defaultSelection', () => {
  it('overlays the baseline and the active scenario, once', async () => {
    const { defaultSelection } = await import('./projection-store.ts');
    expect(defaultSelection('baseline')).toEqual(['baseline']);
    expect(defaultSelection('reform-1')).toEqual(['baseline', 'reform-1']);
  });
});

describe('start year', () => {
  it('labels the first projected year as the year Results shows (the dataset year, no growth applied)', async () => {
    const { useProjectionStore } = await import('./projection-store.ts');
    const { DEFAULT_START_YEAR, BASELINE_SCENARIO, resolveScenario } = await import('../../../../sim/index.ts');
    const { syntheticRegions } = await import('../../../../sim/testing/index.ts');
    expect(useProjectionStore.getState().startYear).toBe(DEFAULT_START_YEAR);
    expect(resolveScenario(BASELINE_SCENARIO, syntheticRegions(2)).year).toBe(DEFAULT_START_YEAR);
  });
});

describe('projection interval and thin cells', () => {
  const mcTables = (year: number, scale: number) => ({
    replications: 3,
    mean: table(year, 2 * scale),
    p5: table(year, scale),
    p50: table(year, 2 * scale),
    p95: table(year, 3 * scale),
  });
  const provinceMc = (year: number) => {
    const p = provinces(year);
    return { replications: 3, mean: p, p5: p, p50: p, p95: p };
  };
  const mc: ProjectionMcResult = {
    scenarioName: 'reform',
    replications: 3,
    years: [2025, 2026],
    national: [mcTables(2025, 1), mcTables(2026, 10)],
    province: [provinceMc(2025), provinceMc(2026)],
    sources: mcSources(true, true, true),
  };

  it("reads an indicator's p5, p50 and p95 per year at the scope; none for the cumulative cost", () => {
    const band = bandOf(mc, 'dibaoPersons');
    const k = metricIndex('persons.dibao');
    expect(band?.p5).toEqual([k, 10 * k]);
    expect(band?.p50).toEqual([2 * k, 20 * k]);
    expect(band?.p95).toEqual([3 * k, 30 * k]);
    // Gansu rural: cost.total = 62 × 10 + 1 + (year − 2025) in the province fixture.
    expect(bandOf(mc, 'costNominal', { province: '62', area: 'rural' })?.p95).toEqual([621, 622]);
    // Cash persons: the engine's combined column (percentiles of each replication's sum), not p5(dibao) + p5(tekun).
    const cash = metricIndex('persons.cash');
    expect(bandOf(mc, 'cashPersons')?.p5).toEqual([cash, 10 * cash]);
    expect(bandOf(mc, 'cashPersons', { province: '43' })?.p95).toEqual([432, 433]);
    expect(bandOf(mc, 'costCumulative')).toBeUndefined();
  });

  it("flags the scope's row and lists the thin urban and rural cells", () => {
    const run: ProjectionRun = {
      scenarioName: 'a',
      years: [2025],
      national: [table(2025, 1)],
      province: [provinces(2025)],
      thin: new Uint8Array([0, 0, 0, 0, 1, 0]),
    };
    expect(thinAtScope(run, { province: '62', area: 'rural' })).toBe(true);
    expect(thinAtScope(run, { province: '62' })).toBe(false);
    expect(thinAtScope(run, {})).toBe(false);
    expect(thinCells(run.province[0], run.thin)).toEqual([{ province: '62', area: 1 }]);
  });
});
