// Reads the engine's YearComparison (baseline, scenario and scenario − baseline summary tables) into the small
// view models the results screens show: headline figures, programme and component breakdowns, region rows and
// deciles. Only picking, grouping and ratios of engine sums happen here; every figure comes from the engine.
import {
  AREA_ALL,
  COMPONENT_IDS,
  COMPONENT_LABELS,
  DECILE_METRIC_COUNT,
  RATE_METRICS,
  COMBINED_METRICS,
  SUM_METRICS,
} from '../../../../sim/index.ts';
import type { McSummary, SummaryTable, ComponentId, MetricId, SumMetricId } from '../../../../sim/index.ts';
import type { LevelTables, McResult, YearComparison } from '../../services/engine/engine-calls.ts';
import type { Quantity } from '../../format/units.ts';
import { metricInfo } from '../../exports/engine-tables.ts';
import { bi, inLanguage } from '../../i18n/i18n.ts';

export type { YearComparison, LevelTables };

/** Reads one metric of one row (NaN when the metric or row is absent). */
export function metric(table: SummaryTable, id: MetricId, row: number): number {
  const column = table.values[id];
  return column && row >= 0 && row < table.rows ? column[row] : Number.NaN;
}

/** Index of the all-areas row of a region code in a table (-1 if absent). */
export function rowOf(table: SummaryTable, code: string, area: number = AREA_ALL): number {
  for (let i = 0; i < table.rows; i += 1) if (table.code[i] === code && table.area[i] === area) return i;
  return -1;
}

/** Index of the national all-areas row. */
export function nationalRow(table: SummaryTable): number {
  for (let i = 0; i < table.rows; i += 1) if (table.area[i] === AREA_ALL) return i;
  return 0;
}

function sum(table: SummaryTable, ids: readonly MetricId[], row: number): number {
  let total = 0;
  for (const id of ids) total += metric(table, id, row);
  return total;
}

/** A headline indicator: which engine metrics add up to it, its quantity and bilingual label. */
export interface HeadlineDef {
  id: string;
  zh: string;
  en: string;
  metrics: readonly MetricId[];
  quantity: Quantity;
  /** The single Monte Carlo metric whose interval applies (absent for sums of several). */
  mc?: SumMetricId;
  hintZh: string;
  hintEn: string;
}

/** The headline cards of the results dashboard, in reading order. */
export const HEADLINES: readonly HeadlineDef[] = [
  {
    id: 'dibaoPersons',
    zh: '低保人数',
    en: 'Persons on dibao',
    metrics: ['persons.dibao'],
    quantity: 'persons',
    mc: 'persons.dibao',
    hintZh: '享受最低生活保障的人数（加权）',
    hintEn: 'Persons receiving the minimum living guarantee (weighted)',
  },
  {
    id: 'tekunPersons',
    zh: '特困人员',
    en: 'Persons on tekun',
    metrics: ['persons.tekun'],
    quantity: 'persons',
    mc: 'persons.tekun',
    hintZh: '特困人员救助供养人数（加权）',
    hintEn: 'Extremely poor persons supported (weighted)',
  },
  {
    id: 'lowIncomeCovered',
    zh: '低收入人口覆盖人数',
    en: 'Low-income population covered',
    metrics: ['persons.dibao', 'persons.tekun', 'persons.marginal', 'persons.rigid'],
    quantity: 'persons',
    hintZh: '低保 + 特困 + 低保边缘 + 刚性支出困难人数',
    hintEn: 'Dibao + tekun + marginal + rigid-expenditure persons',
  },
  {
    id: 'annualCost',
    zh: '年度救助支出',
    en: 'Annual cost',
    metrics: ['cost.total'],
    quantity: 'money',
    mc: 'cost.total',
    hintZh: '全部救助项目年度支出（各支出构成之和）',
    hintEn: 'Annual cost of all programmes (sum of cost components)',
  },
  {
    id: 'cashCoverage',
    zh: '现金救助覆盖率',
    en: 'Cash assistance coverage',
    metrics: ['coverage.cash'],
    quantity: 'share',
    hintZh: '低保和特困人数占常住人口比例',
    hintEn: 'Dibao and tekun persons as a share of the resident population',
  },
  {
    id: 'monitoredPersons',
    zh: '动态监测人数',
    en: 'Persons monitored',
    metrics: ['monitored.persons'],
    quantity: 'persons',
    hintZh: '纳入低收入人口动态监测的人数（救助对象、边缘、刚性支出困难及平台内其他家庭；扩面杠杆按年分阶段到位）',
    hintEn:
      'Persons in the low-income monitoring platform (recipients, marginal, rigid-expenditure and other households in the platform; the widening lever phases in over years)',
  },
  {
    id: 'monitoredCoverage',
    zh: '动态监测覆盖率',
    en: 'Monitored share',
    metrics: ['coverage.monitored'],
    quantity: 'share',
    hintZh: '动态监测人数占常住人口比例（2024年末全国约5.7%）',
    hintEn: 'Persons monitored as a share of the resident population (about 5.7% nationally at end-2024)',
  },
];

