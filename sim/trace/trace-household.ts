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
  residenceEligible,
  supplementMonthly,
} from '../rules/dibao.ts';
import { assessedFactor, assessmentNormal } from '../rules/assessed-income.ts';
import { marginalIncomeTest, rigidIncomeTest, rigidSpendingTest } from '../rules/low-income.ts';
import { orphanAllowanceMonthly, orphanOnly, programmeOneOffPersons, tekunMembers } from '../rules/orphan.ts';
import { tekunCareMonthly, tekunCentralisedWeight, tekunEligible, tekunLivingMonthly } from '../rules/tekun.ts';
import { medicalShockProb } from '../rules/temporary.ts';
import { resolveScenario, withParams } from '../scenario/resolve.ts';
import type { RegionOverride, RegionalParamsPatch, Scenario } from '../scenario/types.ts';
import { recordToArrays } from './record.ts';
import type { HouseholdRecord, HouseholdTrace, HouseholdTraceRun, TraceStep } from './types.ts';
import type { Bilingual } from '../bilingual.ts';

/** A temporary-assistance event that can be declared as having happened in a realised trace. */
export type TraceEvent = 'medical' | 'other' | 'disaster';
export const TRACE_EVENTS: readonly TraceEvent[] = ['medical', 'other', 'disaster'];

/** What each event is called in the trace's sentences. */
const EVENT_NAMES: Record<TraceEvent, Bilingual> = {
  medical: { zh: '医疗急难', en: 'medical emergency' },
  other: { zh: '其他急难', en: 'other emergency' },
  disaster: { zh: '受灾', en: 'struck by the disaster' },
};

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
  /**
   * 'expected' (default): expected values, as the kernel's expected-value mode (take-up and events as
   * probabilities). 'realised': one realised case, the household applies (enrolled when eligible, take-up 1) and
   * exactly the `events` listed happen (each paid in full; none else), e.g. the medical shock that brought a family
   * to the office.
   */
  outcome?: 'expected' | 'realised';
  /** Events that happened, for `outcome: 'realised'` (the other-shock event pays only below the marginal line). */
  events?: readonly TraceEvent[];
  /**
   * What was approved for an event that happened, in yuan at the household's current standard (e.g. the 5,000 yuan
   * a township paid after a flood). Local offices set temporary assistance in months of the standard (POLICY.md
   * §2.5), so the amount is kept as that many months: paid in one stage, above the usual cap if need be, and rising
   * with the standard under a reform. Without it an event pays the catalogue's months.
   */
  eventAmounts?: Partial<Record<TraceEvent, number>>;
  /**
   * Rules in force where the household lives that the catalogue defaults do not describe (e.g. Nanjing: non-local
   * hukou residents cannot get dibao there), applied under both the baseline and the reform before the scenario's own
   * region overrides, so a scenario that sets the same parameter, nationally or for the region, still decides.
   */
  localRules?: readonly RegionOverride[];
}

/** The scenario with `rules` as its first region overrides, minus any parameter the scenario sets nationally. */
export function withLocalRules(scenario: Scenario, rules: readonly RegionOverride[] = []): Scenario {
  const national = scenario.params ?? {};
  const kept: RegionOverride[] = [];
  for (const rule of rules) {
    const params: Record<string, Record<string, number | boolean>> = {};
    for (const [group, fields] of Object.entries(rule.params)) {
      const set = (national as Record<string, Record<string, unknown> | undefined>)[group] ?? {};
      for (const [name, value] of Object.entries(fields ?? {})) {
        if (value === undefined || set[name] !== undefined) continue;
        params[group] = { ...(params[group] ?? {}), [name]: value };
      }
    }
    if (Object.keys(params).length > 0) kept.push({ ...rule, params: params as RegionalParamsPatch });
  }
  if (kept.length === 0) return scenario;
  return { ...scenario, regionOverrides: [...kept, ...(scenario.regionOverrides ?? [])] };
}

/**
 * Resolved parameters of a realised case: take-up 1 and each event's probability 1 if it happened, else 0, so the
 * kernel's own arithmetic gives the realised amounts.
 */
