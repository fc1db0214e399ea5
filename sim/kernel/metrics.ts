// The accumulator layout: every additive quantity the kernel sums per cell, with bilingual labels and units.
import type { Bilingual } from '../bilingual.ts';

/** Cost components (POLICY.md §4), in the order of `COMPONENT_IDS`. */
export const COMPONENT_IDS = [
  'base',
  'supplements',
  'tekunLiving',
  'tekunCare',
  'gradualExit',
  'marginalSpecial',
  'rigidSpecial',
  'temporary',
  'services',
  'oneOff',
  'orphanAllowance',
] as const;
export type ComponentId = (typeof COMPONENT_IDS)[number];

/** Bilingual names of the cost components. */
export const COMPONENT_LABELS: Record<ComponentId, Bilingual> = {
  base: { zh: '低保差额补助', en: 'Dibao base benefit' },
  supplements: { zh: '分类施保', en: 'Classified supplements' },
  tekunLiving: { zh: '特困基本生活', en: 'Tekun basic living' },
  tekunCare: { zh: '特困照料护理', en: 'Tekun care' },
  gradualExit: { zh: '渐退期补助', en: 'Gradual exit' },
  marginalSpecial: { zh: '低保边缘专项救助', en: 'Marginal special assistance' },
  rigidSpecial: { zh: '刚性支出困难专项救助', en: 'Rigid-expenditure special assistance' },
  temporary: { zh: '临时救助', en: 'Temporary assistance' },
  services: { zh: '服务类救助', en: 'Service-type assistance' },
  oneOff: { zh: '一次性生活补助', en: 'One-off subsidies' },
  orphanAllowance: { zh: '孤儿基本生活费', en: 'Orphan basic living allowance' },
};

/** Cash components: counted as income when measuring poverty after transfers. */
export const CASH_COMPONENTS: readonly ComponentId[] = [
  'base',
  'supplements',
  'tekunLiving',
  'gradualExit',
  'temporary',
  'oneOff',
  'orphanAllowance',
];

/** Unit of a metric, for display. */
export type MetricUnit =
  'households' | 'persons' | 'yuan' | 'events' | 'share' | 'yuan/household' | 'yuan/person/month';