/** A headline figure: scenario value, baseline value, optional Monte Carlo interval. */
export interface HeadlineFigure {
  def: HeadlineDef;
  value: number;
  baseline: number;
  interval?: { p5: number; p50: number; p95: number };
}

/** The national value of a headline in one level-table set. */
export function headlineValue(tables: LevelTables, def: HeadlineDef): number {
  return sum(tables.national, def.metrics, nationalRow(tables.national));
}

/** Headline figures of a comparison, with intervals where a Monte Carlo summary is given. */
export function headlineFigures(comparison: YearComparison, mc?: McSummary | null): HeadlineFigure[] {
  return HEADLINES.map((def) => {
    const stats = def.mc && mc ? mc.metrics[def.mc] : undefined;
    return {
      def,
      value: headlineValue(comparison.scenario, def),
      baseline: headlineValue(comparison.baseline, def),
      interval: stats ? { p5: stats.p5, p50: stats.p50, p95: stats.p95 } : undefined,
    };
  });
}

/** A programme row of the caseload and cost breakdown. */
export interface ProgrammeDef {
  id: string;
  zh: string;
  en: string;
  households?: SumMetricId;
  persons?: SumMetricId;
  cost: readonly SumMetricId[];
}

/** Programmes and the cost components that belong to each (POLICY.md §2, §4). */
export const PROGRAMMES: readonly ProgrammeDef[] = [
  {
    id: 'dibao',
    zh: '低保',
    en: 'Dibao',
    households: 'households.dibao',
    persons: 'persons.dibao',
    cost: ['cost.base', 'cost.supplements', 'cost.gradualExit'],
  },
  {
    id: 'tekun',
    zh: '特困',
    en: 'Tekun',
    households: 'households.tekun',
    persons: 'persons.tekun',
    cost: ['cost.tekunLiving', 'cost.tekunCare'],
  },
  {
    id: 'marginal',
    zh: '低保边缘',
    en: 'Marginal',
    households: 'households.marginal',
    persons: 'persons.marginal',
    cost: ['cost.marginalSpecial'],
  },
  {
    id: 'rigid',
    zh: '刚性支出困难',
    en: 'Rigid expenditure',
    households: 'households.rigid',
    persons: 'persons.rigid',
    cost: ['cost.rigidSpecial'],
  },
  { id: 'temporary', zh: '临时救助', en: 'Temporary', cost: ['cost.temporary'] },
  { id: 'services', zh: '服务类救助', en: 'Services', cost: ['cost.services'] },
  { id: 'oneOff', zh: '一次性补助', en: 'One-off', cost: ['cost.oneOff'] },
  {
    id: 'orphanAllowance',
    zh: '孤儿基本生活费',
    en: 'Orphan allowance',
    persons: 'orphans.persons',
    cost: ['cost.orphanAllowance'],
  },
];

