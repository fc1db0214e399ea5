// Pure view model of the household trace: baseline and reform steps merged row by row, inputs named in the reader's
// language, comparisons and results written out, and the benefit components side by side. Formats engine numbers;
// computes none (the one difference shown, reform − baseline, is of two engine totals).
import type { HouseholdTrace, HouseholdTraceRun, TraceStep, ComponentId } from '../../../../sim/index.ts';
import { COMPONENT_IDS, COMPONENT_LABELS } from '../../../../sim/index.ts';
import type { Language } from '../../i18n/i18n.ts';
import { formatNumber, programmeLabel } from '../../format/trace-format.ts';
import { bi, inLanguage } from '../../i18n/i18n.ts';
import { numberFormat } from '../../format/units.ts';
import type { Bilingual } from '../../i18n/i18n.ts';

/** One row of the trace table: the same rule under the baseline and the reform. */
export interface TraceRow {
  id: string;
  label: string;
  note: string | null;
  baseline: TraceStep | null;
  reform: TraceStep | null;
  /** True when the rule's result differs between the two runs. */
  differs: boolean;
}

/** Bilingual names of the inputs the engine's trace steps carry (unknown keys are shown as they are). */
export const INPUT_LABELS: Record<string, Bilingual> = {
  current: { zh: '现行标准', en: 'current standard' },
  medical: { zh: '医疗急难', en: 'medical emergency' },
  other: { zh: '其他急难', en: 'other emergency' },
  disaster: { zh: '受灾', en: 'struck by the disaster' },
  scalePct: { zh: '调整幅度%', en: 'change %' },
  povertyLine: { zh: '贫困线', en: 'poverty line' },
  incomePc: { zh: '人均年收入', en: 'income per capita' },
  earningsPc: { zh: '人均劳动收入', en: 'earnings per capita' },
  size: { zh: '人数', en: 'size' },
  working: { zh: '就业人数', en: 'in work' },
  disregardShare: { zh: '就业扣减比例', en: 'disregard share' },
  surveyIncome: { zh: '调查收入（月）', en: 'survey income (month)' },
  bias: { zh: '偏差', en: 'bias' },
  dispersion: { zh: '离散度', en: 'dispersion' },
  z: { zh: '本户标准正态数 z', en: "household's normal z" },
  assetsPc: { zh: '人均资产', en: 'assets per capita' },
  assetMonths: { zh: '资产月数', en: 'asset months' },
  on: { zh: '启用', en: 'on' },
  car: { zh: '车辆', en: 'car' },
  homes: { zh: '住房套数', en: 'homes' },
  tekunProfile: { zh: '三无条件', en: 'three nos' },
  assetsOk: { zh: '财产审核通过', en: 'assets pass' },
  multiplier: { zh: '倍数', en: 'multiplier' },
  medicalHh: { zh: '医疗支出', en: 'medical' },
  educationHh: { zh: '教育支出', en: 'education' },
  rehabHh: { zh: '康复支出', en: 'rehabilitation' },
  ratio: { zh: '比例', en: 'ratio' },
  standard: { zh: '标准', en: 'standard' },
  countable: { zh: '可计入收入', en: 'countable income' },
  minBenefitShare: { zh: '最低补助比例', en: 'minimum benefit share' },
  elderly: { zh: '老人', en: 'elderly' },
  children: { zh: '未成年人', en: 'children' },
  disabled: { zh: '重残', en: 'severely disabled' },
  ill: { zh: '重病', en: 'seriously ill' },
  suppElderly: { zh: '老人加发比例', en: 'elderly share' },
  suppChildren: { zh: '未成年人加发比例', en: 'children share' },
  suppDisabled: { zh: '重残加发比例', en: 'disabled share' },
  suppIll: { zh: '重病加发比例', en: 'ill share' },
  minWage: { zh: '月最低工资', en: 'monthly minimum wage' },
  careFull: { zh: '全护理', en: 'full care' },
  careHalf: { zh: '半护理', en: 'half care' },
  centralisedShare: { zh: '集中供养比例', en: 'centralised share' },
  months: { zh: '月数', en: 'months' },
  share: { zh: '比例', en: 'share' },
  applies: { zh: '适用', en: 'applies' },
  base: { zh: '基础概率', en: 'base probability' },
  slope: { zh: '斜率', en: 'slope' },
  affectedShare: { zh: '受灾比例', en: 'affected share' },
  incomeLossShare: { zh: '收入损失比例', en: 'income loss share' },
  durationMonths: { zh: '持续月数', en: 'duration months' },
  previousProgramme: { zh: '原救助类别', en: 'previous programme' },
  monitored: { zh: '已监测', en: 'monitored' },
  takeupMonitored: { zh: '监测对象申领率', en: 'take-up (monitored)' },
  takeupUnmonitored: { zh: '非监测申领率', en: 'take-up (unmonitored)' },
  certifyShare: { zh: '边缘/刚性认定最终比例', en: 'certification (eventual share)' },
  certifyRate: { zh: '边缘/刚性年认定率', en: 'certification rate per year' },
  orphans: { zh: '孤儿人数', en: 'orphans' },
  supportType: {
    zh: '供养方式（0 未记录，1 集中，2 分散）',
    en: 'support type (0 not recorded, 1 centralised, 2 dispersed)',
  },
  centralisedWeight: { zh: '集中供养权重', en: 'centralised weight' },
  institutional: { zh: '机构养育月标准', en: 'institutional amount per month' },
  dispersed: { zh: '社会散居月标准', en: 'dispersed amount per month' },
  orphanAmount: { zh: '孤儿一次性补助', en: 'orphan one-off amount' },
  dibaoAmount: { zh: '低保一次性补助', en: 'dibao one-off amount' },
  tekunAmount: { zh: '特困一次性补助', en: 'tekun one-off amount' },
  otherMembers: { zh: '非孤儿成员', en: 'members other than orphans' },
  localHukou: { zh: '本地户籍（1 是，0 否）', en: 'local hukou (1 yes, 0 no)' },
  nonLocalHukouEligible: {
    zh: '非本地户籍可在居住地申办（1 可，0 否）',
    en: 'non-local may apply where they live (1 yes, 0 no)',
  },
};