/** Additive metrics summed per cell by the kernel (weighted unless `sample`). */
export const SUM_METRICS = [
  ['sample', '样本户数（未加权）', 'Sample households (unweighted)', 'households'],
  ['households', '家庭数', 'Households', 'households'],
  ['persons', '人口', 'Persons', 'persons'],
  ['households.dibao', '低保家庭', 'Dibao households', 'households'],
  ['households.tekun', '特困家庭', 'Tekun households', 'households'],
  ['households.marginal', '低保边缘家庭', 'Marginal households', 'households'],
  ['households.rigid', '刚性支出困难家庭', 'Rigid-expenditure households', 'households'],
  ['persons.dibao', '低保人数', 'Dibao persons', 'persons'],
  ['persons.tekun', '特困人数', 'Tekun persons', 'persons'],
  ['persons.marginal', '低保边缘人数', 'Marginal persons', 'persons'],
  ['persons.rigid', '刚性支出困难人数', 'Rigid-expenditure persons', 'persons'],
  ['entrants.households', '新纳入家庭', 'New entrant households', 'households'],
  ['entrants.persons', '新纳入人数', 'New entrant persons', 'persons'],
  ['leavers.households', '退出家庭', 'Leaver households', 'households'],
  ['leavers.persons', '退出人数', 'Leaver persons', 'persons'],
  ['gradualExit.households', '渐退期家庭', 'Households in gradual exit', 'households'],
  ['gradualExit.persons', '渐退期人数', 'Persons in gradual exit', 'persons'],
  ['cost.base', '低保差额补助', 'Dibao base benefit', 'yuan'],
  ['cost.supplements', '分类施保', 'Classified supplements', 'yuan'],
  ['cost.tekunLiving', '特困基本生活', 'Tekun basic living', 'yuan'],
  ['cost.tekunCare', '特困照料护理', 'Tekun care', 'yuan'],
  ['cost.gradualExit', '渐退期补助', 'Gradual exit', 'yuan'],
  ['cost.marginalSpecial', '低保边缘专项救助', 'Marginal special assistance', 'yuan'],
  ['cost.rigidSpecial', '刚性支出困难专项救助', 'Rigid-expenditure special assistance', 'yuan'],
  ['cost.temporary', '临时救助', 'Temporary assistance', 'yuan'],
  ['cost.services', '服务类救助', 'Service-type assistance', 'yuan'],
  ['cost.oneOff', '一次性生活补助', 'One-off subsidies', 'yuan'],
  ['cost.orphanAllowance', '孤儿基本生活费', 'Orphan basic living allowance', 'yuan'],
  ['cost.total', '总支出', 'Total cost', 'yuan'],
  ['cost.central', '中央财政负担', 'Central share of cost', 'yuan'],
  ['cost.local', '地方财政负担', 'Local share of cost', 'yuan'],
  ['temporary.events', '临时救助（户次）', 'Temporary assistance (household-times)', 'events'],
  ['temporary.personTimes', '临时救助（人次）', 'Temporary assistance (person-times)', 'events'],
  ['services.persons', '服务类救助人数', 'Service recipients', 'persons'],
  ['oneOff.persons', '一次性补助人数', 'One-off subsidy recipients', 'persons'],
  ['orphans.persons', '领取孤儿基本生活费人数', 'Orphans receiving the allowance', 'persons'],
  ['monitored.households', '监测家庭', 'Monitored households', 'households'],
  ['monitored.persons', '监测人数', 'Monitored persons', 'persons'],
  ['eligible.households', '符合低保/特困条件家庭', 'Households eligible for cash', 'households'],
  ['eligible.persons', '符合低保/特困条件人数', 'Persons eligible for cash', 'persons'],
  ['exclusion.households', '漏保家庭（符合未纳入）', 'Exclusion error households', 'households'],
  ['exclusion.persons', '漏保人数', 'Exclusion error persons', 'persons'],
  ['inclusion.households', '错保家庭（在保不符合）', 'Inclusion error households', 'households'],
  ['inclusion.persons', '错保人数', 'Inclusion error persons', 'persons'],
  ['benefit.cash', '现金救助总额', 'Cash benefits', 'yuan'],
  ['benefit.bottomDecile', '流向收入最低10%的现金救助', 'Cash to bottom income decile', 'yuan'],
  ['benefit.bottomQuintile', '流向收入最低20%的现金救助', 'Cash to bottom income quintile', 'yuan'],
  ['poverty.preHeadcount', '转移前贫困人数', 'Poor persons before transfers', 'persons'],
  ['poverty.postHeadcount', '转移后贫困人数', 'Poor persons after transfers', 'persons'],
  ['poverty.preGap', '转移前贫困缺口', 'Poverty gap before transfers', 'yuan'],
  ['poverty.postGap', '转移后贫困缺口', 'Poverty gap after transfers', 'yuan'],
  ['disaster.affectedHouseholds', '受灾家庭', 'Disaster-affected households', 'households'],
  ['disaster.addedHouseholds', '灾害新增救助家庭', 'Recipients added by the disaster', 'households'],
  ['disaster.addedCost', '灾害新增支出', 'Cost added by the disaster', 'yuan'],
  [
    'targeting.poorMissed',
    '调查收入低于标准而未获现金救助人数',
    'Survey-poor persons without cash assistance',
    'persons',
  ],
  [
    'targeting.nonPoorRecipients',
    '调查收入不低于标准的现金救助人数',
    'Cash recipients with survey income at or above the standard',
    'persons',
  ],
] as const satisfies readonly (readonly [string, string, string, MetricUnit])[];

export type SumMetricId = (typeof SUM_METRICS)[number][0];

/** Number of accumulator slots per cell. */
export const METRIC_COUNT = SUM_METRICS.length;

/** Slot index of every additive metric: `cells[cell * METRIC_COUNT + M[id]]`. */
export const M = Object.fromEntries(SUM_METRICS.map((m, i) => [m[0], i])) as Record<SumMetricId, number>;

