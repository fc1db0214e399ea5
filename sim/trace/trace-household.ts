// Household trace (POLICY.md §4): every rule step for one household under baseline and reform; the amounts come
// from running the kernel itself on a one-household dataset, so trace and kernel cannot disagree.
import { COMPONENT_IDS, COMPONENT_LABELS } from '../kernel/metrics.ts';
import type { ComponentId } from '../kernel/metrics.ts';
import { simulateYear } from '../kernel/simulate-year.ts';
import type { ResolvedParams } from '../kernel/types.ts';
import { PROGRAMME_NAMES } from '../model/codes.ts';
import {
  assetTestPasses,
  carTestPasses,
  countableIncomeMonthlyPc,
  dibaoBaseMonthly,
  gradualExitAnnual,
  gradualExitApplies,
  homeTestPasses,
  supplementMonthly,
} from '../rules/dibao.ts';
import { assessedFactor, assessmentNormal } from '../rules/assessed-income.ts';
import { marginalIncomeTest, rigidIncomeTest, rigidSpendingTest } from '../rules/low-income.ts';
import { tekunCareMonthly, tekunEligible, tekunLivingMonthly } from '../rules/tekun.ts';
import { medicalShockProb } from '../rules/temporary.ts';
import { resolveScenario, withParams } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { recordToArrays } from './record.ts';
import type { HouseholdRecord, HouseholdTrace, HouseholdTraceRun, TraceStep } from './types.ts';

/** Options of `traceHousehold`. */
export interface TraceOptions {
  /** Projection year index (0 = start year). */
  yearIndex?: number;
  /** Monitoring-by-share cutoff computed on the full dataset (`monitoringTargetRatio`); none if omitted. */
  monitoringRatio?: number;
  /**
   * What the record's income is: 'survey' (default; a dataset row, the error model applies as in the kernel) or
   * 'assessed' (a household entered by hand or a case study, described as the civil-affairs office sees it: the
   * error model is switched off in both runs).
   */
  incomeAs?: 'survey' | 'assessed';
}