/** Baseline and scenario of one breakdown row. */
export interface PairRow {
  id: string;
  zh: string;
  en: string;
  households?: [number, number];
  persons?: [number, number];
  cost: [number, number];
}

/** Caseload and cost by programme, baseline and scenario (national). */
export function programmeRows(comparison: YearComparison): PairRow[] {
  const b = comparison.baseline.national;
  const s = comparison.scenario.national;
  const rb = nationalRow(b);
  const rs = nationalRow(s);
  return PROGRAMMES.map((p) => ({
    id: p.id,
    zh: p.zh,
    en: p.en,
    households: p.households ? [metric(b, p.households, rb), metric(s, p.households, rs)] : undefined,
    persons: p.persons ? [metric(b, p.persons, rb), metric(s, p.persons, rs)] : undefined,
    cost: [sum(b, p.cost, rb), sum(s, p.cost, rs)],
  }));
}

/** Cost by component, baseline and scenario (national). */
export function componentRows(comparison: YearComparison): PairRow[] {
  const b = comparison.baseline.national;
  const s = comparison.scenario.national;
  return COMPONENT_IDS.map((id: ComponentId) => ({
    id,
    zh: COMPONENT_LABELS[id].zh,
    en: COMPONENT_LABELS[id].en,
    cost: [metric(b, `cost.${id}`, nationalRow(b)), metric(s, `cost.${id}`, nationalRow(s))],
  }));
}

/** One region (province, sub-province region or area) row of the results tables and the map. */
export interface RegionRow {
  /** Unique key: code, or code-urban/code-rural for area rows. */
  key: string;
  code: string;
  nameZh: string;
  nameEn: string;
  area: number;
  /** Unweighted sample households; NaN where the engine suppressed the row (primary or complementary). */
  sample: number;
  cashPersons: number;
  dCashPersons: number;
  dibaoPersons: number;
  dDibaoPersons: number;
  tekunPersons: number;
  dTekunPersons: number;
  cost: number;
  dCost: number;
  costCentral: number;
  costLocal: number;
  /** Changes against the baseline of the central and local shares (the planner's budget question). */
  dCostCentral: number;
  dCostLocal: number;
  coverage: number;
  dCoverage: number;
  lowIncomeCoverage: number;
  exclusionRate: number;
  /** Dibao standard averaged over persons (yuan/person/month), and its change. */
  standard: number;
  dStandard: number;
}

/** Cash-assistance persons summed from their parts (tables built outside `aggregate` lack `persons.cash`). */
const CASH_PERSONS: readonly MetricId[] = ['persons.dibao', 'persons.tekun'];

function regionRow(scenario: SummaryTable, delta: SummaryTable, i: number): RegionRow {
  const code = scenario.code[i];
  const area = scenario.area[i];
  const j = (() => {
    if (delta.code[i] === code && delta.area[i] === area) return i;
    return rowOf(delta, code, area);
  })();
  return {
    key: area === AREA_ALL ? code : `${code}-${area === 0 ? 'urban' : 'rural'}`,
    code,
    nameZh: scenario.nameZh[i],
    nameEn: scenario.nameEn[i],
    area,
    // The engine's disclosure control decides (primary and complementary): a hidden row's sample is NaN, so every
    // table and the map mark it suppressed instead of re-deriving the rule from the sample alone.
    sample: scenario.suppressed[i] === 1 ? Number.NaN : scenario.sampleCount[i],
    cashPersons: sum(scenario, CASH_PERSONS, i),
    dCashPersons: sum(delta, CASH_PERSONS, j),
    dibaoPersons: metric(scenario, 'persons.dibao', i),
    dDibaoPersons: metric(delta, 'persons.dibao', j),
    tekunPersons: metric(scenario, 'persons.tekun', i),
    dTekunPersons: metric(delta, 'persons.tekun', j),
    cost: metric(scenario, 'cost.total', i),
    dCost: metric(delta, 'cost.total', j),
    costCentral: metric(scenario, 'cost.central', i),
    costLocal: metric(scenario, 'cost.local', i),
    dCostCentral: metric(delta, 'cost.central', j),
    dCostLocal: metric(delta, 'cost.local', j),
    coverage: metric(scenario, 'coverage.cash', i),
    dCoverage: metric(delta, 'coverage.cash', j),
    lowIncomeCoverage: metric(scenario, 'coverage.lowIncome', i),
    exclusionRate: metric(scenario, 'exclusion.rate', i),
    standard: metric(scenario, 'standard.average', i),
    dStandard: metric(delta, 'standard.average', j),
  };
}

