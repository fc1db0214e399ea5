// Engine-shaped inputs for the export tests: summary tables in the engine's columnar layout (national and by
// province, with one province below the disclosure threshold) and a household trace, built from explicit numbers so
// every expected figure in the tests can be read off here.
import type {
  SummaryTable,
  RegionLevel,
  MetricId,
  HouseholdTrace,
  HouseholdTraceRun,
  ComponentId,
} from '../../../sim/index.ts';
import { AREA_ALL, SUM_METRICS, RATE_METRICS, COMPONENT_IDS } from '../../../sim/index.ts';
import type { BriefingComparison } from './briefing/model.ts';

/** One row of a fixture table. */
export interface FixtureRow {
  code: string;
  nameZh: string;
  nameEn: string;
  area: number;
  sample: number;
  values: Partial<Record<MetricId, number>>;
}

const ALL_METRICS: MetricId[] = [...SUM_METRICS, ...RATE_METRICS].map((metric) => metric[0]);

/** Builds a summary table; rows with `sample < minCell` are suppressed (NaN values) as the engine's `suppress` does. */
export function fixtureTable(level: RegionLevel, rows: FixtureRow[], minCell: number, year = 2025): SummaryTable {
  const values = Object.fromEntries(ALL_METRICS.map((id) => [id, new Float64Array(rows.length)])) as Record<
    MetricId,
    Float64Array
  >;
  const suppressed = new Uint8Array(rows.length);
  rows.forEach((row, r) => {
    const hide = level !== 'national' && minCell > 0 && row.sample < minCell;
    suppressed[r] = hide ? 1 : 0;
    for (const id of ALL_METRICS) values[id][r] = hide ? Number.NaN : (row.values[id] ?? 0);
    values.sample[r] = hide ? Number.NaN : row.sample;
  });
  return {
    year,
    level,
    rows: rows.length,
    code: rows.map((row) => row.code),
    nameZh: rows.map((row) => row.nameZh),
    nameEn: rows.map((row) => row.nameEn),
    area: Uint8Array.from(rows.map((row) => row.area)),
    sampleCount: Float64Array.from(rows.map((row) => row.sample)),
    suppressed,
    minCell: level === 'national' ? 0 : minCell,
    values,
  };
}

const NATIONAL_BASE: Partial<Record<MetricId, number>> = {
  'households.dibao': 21_000_000,
  'persons.dibao': 40_370_000,
  'persons.tekun': 4_700_000,
  'entrants.persons': 1_200_000,
  'cost.total': 191_500_000_000,
  'cost.base': 150_000_000_000,
  'cost.tekunLiving': 41_500_000_000,
  'cost.central': 120_000_000_000,
  'cost.local': 71_500_000_000,
  'coverage.cash': 0.032,
  'coverage.monitored': 0.057,
  'poverty.preRate': 0.051,
  'poverty.postRate': 0.021,
  'poverty.gapClosed': 0.62,
  'exclusion.rate': 0.18,
};

const NATIONAL_SCENARIO: Partial<Record<MetricId, number>> = {
  ...NATIONAL_BASE,
  'households.dibao': 22_400_000,
  'persons.dibao': 43_000_000,
  'entrants.persons': 3_830_000,
  'cost.total': 215_000_000_000,
  'cost.base': 173_500_000_000,
  'cost.central': 135_000_000_000,
  'cost.local': 80_000_000_000,
  'coverage.cash': 0.0338,
  'poverty.postRate': 0.0185,
  'poverty.gapClosed': 0.67,
};

function difference(a: Partial<Record<MetricId, number>>, b: Partial<Record<MetricId, number>>) {
  const out: Partial<Record<MetricId, number>> = {};
  for (const id of ALL_METRICS) out[id] = (a[id] ?? 0) - (b[id] ?? 0);
  return out;
}

function provinces(values: (persons: number) => Partial<Record<MetricId, number>>, minCell: number) {
  return fixtureTable(
    'province',
    [
      { code: '11', nameZh: '北京市', nameEn: 'Beijing', area: AREA_ALL, sample: 120, values: values(80_000) },
      { code: '43', nameZh: '湖南省', nameEn: 'Hunan', area: AREA_ALL, sample: 900, values: values(1_500_000) },
      { code: '54', nameZh: '西藏自治区', nameEn: 'Tibet', area: AREA_ALL, sample: 4, values: values(150_000) },
    ],
    minCell,
  );
}

/** A scenario (“标准提高10%”) against the baseline, national and by province; Tibet is below the threshold. */
export function fixtureComparison(minCell = 10): BriefingComparison {
  const national = (values: Partial<Record<MetricId, number>>) =>
    fixtureTable(
      'national',
      [{ code: '00', nameZh: '全国', nameEn: 'China', area: AREA_ALL, sample: 50_000, values }],
      minCell,
    );
  const base = (persons: number) => ({ 'persons.dibao': persons, 'cost.total': persons * 4000, 'coverage.cash': 0.03 });
  const scen = (persons: number) => ({
    'persons.dibao': persons * 1.1,
    'cost.total': persons * 4800,
    'coverage.cash': 0.033,
  });
  return {
    scenarioName: '标准提高10%',
    year: 2025,
    baseline: { national: national(NATIONAL_BASE), province: provinces(base, minCell) },
    scenario: { national: national(NATIONAL_SCENARIO), province: provinces(scen, minCell) },
    delta: {
      national: national(difference(NATIONAL_SCENARIO, NATIONAL_BASE)),
      province: provinces((persons) => difference(scen(persons), base(persons)), minCell),
    },
  };
}

function run(name: string, status: HouseholdTraceRun['status'], base: number): HouseholdTraceRun {
  const components = Object.fromEntries(COMPONENT_IDS.map((id) => [id, 0])) as Record<ComponentId, number>;
  components.base = base;
  return {
    scenarioName: name,
    status,
    enrol: 1,
    steps: [
      {
        id: 'dibao.income',
        labelZh: '人均可计算收入低于低保标准',
        labelEn: 'Countable income per capita below the standard',
        inputs: { incomePc: 3600 },
        value: 300,
        threshold: name === 'reform' ? 880 : 800,
        comparison: '<',
        result: true,
      },
      {
        id: 'dibao.benefit',
        labelZh: '差额补助（年）',
        labelEn: 'Top-up (annual)',
        inputs: {},
        result: base,
        unit: 'yuanPerYear',
      },
    ],
    components,
    total: base,
  };
}

/** A household trace: dibao under both, a larger top-up under the reform. */
export function fixtureTrace(): HouseholdTrace {
  return { baseline: run('baseline', 'dibao', 24_000), reform: run('reform', 'dibao', 27_840) };
}