function realise(
  p: ResolvedParams,
  events: readonly TraceEvent[],
  amounts: Partial<Record<TraceEvent, number>>,
  currentStandard: readonly [number, number],
): void {
  const set = (id: keyof ResolvedParams['cell'], value: number) => p.cell[id].fill(value);
  const happened = (e: TraceEvent) => (events.includes(e) ? 1 : 0);
  set('takeup.monitored', 1);
  set('takeup.unmonitored', 1);
  set('temporary.takeup', 1);
  set('temporary.medicalBaseProb', happened('medical'));
  set('temporary.medicalSlope', 0);
  set('temporary.medicalMaxProb', 1);
  set('temporary.otherProb', happened('other'));
  const disaster = happened('disaster');
  // A disaster declared as having happened struck this household, whether or not the scenario models one here (the
  // scenario's income loss and duration apply where it does).
  set('disaster.affectedShare', disaster);
  if (disaster === 1) set('disaster.eventProb', 1);
  // Approved amounts as months of each area's current standard (one record: cells are its region's urban, rural).
  const months = (yuan: number, c: number) => (currentStandard[c & 1] > 0 ? yuan / currentStandard[c & 1] : 0);
  const approve = (event: TraceEvent, id: keyof ResolvedParams['cell']) => {
    const yuan = amounts[event];
    if (yuan === undefined || !events.includes(event)) return;
    for (let c = 0; c < p.cell[id].length; c++) {
      p.cell[id][c] = months(yuan, c);
      p.cell['temporary.capMonths'][c] = Math.max(p.cell['temporary.capMonths'][c], p.cell[id][c]);
    }
    set('temporary.stageMonths', 1);
  };
  approve('medical', 'temporary.medicalMonths');
  approve('other', 'temporary.otherMonths');
  if (amounts.disaster !== undefined && events.includes('disaster')) {
    approve('disaster', 'disaster.amountMonths');
    set('disaster.housingMonths', 0);
    set('disaster.housingLostShare', 0);
  }
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
  const onlyOrphans = rec.orphans > 0 && orphanOnly(rec.orphans, size);
  if (rec.orphans > 0) {
    out.push({
      id: 'orphansOnly',
      labelZh: '孤儿家庭：全部成员均为孤儿时由孤儿基本生活费保障，不认定低保、特困、边缘或刚性支出',
      labelEn:
        'Orphans only: when every member is an orphan, the orphan allowance replaces dibao, tekun, marginal and rigid status',
      inputs: { orphans: rec.orphans, size },
      value: rec.orphans,
      threshold: size,
      comparison: '≥',
      result: onlyOrphans,
    });
  }
  const resident = residenceEligible(rec.localHukou, g('dibao.nonLocalHukouEligible'));
  out.push({
    id: 'residence',
    labelZh:
      '户籍：本地户籍，或本地允许非本地户籍家庭持居住证在居住地申办（否则须回户籍地申请，本地不认定低保、特困、边缘或刚性支出）',
    labelEn:
      'Residence: local hukou, or non-local households may apply where they live with a residence permit (otherwise they apply at their hukou place and get no dibao, tekun, marginal or rigid status here)',
    inputs: { localHukou: rec.localHukou, nonLocalHukouEligible: g('dibao.nonLocalHukouEligible') },
    result: resident,
  });
  out.push({
    id: 'tekunTest',
    labelZh: '特困认定：“三无”人员且人均月收入 < 标准',
    labelEn: 'Tekun: "three nos" profile and income per person per month < standard',
    inputs: { tekunProfile: rec.tekunProfile },
    value: incomeM,
    threshold: s,
    comparison: '<',
    result: tekunEligible(rec.tekunProfile, incomeM, s) && !onlyOrphans && resident,
  });
  out.push({
    id: 'dibaoTest',
    labelZh: '低保认定：可计入收入 < 标准，且财产审核通过',
    labelEn: 'Dibao: countable income < standard and asset tests pass',
    inputs: { assetsOk: assetsOk ? 1 : 0 },
    value: countable,
    threshold: s,
    comparison: '<',
    result: countable < s && assetsOk && !onlyOrphans && resident,
  });
  out.push({
    id: 'marginalTest',
    labelZh: '低保边缘：人均月收入 < 倍数 × 标准，且财产审核通过',
    labelEn: 'Marginal: income per person per month < multiplier × standard and assets pass',
    inputs: { multiplier: g('marginal.multiplier'), assetsOk: assetsOk ? 1 : 0 },
    value: incomeM,
    threshold: g('marginal.multiplier') * s,
    comparison: '<',
    result: assetsOk && marginalIncomeTest(incomeM, s, g('marginal.multiplier')) && !onlyOrphans && resident,
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
  const tekunPersons = tekunMembers(size, rec.orphans);
  out.push({
    id: 'tekunLiving',
    labelZh: '特困基本生活（若纳入，元/年）= 倍数 × 标准 × 特困人数 × 12（特困人数 = 人数 − 孤儿）',
    labelEn:
      'Tekun basic living if enrolled (yuan/year) = multiplier × standard × tekun persons × 12 (tekun persons = size − orphans)',
    inputs: { multiplier: g('tekun.livingMultiplier'), standard: s, size, orphans: rec.orphans },
    unit: 'yuanPerYear',
    result: tekunLivingMonthly(s, g('tekun.livingMultiplier'), tekunPersons) * 12,
  });
  const centralWeight = tekunCentralisedWeight(rec.supportType, g('tekun.centralisedShare'));
  out.push({
    id: 'tekunCare',
    labelZh:
      '特困照料（若纳入，元/年）：按护理等级 × 最低工资比例；集中供养用集中标准，分散供养用分散标准，未记录时按集中供养比例加权',
    labelEn:
      'Tekun care if enrolled (yuan/year): care level × share of minimum wage; centralised or dispersed shares by the support type, blended by the centralised share when not recorded',
    inputs: {
      minWage: rec.regionMinWage[c],
      careFull: rec.careFull,
      careHalf: rec.careHalf,
      supportType: rec.supportType,
      centralisedShare: g('tekun.centralisedShare'),
      centralisedWeight: centralWeight,
    },
    unit: 'yuanPerYear',
    result:
      tekunCareMonthly(
        rec.regionMinWage[c],
        tekunPersons,
        rec.careFull,
        rec.careHalf,
        centralWeight,
        g('tekun.careFullDispersed'),
        g('tekun.careHalfDispersed'),
        g('tekun.careSelfDispersed'),
        g('tekun.careFullCentralised'),
        g('tekun.careHalfCentralised'),
        g('tekun.careSelfCentralised'),
      ) * 12,
  });
  if (rec.orphans > 0) {
    out.push({
      id: 'orphanAllowance',
      labelZh: '孤儿基本生活费（元/年）= 孤儿人数 × 月标准（机构养育或社会散居；未记录按散居）× 12',
      labelEn:
        'Orphan basic living allowance (yuan/year) = orphans × monthly amount (institutional or dispersed; dispersed when not recorded) × 12',
      inputs: {
        orphans: rec.orphans,
        supportType: rec.supportType,
        institutional: g('orphan.allowanceInstitutional'),
        dispersed: g('orphan.allowanceDispersed'),
      },
      unit: 'yuanPerYear',
      result:
        orphanAllowanceMonthly(
          rec.orphans,
          rec.supportType,
          g('orphan.allowanceInstitutional'),
          g('orphan.allowanceDispersed'),
        ) * 12,
    });
    out.push({
      id: 'orphanOneOff',
      labelZh: '一次性生活补助：孤儿按孤儿标准领取一次，不再按家庭的低保或特困身份重复领取',
      labelEn: 'One-off subsidy: orphans are paid the orphan amount once, never also the dibao or tekun amount',
      inputs: {
        orphans: rec.orphans,
        orphanAmount: g('oneOff.orphanAmount'),
        dibaoAmount: g('oneOff.dibaoAmount'),
        tekunAmount: g('oneOff.tekunAmount'),
        otherMembers: programmeOneOffPersons(size, rec.orphans),
      },
      unit: 'yuanPerYear',
      result: rec.orphans * g('oneOff.orphanAmount'),
    });
  }
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
  const realised = options.outcome === 'realised';
  if (realised) realise(params, options.events ?? [], options.eventAmounts ?? {}, rec.regionStandard);
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
    labelZh:
      '纳入概率（已在保且仍符合者保留；新符合低保/特困者按纳入率；新符合边缘/刚性支出者首年认定率 = 年认定率 × 最终比例）',
    labelEn:
      'Enrolment probability (enrolled eligible stay; newly dibao/tekun-eligible enrol at take-up; newly marginal/rigid-eligible are certified in the first year at rate × eventual share)',
    inputs: {
      takeupMonitored: params.cell['takeup.monitored'][rec.area],
      takeupUnmonitored: params.cell['takeup.unmonitored'][rec.area],
      certifyShare: params.cell['takeup.certifyShare'][rec.area],
      certifyRate: params.cell['takeup.certifyRate'][rec.area],
    },
    unit: 'probability',
    result: enrol,
  });
  if (realised) {
    const events = options.events ?? [];
    list.push({
      id: 'outcome',
      labelZh: `实际发生的情形：家庭已申请（符合即纳入），发生的事件：${events.length > 0 ? events.map((e) => EVENT_NAMES[e].zh).join('、') : '无'}`,
      labelEn: `Realised case: the household applied (enrolled when eligible); events that happened: ${events.length > 0 ? events.map((e) => EVENT_NAMES[e].en).join(', ') : 'none'}`,
      inputs: {
        medical: events.includes('medical') ? 1 : 0,
        other: events.includes('other') ? 1 : 0,
        disaster: events.includes('disaster') ? 1 : 0,
      },
      result: events.length,
      unit: 'events',
    });
  }
  for (const id of COMPONENT_IDS) {
    list.push({
      id: `component.${id}`,
      labelZh: `${realised ? '实际金额' : '期望金额'}（元/年）：${COMPONENT_LABELS[id].zh}`,
      labelEn: `${realised ? 'Realised' : 'Expected'} amount (yuan/year): ${COMPONENT_LABELS[id].en}`,
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
  // The place's own rules first; a case described as the office assesses it has the error model switched off.
  const prepared = (scenario: Scenario): Scenario => {
    const s = withLocalRules(scenario, options.localRules);
    return options.incomeAs === 'assessed' ? withParams(s, { 'takeup.assessedBias': 0, 'takeup.assessedNoise': 0 }) : s;
  };
  return { baseline: run(record, prepared(baseline), options), reform: run(record, prepared(reform), options) };
}