/** All-areas rows of every province. */
export function provinceRows(comparison: YearComparison): RegionRow[] {
  const s = comparison.scenario.province;
  const rows: RegionRow[] = [];
  for (let i = 0; i < s.rows; i += 1) if (s.area[i] === AREA_ALL) rows.push(regionRow(s, comparison.delta.province, i));
  return rows;
}

/** Drill-down of one province: its urban and rural rows, and its lower-level regions when the dataset has them. */
export function provinceDetail(comparison: YearComparison, code: string): { areas: RegionRow[]; regions: RegionRow[] } {
  const s = comparison.scenario.province;
  const areas: RegionRow[] = [];
  for (let i = 0; i < s.rows; i += 1) {
    if (s.code[i] === code && s.area[i] !== AREA_ALL) areas.push(regionRow(s, comparison.delta.province, i));
  }
  const regions: RegionRow[] = [];
  const lower = comparison.scenario.region;
  const lowerDelta = comparison.delta.region;
  if (lower && lowerDelta) {
    for (let i = 0; i < lower.rows; i += 1) {
      if (lower.area[i] === AREA_ALL && lower.code[i].startsWith(code) && lower.code[i] !== code) {
        regions.push(regionRow(lower, lowerDelta, i));
      }
    }
  }
  return { areas, regions };
}

/** National urban and rural rows, baseline and scenario side by side. */
export function urbanRuralRows(
  comparison: YearComparison,
): { area: number; baseline: RegionRow; scenario: RegionRow }[] {
  const out: { area: number; baseline: RegionRow; scenario: RegionRow }[] = [];
  for (const area of [0, 1]) {
    const s = rowOf(comparison.scenario.national, comparison.scenario.national.code[0], area);
    const b = rowOf(comparison.baseline.national, comparison.baseline.national.code[0], area);
    if (s < 0 || b < 0) continue;
    out.push({
      area,
      scenario: regionRow(comparison.scenario.national, comparison.delta.national, s),
      baseline: regionRow(comparison.baseline.national, comparison.delta.national, b),
    });
  }
  return out;
}

/** One income decile: average cash benefit per household and share of households gaining, baseline and scenario. */
export interface DecileRow {
  decile: number;
  avgBenefit: [number, number];
  gainingShare: [number, number];
}

function decileRatio(deciles: Float64Array, d: number, numerator: number, denominator: number): number {
  const den = deciles[d * DECILE_METRIC_COUNT + denominator];
  return den > 0 ? deciles[d * DECILE_METRIC_COUNT + numerator] / den : Number.NaN;
}

/** Per pre-transfer income decile (1 = poorest): average benefit and share gaining (ratios of engine sums). */
export function decileRows(comparison: YearComparison): DecileRow[] {
  const rows: DecileRow[] = [];
  const count = Math.floor(comparison.scenario.deciles.length / DECILE_METRIC_COUNT);
  for (let d = 0; d < count; d += 1) {
    rows.push({
      decile: d + 1,
      avgBenefit: [
        decileRatio(comparison.baseline.deciles, d, 2, 0),
        decileRatio(comparison.scenario.deciles, d, 2, 0),
      ],
      gainingShare: [
        decileRatio(comparison.baseline.deciles, d, 3, 0),
        decileRatio(comparison.scenario.deciles, d, 3, 0),
      ],
    });
  }
  return rows;
}

/** A national indicator shown with baseline, scenario and change (targeting and poverty panels). */
export interface IndicatorDef {
  id: MetricId;
  quantity: Quantity;
}