function steps(rec: HouseholdRecord, p: ResolvedParams): TraceStep[] {
  const c = rec.area;
  const g = (id: keyof ResolvedParams['cell']) => p.cell[id][c];
  const s = p.standard[c];
  const size = rec.size;
  const surveyPc = rec.incomePc * p.incomeFactor[c];
  const z = assessmentNormal(rec.incomePc, rec.earningsPc, size);
  const bias = g('takeup.assessedBias');
  const noise = g('takeup.assessedNoise');
  const incomePc = surveyPc * assessedFactor(z, bias, noise);
  const earnPc = Math.min(rec.earningsPc * p.incomeFactor[c] * assessedFactor(z, bias, noise), incomePc);
  const assetsPc = rec.assetsPc * p.incomeFactor[c];
  const countable = countableIncomeMonthlyPc(incomePc, earnPc, size, rec.working, g('dibao.disregardShare'), s);
  const incomeM = incomePc / 12;
  const out: TraceStep[] = [];
  out.push({
    id: 'standard',
    labelZh: '低保标准（元/人/月）',
    labelEn: 'Dibao standard (yuan/person/month)',
    inputs: { current: rec.regionStandard[c], scalePct: g('standard.scalePct'), povertyLine: p.povertyLine[c] },
    unit: 'yuanPerPersonMonth',
    result: s,
    noteZh: '标准规则：保持 → 按比例调整 → 消费支出比例 → 指定值 → 农村下限 → 不低于现行',
    noteEn: 'Rule: keep → scale → consumption ratio → overrides → rural floor → never lower',
  });
  out.push({
    id: 'assessedIncome',
    labelZh: '核定收入（元/人/月）= 调查收入 × exp(偏差 + 离散度 × z)',
    labelEn: 'Assessed income (yuan/person/month) = survey income × exp(bias + dispersion × z)',
    inputs: { surveyIncome: surveyPc / 12, bias, dispersion: noise, z },
    result: incomePc / 12,
    unit: 'yuanPerPersonMonth',
    noteZh: '资格审核使用核定收入；收入分组、瞄准和贫困使用调查收入',
    noteEn: 'Eligibility uses assessed income; deciles, targeting and poverty use survey income',
  });
  out.push({
    id: 'countableIncome',
    labelZh: '可计入收入（元/人/月）= 收入/12 − 就业成本扣减/人数',
    labelEn: 'Countable income (yuan/person/month) = income/12 − disregard/size',
    inputs: { incomePc, earningsPc: earnPc, size, working: rec.working, disregardShare: g('dibao.disregardShare') },
    unit: 'yuanPerPersonMonth',
    result: countable,
  });
  const assetLimit = g('dibao.assetMonths') * s;
  const assetOk = assetTestPasses(assetsPc, g('dibao.assetMonths'), s, g('dibao.assetTest'));
  out.push({
    id: 'assetTest',
    labelZh: '金融资产审核：人均资产 ≤ 月数 × 标准',
    labelEn: 'Asset test: assets per capita ≤ months × standard',
    inputs: { assetsPc, assetMonths: g('dibao.assetMonths'), on: g('dibao.assetTest') },
    value: assetsPc,
    threshold: assetLimit,
    comparison: '≤',
    result: assetOk,
  });
  const carOk = carTestPasses(rec.car, g('dibao.carTest'));
  const homeOk = homeTestPasses(rec.homes, g('dibao.maxHomes'), g('dibao.homeTest'));
  out.push({
    id: 'carTest',
    labelZh: '机动车审核：无非豁免机动车',
    labelEn: 'Car test: no non-exempt car',
    inputs: { car: rec.car, on: g('dibao.carTest') },
    result: carOk,
  });
  out.push({
    id: 'homeTest',
    labelZh: '住房审核：住房套数 ≤ 上限',
    labelEn: 'Home test: homes ≤ limit',
    inputs: { homes: rec.homes, on: g('dibao.homeTest') },
    value: rec.homes,
    threshold: g('dibao.maxHomes'),
    comparison: '≤',
    result: homeOk,
  });
  const assetsOk = assetOk && carOk && homeOk;
  out.push({
    id: 'tekunTest',
    labelZh: '特困认定：“三无”人员且人均月收入 < 标准',
    labelEn: 'Tekun: "three nos" profile and income per person per month < standard',
    inputs: { tekunProfile: rec.tekunProfile },
    value: incomeM,
    threshold: s,
    comparison: '<',
    result: tekunEligible(rec.tekunProfile, incomeM, s),
  });
  out.push({
    id: 'dibaoTest',
    labelZh: '低保认定：可计入收入 < 标准，且财产审核通过',
    labelEn: 'Dibao: countable income < standard and asset tests pass',
    inputs: { assetsOk: assetsOk ? 1 : 0 },
    value: countable,
    threshold: s,
    comparison: '<',
    result: countable < s && assetsOk,
  });
  out.push({
    id: 'marginalTest',
    labelZh: '低保边缘：人均月收入 < 倍数 × 标准，且财产审核通过',
    labelEn: 'Marginal: income per person per month < multiplier × standard and assets pass',
    inputs: { multiplier: g('marginal.multiplier'), assetsOk: assetsOk ? 1 : 0 },
    value: incomeM,
    threshold: g('marginal.multiplier') * s,
    comparison: '<',
    result: assetsOk && marginalIncomeTest(incomeM, s, g('marginal.multiplier')),
  });
  const rigidSpend = (rec.medicalHh + rec.educationHh + rec.rehabHh) * p.consumptionFactor[c];
  const incomePrev = rec.regionIncomePrev[c] * p.incomeFactor[c];
  out.push({
    id: 'rigidIncomeTest',
    labelZh: '刚性支出困难：人均年收入 < 倍数 × 上年人均可支配收入',
    labelEn: 'Rigid: income per capita < multiplier × previous-year disposable income',
    inputs: { multiplier: g('rigid.incomeMultiplier') },
    value: incomePc,
    threshold: g('rigid.incomeMultiplier') * incomePrev,
    comparison: '<',
    result: rigidIncomeTest(incomePc, incomePrev, g('rigid.incomeMultiplier')),
  });
  out.push({
    id: 'rigidSpendingTest',
    labelZh: '刚性支出困难：刚性支出 > 比例 × 家庭总收入',
    labelEn: 'Rigid: rigid spending > ratio × household income',
    inputs: { medicalHh: rec.medicalHh, educationHh: rec.educationHh, rehabHh: rec.rehabHh, ratio: g('rigid.ratio') },
    value: rigidSpend,
    threshold: g('rigid.ratio') * incomePc * size,
    comparison: '>',
    result: rigidSpendingTest(rigidSpend, incomePc, size, g('rigid.ratio')),
  });
  out.push({
    id: 'dibaoBenefit',
    labelZh: '低保差额补助（若纳入，元/年）= max((标准 − 可计入收入) × 人数, 最低比例 × 标准 × 人数) × 12',
    labelEn:
      'Dibao gap benefit if enrolled (yuan/year) = max((standard − countable) × size, min share × standard × size) × 12',
    inputs: { standard: s, countable, size, minBenefitShare: g('dibao.minBenefitShare'), tiers: g('dibao.tiers') },
    unit: 'yuanPerYear',
    result: dibaoBaseMonthly(s, countable, size, g('dibao.minBenefitShare'), g('dibao.tiers')) * 12,
  });
  out.push({
    id: 'supplements',
    labelZh: '分类施保（若纳入，元/年）：每名成员按最高一项计一次',
    labelEn: 'Classified supplements if enrolled (yuan/year): each member once at the highest share',
    inputs: {
      elderly: rec.elderly,
      children: rec.children,
      disabled: rec.disabled,
      ill: rec.ill,
      suppElderly: g('dibao.suppElderly'),
      suppChildren: g('dibao.suppChildren'),
      suppDisabled: g('dibao.suppDisabled'),
      suppIll: g('dibao.suppIll'),
    },
    unit: 'yuanPerYear',
    result:
      supplementMonthly(
        s,
        size,
        rec.elderly,
        rec.children,
        rec.disabled,
        rec.ill,
        g('dibao.suppElderly'),
        g('dibao.suppChildren'),
        g('dibao.suppDisabled'),
        g('dibao.suppIll'),
      ) * 12,
  });
  out.push({
    id: 'tekunLiving',
    labelZh: '特困基本生活（若纳入，元/年）= 倍数 × 标准 × 人数 × 12',
    labelEn: 'Tekun basic living if enrolled (yuan/year) = multiplier × standard × size × 12',
    inputs: { multiplier: g('tekun.livingMultiplier'), standard: s, size },
    unit: 'yuanPerYear',
    result: tekunLivingMonthly(s, g('tekun.livingMultiplier'), size) * 12,
  });
  out.push({
    id: 'tekunCare',
    labelZh: '特困照料（若纳入，元/年）：按护理等级 × 最低工资比例',
    labelEn: 'Tekun care if enrolled (yuan/year): care level × share of minimum wage',
    inputs: {
      minWage: rec.regionMinWage[c],
      careFull: rec.careFull,
      careHalf: rec.careHalf,
      centralisedShare: g('tekun.centralisedShare'),
    },
    unit: 'yuanPerYear',
    result:
      tekunCareMonthly(
        rec.regionMinWage[c],
        size,
        rec.careFull,
        rec.careHalf,
        g('tekun.centralisedShare'),
        g('tekun.careFullDispersed'),
        g('tekun.careHalfDispersed'),
        g('tekun.careSelfDispersed'),
        g('tekun.careFullCentralised'),
        g('tekun.careHalfCentralised'),
        g('tekun.careSelfCentralised'),
      ) * 12,
  });
  const geApplies =
    rec.programme === 1 && gradualExitApplies(rec.working, earnPc, g('dibao.gradualExitMonths'), rec.gradualExit);
  out.push({
    id: 'gradualExit',
    labelZh: '渐退期（若因就业收入超标退出，元/年）= 月数 × 比例 × 标准 × 人数',
    labelEn: 'Gradual exit if leaving through work (yuan/year) = months × share × standard × size',
    inputs: {
      months: g('dibao.gradualExitMonths'),
      share: g('dibao.gradualExitBenefitShare'),
      applies: geApplies ? 1 : 0,
    },
    unit: 'yuanPerYear',
    result: geApplies
      ? gradualExitAnnual(g('dibao.gradualExitMonths'), g('dibao.gradualExitBenefitShare'), s, size)
      : 0,
  });
  out.push({
    id: 'medicalShock',
    labelZh: '医疗急难事件年概率',
    labelEn: 'Annual medical-shock probability',
    inputs: { medicalHh: rec.medicalHh, base: g('temporary.medicalBaseProb'), slope: g('temporary.medicalSlope') },
    unit: 'probability',
    result: medicalShockProb(
      rec.medicalHh * p.consumptionFactor[c],
      incomePc,
      size,
      g('temporary.medicalBaseProb'),
      g('temporary.medicalSlope'),
      g('temporary.medicalMaxProb'),
    ),
  });
  if (g('disaster.affectedShare') > 0) {
    out.push({
      id: 'disaster',
      labelZh: '灾害：受灾概率（金额为受灾与未受灾情形的期望值）',
      labelEn: 'Disaster: probability affected (amounts are expected over affected and unaffected)',
      inputs: {
        affectedShare: g('disaster.affectedShare'),
        incomeLossShare: g('disaster.incomeLossShare'),
        durationMonths: g('disaster.durationMonths'),
      },
      unit: 'probability',
      result: g('disaster.affectedShare'),
    });
  }
  return out;
}