/** The inputs of a step as "name value" pairs in the reader's language. */
export function formatInputs(step: TraceStep, language: Language): string[] {
  return Object.entries(step.inputs).map(([key, value]) => {
    const label = INPUT_LABELS[key]?.[language] ?? key;
    const shown = key === 'previousProgramme' ? programmeLabel(value, language) : formatNumber(value, language);
    return `${label} ${shown}`;
  });
}

/**
 * Baseline and reform steps merged by id, in the baseline's order with reform-only steps after their predecessor;
 * the expected-amount rows of components paid under neither run are left out (the component table lists the rest).
 */
export function traceRows(trace: HouseholdTrace, language: Language): TraceRow[] {
  const order: string[] = [];
  for (const step of trace.baseline.steps) order.push(step.id);
  trace.reform.steps.forEach((step, index) => {
    if (order.includes(step.id)) return;
    const before = index > 0 ? order.indexOf(trace.reform.steps[index - 1].id) : -1;
    order.splice(before + 1, 0, step.id);
  });
  const byId = (run: HouseholdTraceRun) => new Map(run.steps.map((step) => [step.id, step]));
  const base = byId(trace.baseline);
  const reform = byId(trace.reform);
  const paidNowhere = (id: string) =>
    id.startsWith('component.') && base.get(id)?.result === 0 && reform.get(id)?.result === 0;
  return order
    .filter((id) => !paidNowhere(id))
    .map((id) => {
      const b = base.get(id) ?? null;
      const r = reform.get(id) ?? null;
      const any = (b ?? r) as TraceStep;
      const note = inLanguage(bi(any.noteZh ?? null, any.noteEn ?? null), language);
      return {
        id,
        label: inLanguage(bi(any.labelZh, any.labelEn), language),
        note: id === 'status' ? null : note,
        baseline: b,
        reform: r,
        differs: b === null || r === null || b.result !== r.result,
      };
    });
}

/** One benefit component under both runs (yuan per year). */
export interface ComponentRow {
  id: ComponentId;
  label: string;
  baseline: number;
  reform: number;
}

/** The components paid under either run (zero in both are left out), in the engine's component order. */
export function componentRows(trace: HouseholdTrace, language: Language): ComponentRow[] {
  return COMPONENT_IDS.filter((id) => trace.baseline.components[id] !== 0 || trace.reform.components[id] !== 0).map(
    (id) => ({
      id,
      label: COMPONENT_LABELS[id][language],
      baseline: trace.baseline.components[id],
      reform: trace.reform.components[id],
    }),
  );
}

/** A household amount split into the number and its unit, for large figures with a small unit beside them. */
export function amountParts(
  value: number,
  period: 'month' | 'year',
  language: Language,
): { number: string; unit: string } {
  if (period === 'year' && language === 'zh' && Math.abs(value) >= 1e4) {
    const number = numberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value / 1e4);
    return { number, unit: '万元/年' };
  }
  const number = numberFormat(language, { maximumFractionDigits: 0 }).format(value);
  if (language === 'zh') return { number, unit: period === 'month' ? '元/月' : '元/年' };
  return { number, unit: period === 'month' ? 'yuan/month' : 'yuan/year' };
}

/** English schema labels start lower-case; form labels start with a capital. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