/** Targeting indicators (POLICY.md §4). */
export const TARGETING: readonly IndicatorDef[] = [
  { id: 'eligible.persons', quantity: 'persons' },
  { id: 'exclusion.persons', quantity: 'persons' },
  { id: 'exclusion.rate', quantity: 'share' },
  { id: 'inclusion.persons', quantity: 'persons' },
  { id: 'targeting.exclusionRate', quantity: 'share' },
  { id: 'targeting.inclusionRate', quantity: 'share' },
  { id: 'benefit.bottomDecileShare', quantity: 'share' },
  { id: 'benefit.bottomQuintileShare', quantity: 'share' },
];

/** Poverty indicators against the fixed baseline line (POLICY.md §4). */
export const POVERTY: readonly IndicatorDef[] = [
  { id: 'poverty.preRate', quantity: 'share' },
  { id: 'poverty.postRate', quantity: 'share' },
  { id: 'poverty.preHeadcount', quantity: 'persons' },
  { id: 'poverty.postHeadcount', quantity: 'persons' },
  { id: 'poverty.preGap', quantity: 'money' },
  { id: 'poverty.postGap', quantity: 'money' },
  { id: 'poverty.gapClosed', quantity: 'share' },
];

/** Baseline and scenario national values of an indicator. */
export function nationalPair(comparison: YearComparison, id: MetricId): [number, number] {
  const b = comparison.baseline.national;
  const s = comparison.scenario.national;
  return [metric(b, id, nationalRow(b)), metric(s, id, nationalRow(s))];
}

/** Bilingual label of any engine metric (from the engine's own metric tables). */
export function metricLabel(id: MetricId, language: 'zh' | 'en'): string {
  const entry = [...SUM_METRICS, ...RATE_METRICS, ...COMBINED_METRICS].find((m) => m[0] === id);
  if (!entry) return id;
  return inLanguage(bi(entry[1], entry[2]), language);
}

/** Display quantity of an engine metric (one mapping from the engine's units, shared with the exports). */
export function metricQuantity(id: MetricId): Quantity {
  return metricInfo(id).quantity;
}

/** The Monte Carlo metrics the dashboard lists (caseload and cost, POLICY.md §4 "Uncertainty"). */
export const MC_METRICS: readonly SumMetricId[] = [
  'persons.dibao',
  'persons.tekun',
  'persons.marginal',
  'persons.rigid',
  'households.dibao',
  'entrants.persons',
  'exclusion.persons',
  'cost.total',
  'cost.central',
  'cost.local',
  'cost.base',
  'cost.temporary',
];

/** A median and the 5th–95th percentile interval across Monte Carlo replications. */
export interface McInterval {
  p5: number;
  p50: number;
  p95: number;
}

/** One province (all areas) of the Monte Carlo tables: dibao persons and total cost with their intervals. */
export interface McProvinceRow {
  code: string;
  nameZh: string;
  nameEn: string;
  sample: number;
  dibaoPersons: McInterval;
  cost: McInterval;
}

/** The all-areas province rows of a Monte Carlo result (suppressed rows hold NaN; `sample` lets tables mark them). */
export function mcProvinceRows(result: McResult): McProvinceRow[] {
  const { p5, p50, p95 } = result.province;
  const interval = (id: MetricId, row: number): McInterval => ({
    p5: metric(p5, id, row),
    p50: metric(p50, id, row),
    p95: metric(p95, id, row),
  });
  const rows: McProvinceRow[] = [];
  for (let row = 0; row < p50.rows; row += 1) {
    if (p50.area[row] !== AREA_ALL) continue;
    rows.push({
      code: p50.code[row],
      nameZh: p50.nameZh[row],
      nameEn: p50.nameEn[row],
      sample: p50.suppressed[row] === 1 ? Number.NaN : p50.sampleCount[row],
      dibaoPersons: interval('persons.dibao', row),
      cost: interval('cost.total', row),
    });
  }
  return rows;
}