/** Rates derived from the sums in `aggregate` (ratio of weighted sums). */
export const RATE_METRICS = [
  ['coverage.cash', '现金救助覆盖率（低保+特困）', 'Cash coverage (dibao + tekun)', 'share'],
  ['coverage.lowIncome', '低收入人口覆盖率（+边缘+刚性）', 'Low-income coverage (+ marginal + rigid)', 'share'],
  ['coverage.monitored', '监测覆盖率', 'Monitored share', 'share'],
  ['exclusion.rate', '漏保率', 'Exclusion error rate', 'share'],
  ['targeting.exclusionRate', '漏保率（按调查收入）', 'Exclusion error (survey income)', 'share'],
  ['targeting.inclusionRate', '错保率（按调查收入）', 'Inclusion error (survey income)', 'share'],
  ['benefit.bottomDecileShare', '最低10%收入组获得现金份额', 'Cash share to bottom decile', 'share'],
  ['benefit.bottomQuintileShare', '最低20%收入组获得现金份额', 'Cash share to bottom quintile', 'share'],
  ['poverty.preRate', '转移前贫困发生率', 'Poverty rate before transfers', 'share'],
  ['poverty.postRate', '转移后贫困发生率', 'Poverty rate after transfers', 'share'],
  ['poverty.gapClosed', '救助弥合的贫困缺口比例', 'Share of poverty gap closed', 'share'],
  ['cost.totalReal', '总支出（实际值）', 'Total cost (real)', 'yuan'],
  [
    'standard.average',
    '平均低保标准（按人口加权）',
    'Average dibao standard (population-weighted)',
    'yuan/person/month',
  ],
] as const satisfies readonly (readonly [string, string, string, MetricUnit])[];

export type RateMetricId = (typeof RATE_METRICS)[number][0];

/**
 * Sums of additive metrics read as one quantity (the Projection screen's first line, cash coverage's numerator). One
 * definition for both paths: `aggregate` adds the parts into a column of every summary table, so Monte Carlo
 * percentiles are taken of each replication's sum (a percentile of a sum is not the sum of the parts' percentiles).
 * Not in the written result schema (datasets/formats/result-columns.ts): the parts are.
 */
export const COMBINED_METRICS = [
  [
    'persons.cash',
    '现金救助人数（低保+特困）',
    'Cash assistance persons (dibao + tekun)',
    'persons',
    ['persons.dibao', 'persons.tekun'],
  ],
  [
    'persons.lowIncome',
    '低收入人口（低保+特困+边缘+刚性）',
    'Low-income persons (dibao + tekun + marginal + rigid)',
    'persons',
    ['persons.dibao', 'persons.tekun', 'persons.marginal', 'persons.rigid'],
  ],
] as const satisfies readonly (readonly [string, string, string, 'persons', readonly SumMetricId[]])[];

export type CombinedMetricId = (typeof COMBINED_METRICS)[number][0];
export type MetricId = SumMetricId | RateMetricId | CombinedMetricId;

/** A combined metric's value from one row of raw sums (`sums[offset + M[part]]` for each of its parts). */
export function combinedSum(id: CombinedMetricId, sums: ArrayLike<number>, offset = 0): number {
  const entry = COMBINED_METRICS.find((m) => m[0] === id);
  if (entry === undefined) throw new Error(`unknown combined metric ${id}`);
  let total = 0;
  for (const part of entry[4]) total += sums[offset + M[part]];
  return total;
}

/** Per income decile accumulators (national): households, persons, cash benefit, households gaining. */
export const DECILE_METRICS = ['households', 'persons', 'benefit', 'gaining'] as const;
export const DECILE_METRIC_COUNT = DECILE_METRICS.length;

/** Bits of the per-household `flags` result column. */
export const FLAG = {
  eligTekun: 1,
  eligDibao: 2,
  eligMarginal: 4,
  eligRigid: 8,
  assetsPass: 16,
  monitored: 32,
  singlePerson: 64,
  disasterRegion: 128,
} as const;