function run(rec: HouseholdRecord, scenario: Scenario, options: TraceOptions): HouseholdTraceRun {
  const { households, regions } = recordToArrays(rec);
  const params = resolveScenario(scenario, regions, { yearIndex: options.yearIndex ?? 0 });
  const result = simulateYear(households, regions, params, {
    decile: Uint8Array.of(0),
    monitoringRatio: options.monitoringRatio ?? -Infinity,
  });
  const cols = result.households;
  const components = {} as Record<ComponentId, number>;
  for (const id of COMPONENT_IDS) components[id] = cols ? cols.benefit[id][0] : 0;
  const status = cols ? cols.status[0] : 0;
  const enrol = cols ? cols.enrol[0] : 0;
  const list = steps(rec, params);
  list.push({
    id: 'status',
    labelZh: '认定结果（优先顺序：特困 → 低保 → 边缘 → 刚性支出）',
    labelEn: 'Status (precedence: tekun → dibao → marginal → rigid)',
    inputs: { previousProgramme: rec.programme, monitored: rec.monitored },
    unit: 'programme',
    result: status,
    noteZh: PROGRAMME_NAMES[status],
    noteEn: PROGRAMME_NAMES[status],
  });
  list.push({
    id: 'enrolment',
    labelZh: '纳入概率（已在保且仍符合者保留；新符合者按纳入率）',
    labelEn: 'Enrolment probability (enrolled eligible stay; newly eligible enrol at take-up)',
    inputs: {
      takeupMonitored: params.cell['takeup.monitored'][rec.area],
      takeupUnmonitored: params.cell['takeup.unmonitored'][rec.area],
    },
    unit: 'probability',
    result: enrol,
  });
  for (const id of COMPONENT_IDS) {
    list.push({
      id: `component.${id}`,
      labelZh: `期望金额（元/年）：${COMPONENT_LABELS[id].zh}`,
      labelEn: `Expected amount (yuan/year): ${COMPONENT_LABELS[id].en}`,
      inputs: {},
      unit: 'yuanPerYear',
      result: components[id],
    });
  }
  return {
    scenarioName: scenario.name,
    status: PROGRAMME_NAMES[status],
    enrol,
    steps: list,
    components,
    total: cols ? cols.total[0] : 0,
  };
}

/** Trace one household under the baseline and a reform: rule steps plus the kernel's own amounts. */
export function traceHousehold(
  record: HouseholdRecord,
  baseline: Scenario,
  reform: Scenario,
  options: TraceOptions = {},
): HouseholdTrace {
  const asAssessed = (s: Scenario): Scenario =>
    options.incomeAs === 'assessed' ? withParams(s, { 'takeup.assessedBias': 0, 'takeup.assessedNoise': 0 }) : s;
  return { baseline: run(record, asAssessed(baseline), options), reform: run(record, asAssessed(reform), options) };
}
