// The model validation report (one definition for `safetynet validate-model`, MODEL-VALIDATION.md and the Data
// screen): levels against the admin targets (the calibration table), the survey-income distribution against NBS
// (quintile means of five equal household groups, medians and means, uprated to the demo year), and responses:
// elasticities of caseloads and cost to uniform standard changes, each beside a plausible range and its reasoning.

import type { HouseholdArrays, RegionArrays, MetricId } from '../sim/index.ts';
import {
  BASELINE_SCENARIO,
  resolveScenario,
  withParams,
  simulateYear,
  incomeDeciles,
  aggregate,
} from '../sim/index.ts';
import { calibrationTable } from './calibration.ts';
import type { CalibrationRow } from './calibration.ts';
import { nationalTargetAsOf } from './reference/reference-data.ts';

/** One income statistic of the data beside its NBS reference (uprated to the demo year). */
export interface IncomeCheckRow {
  id: string;
  label: { zh: string; en: string };
  /** NBS 2023 figure, the uprating factor and the uprated reference (yuan/person/year). */
  reference2023: number;
  uprating: number;
  reference: number;
  simulated: number;
  differencePct: number;
  tolerancePct: number;
  withinTolerance: boolean;
  source: string;
}

/** Response of one quantity to one uniform standard change. */
export interface ResponseCell {
  changePct: number;
  value: number;
  /** (value / baseline − 1) / (change / 100). */
  elasticity: number;
  plausible: boolean;
}

/** One quantity's responses, its plausible elasticity range and the reasoning behind it. */
export interface ResponseRow {
  metric: MetricId;
  label: { zh: string; en: string };
  baseline: number;
  cells: ResponseCell[];
  range: [number, number];
  reason: { zh: string; en: string };
}

/** The whole report. */
export interface ModelValidationReport {
  levels: CalibrationRow[];
  income: IncomeCheckRow[];
  responses: ResponseRow[];
  /** Baseline targeting against survey income (depends on the assessed-income error model). */
  targeting: { exclusionRate: number; inclusionRate: number };
  changes: readonly number[];
}

/** Uniform standard changes the responses are measured at (percent). */
export const RESPONSE_CHANGES = [-10, 5, 10, 20] as const;

/** The quantities whose responses are reported, with plausible elasticity ranges and the reasoning. */
export const RESPONSE_CHECKS: readonly Omit<ResponseRow, 'baseline' | 'cells'>[] = [
  {
    metric: 'persons.dibao',
    label: { zh: '低保人数', en: 'Dibao persons' },
    range: [0.3, 2.5],
    reason: {
      zh: '弹性≈标准附近的人口密度 × 标准 ÷ 低保人数；收入下尾平滑时为 1–2，新增人员只有部分当年纳入（纳入率 0.4–0.85），故下限低于 1。',
      en: 'Elasticity ≈ density of persons at the standard × standard ÷ caseload: 1–2 for a smooth lower tail; new eligibles enrol only partly in year one (take-up 0.4–0.85), hence a lower bound below 1.',
    },
  },
  {
    metric: 'persons.marginal',
    label: { zh: '低保边缘人数', en: 'Dibao-marginal persons' },
    range: [-1, 3],
    reason: {
      zh: '边缘带 [标准, 1.5×标准) 随标准整体上移：上端新进入、下端转入低保，净弹性应不大；大于 3 说明分布在 1.5×标准处有断崖。',
      en: 'The marginal band [S, 1.5 S) moves up with S: people enter at the top and move into dibao at the bottom, so the net elasticity is modest; above 3 means a cliff in the distribution at 1.5 S.',
    },
  },
  {
    metric: 'persons.rigid',
    label: { zh: '刚性支出困难人数', en: 'Rigid-expenditure persons' },
    range: [-2, 1],
    reason: {
      zh: '刚性支出认定的收入线取决于当地人均收入而非低保标准，只因优先级（先低保、边缘）而变化，弹性应接近 0 或为负。',
      en: 'The rigid-expenditure income line depends on local mean income, not the standard; it moves only through precedence (dibao and marginal first), so near zero or negative.',
    },
  },
  {
    metric: 'monitored.persons',
    label: { zh: '低收入监测人数', en: 'Monitored low-income persons' },
    range: [0, 2],
    reason: {
      zh: '监测对象包括已标记人员（不随标准变化）和各类救助对象；随标准上升而增加，但增幅应小于救助对象本身。',
      en: 'The platform holds flagged households (independent of the standard) plus every programme; it grows with the standard, but less than the programmes themselves.',
    },
  },
  {
    metric: 'cost.total',
    label: { zh: '总支出', en: 'Total cost' },
    range: [0.8, 4],
    reason: {
      zh: '支出 ≈ 人数 × 人均补差：补差随标准按比例以上增长（差额补助），再加人数增长，弹性通常大于 1。',
      en: 'Cost ≈ caseload × average gap: the gap grows more than proportionally with the standard (top-up to the standard), plus caseload growth, so usually above 1.',
    },
  },
];

const round = (x: number): number => Math.round(x);

/** Weighted person median of per-capita survey income among households with `keep(i)`. */
function personMedian(h: HouseholdArrays, keep: (i: number) => boolean): number {
  const idx: number[] = [];
  let total = 0;
  for (let i = 0; i < h.count; i++) {
    if (!keep(i)) continue;
    idx.push(i);
    total += h.weight[i] * h.size[i];
  }
  idx.sort((a, b) => h.incomePc[a] - h.incomePc[b]);
  let cum = 0;
  for (const i of idx) {
    cum += h.weight[i] * h.size[i];
    if (cum >= total / 2) return h.incomePc[i];
  }
  return 0;
}

/** Weighted person mean of per-capita survey income among households with `keep(i)`. */
function personMean(h: HouseholdArrays, keep: (i: number) => boolean): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < h.count; i++) {
    if (!keep(i)) continue;
    num += h.weight[i] * h.size[i] * h.incomePc[i];
    den += h.weight[i] * h.size[i];
  }
  return den > 0 ? num / den : 0;
}

/**
 * Quintile means as NBS publishes them: households ranked by per-capita income, cut into five groups of equal
 * (weighted) households, each group's total income over its persons.
 */
export function quintileMeans(h: HouseholdArrays): number[] {
  const idx = Array.from({ length: h.count }, (_, i) => i).sort((a, b) => h.incomePc[a] - h.incomePc[b]);
  let totalHh = 0;
  for (let i = 0; i < h.count; i++) totalHh += h.weight[i];
  const income = [0, 0, 0, 0, 0];
  const persons = [0, 0, 0, 0, 0];
  let cum = 0;
  for (const i of idx) {
    const w = h.weight[i];
    const q = Math.min(4, Math.floor(((cum + w / 2) / totalHh) * 5));
    income[q] += w * h.size[i] * h.incomePc[i];
    persons[q] += w * h.size[i];
    cum += w;
  }
  return income.map((x, q) => (persons[q] > 0 ? x / persons[q] : 0));
}

/** Survey-income distribution of the data against NBS figures of 2023 uprated by the 2023→2024 mean growth. */
export function incomeChecks(h: HouseholdArrays, tolerancePct = 5): IncomeCheckRow[] {
  const growth = (metric: string): number =>
    nationalTargetAsOf(metric, '2024').value / nationalTargetAsOf(metric, '2023').value;
  const national = growth('disposable_income_pc_national');
  const rows: IncomeCheckRow[] = [];
  const add = (
    id: string,
    label: { zh: string; en: string },
    metric: string,
    uprating: number,
    simulated: number,
  ): void => {
    const ref = nationalTargetAsOf(metric, '2023');
    const reference = ref.value * uprating;
    const differencePct = ((simulated - reference) / reference) * 100;
    rows.push({
      id,
      label,
      reference2023: ref.value,
      uprating,
      reference,
      simulated,
      differencePct,
      tolerancePct,
      withinTolerance: Math.abs(differencePct) <= tolerancePct,
      source: ref.source,
    });
  };
  const q = quintileMeans(h);
  const names = [
    ['低收入组', 'Low-income fifth'],
    ['中间偏下收入组', 'Lower-middle fifth'],
    ['中间收入组', 'Middle fifth'],
    ['中间偏上收入组', 'Upper-middle fifth'],
    ['高收入组', 'High-income fifth'],
  ];
  q.forEach((v, k) =>
    add(
      `quintile${k + 1}`,
      { zh: `${names[k][0]}人均可支配收入`, en: `${names[k][1]}: mean income per capita` },
      `income_quintile_mean_q${k + 1}_national`,
      national,
      v,
    ),
  );
  const all = (): boolean => true;
  const urban = (i: number): boolean => h.area[i] === 0;
  const rural = (i: number): boolean => h.area[i] === 1;
  add(
    'medianNational',
    { zh: '全国中位数', en: 'Median, national' },
    'disposable_income_median_national',
    national,
    personMedian(h, all),
  );
  add(
    'medianUrban',
    { zh: '城镇中位数', en: 'Median, urban' },
    'disposable_income_median_urban',
    growth('disposable_income_pc_urban'),
    personMedian(h, urban),
  );
  add(
    'medianRural',
    { zh: '农村中位数', en: 'Median, rural' },
    'disposable_income_median_rural',
    growth('disposable_income_pc_rural'),
    personMedian(h, rural),
  );
  add(
    'meanNational',
    { zh: '全国均值', en: 'Mean, national' },
    'disposable_income_pc_national',
    national,
    personMean(h, all),
  );
  add(
    'meanUrban',
    { zh: '城镇均值', en: 'Mean, urban' },
    'disposable_income_pc_urban',
    growth('disposable_income_pc_urban'),
    personMean(h, urban),
  );
  add(
    'meanRural',
    { zh: '农村均值', en: 'Mean, rural' },
    'disposable_income_pc_rural',
    growth('disposable_income_pc_rural'),
    personMean(h, rural),
  );
  return rows;
}

/** National values (all areas) of the baseline with every standard changed by `changePct` percent. */
export function standardChangeValues(
  households: HouseholdArrays,
  regions: RegionArrays,
  changePct: number,
  decile: Uint8Array = incomeDeciles(households),
): Record<MetricId, number> {
  // A cut needs "never lower" off, otherwise the rule keeps the current standards.
  const scenario = withParams(BASELINE_SCENARIO, {
    'standard.scalePct': changePct,
    ...(changePct < 0 ? { 'standard.neverLower': 0 } : {}),
  });
  const year = simulateYear(households, regions, resolveScenario(scenario, regions), {
    decile,
    householdColumns: false,
  });
  const table = aggregate(year, regions, 'national');
  const row = table.area.indexOf(2);
  const out = {} as Record<MetricId, number>;
  for (const [id, col] of Object.entries(table.values)) out[id as MetricId] = col[row];
  return out;
}

/** The full report for a dataset. */
export function modelValidationReport(households: HouseholdArrays, regions: RegionArrays): ModelValidationReport {
  const decile = incomeDeciles(households);
  const year = simulateYear(households, regions, resolveScenario(BASELINE_SCENARIO, regions), {
    decile,
    householdColumns: false,
  });
  const national = aggregate(year, regions, 'national');
  const levels = calibrationTable(national);
  const all = national.area.indexOf(2);
  const base = (id: MetricId): number => national.values[id][all];
  const runs = RESPONSE_CHANGES.map((c) => standardChangeValues(households, regions, c, decile));
  const responses = RESPONSE_CHECKS.map((check) => {
    const b = base(check.metric);
    return {
      ...check,
      baseline: b,
      cells: RESPONSE_CHANGES.map((changePct, k) => {
        const value = runs[k][check.metric];
        const elasticity = b > 0 ? (value / b - 1) / (changePct / 100) : 0;
        return {
          changePct,
          value,
          elasticity,
          plausible: elasticity >= check.range[0] && elasticity <= check.range[1],
        };
      }),
    };
  });
  return {
    levels,
    income: incomeChecks(households),
    responses,
    targeting: { exclusionRate: base('targeting.exclusionRate'), inclusionRate: base('targeting.inclusionRate') },
    changes: RESPONSE_CHANGES,
  };
}

const fmt = (x: number, digits = 0): string =>
  x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(1)}%`;
const scaled = (x: number, unit: string): string =>
  unit === 'persons' ? `${fmt(x / 1e4)} 万` : unit === 'yuan' ? `${fmt(x / 1e8, 1)} 亿元` : fmt(x, 3);

/** MODEL-VALIDATION.md: the report as Markdown, bilingual headings, numbers in 万人 / 亿元 / yuan. */
export function modelValidationMarkdown(report: ModelValidationReport, datasetLabel: string): string {
  const lines: string[] = [
    '# 模型验证报告 · Model validation report',
    '',
    `数据 / Data: ${datasetLabel}. 由 \`safetynet validate-model --markdown\` 生成 / written by \`safetynet validate-model --markdown\`; do not edit by hand.`,
    '',
    '## 1. 水平对照行政数据 · Levels against admin targets',
    '',
    '| 指标 Metric | 目标 Target | 模拟 Simulated | 差异 Difference | 容差 Tolerance | 来源 Source |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...report.levels.map(
      (r) =>
        `| ${r.label.zh} ${r.label.en} | ${fmt(r.target / r.scale, 1)} | ${fmt(r.simulated / r.scale, 1)} | ${pct(r.differencePct)}${r.withinTolerance ? '' : ' ✗'} | ±${r.tolerancePct}% | ${r.unit}; ${r.source} (${r.asOf}, ${r.confidence}) |`,
    ),
    '',
    '## 2. 调查收入分布对照国家统计局 · Survey income against NBS',
    '',
    'Five equal groups of households ranked by per-capita disposable income (as NBS publishes them); medians and means over persons. NBS 2023 figures uprated to 2024 by the 2023→2024 growth of the mean (national 41,314 / 39,218; urban and rural by their own means).',
    '',
    '| 指标 Statistic | NBS 2023 | 上调系数 Uprating | 参照 Reference | 数据 Data | 差异 Difference |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...report.income.map(
      (r) =>
        `| ${r.label.zh} ${r.label.en} | ${fmt(r.reference2023)} | ${r.uprating.toFixed(4)} | ${fmt(round(r.reference))} | ${fmt(round(r.simulated))} | ${pct(r.differencePct)}${r.withinTolerance ? '' : ' ✗'} |`,
    ),
    '',
    '## 3. 对统一调整标准的反应 · Responses to a uniform standard change',
    '',
    'Elasticity = (change of the quantity ÷ baseline) ÷ (change of the standard). A cut is run with "never lower" off. ✗ marks an elasticity outside the plausible range.',
    '',
    `| 指标 Quantity | 基线 Baseline | ${report.changes.map((c) => `${c > 0 ? '+' : ''}${c}%`).join(' | ')} | 合理范围 Plausible |`,
    `| --- | ---: | ${report.changes.map(() => '---:').join(' | ')} | --- |`,
    ...report.responses.map((r) => {
      const unit = r.metric.startsWith('cost') ? 'yuan' : 'persons';
      return `| ${r.label.zh} ${r.label.en} | ${scaled(r.baseline, unit)} | ${r.cells
        .map((c) => `${scaled(c.value, unit)} (ε ${c.elasticity.toFixed(2)})${c.plausible ? '' : ' ✗'}`)
        .join(' | ')} | ${r.range[0]} – ${r.range[1]} |`;
    }),
    '',
    ...report.responses.map((r) => `- **${r.label.zh} ${r.label.en}**: ${r.reason.zh} ${r.reason.en}`),
    '',
    '## 4. 瞄准（按调查收入）· Targeting against survey income',
    '',
    `Baseline exclusion error (survey-poor persons without cash assistance): ${(report.targeting.exclusionRate * 100).toFixed(1)}%; inclusion error (cash recipients with survey income at or above the standard): ${(report.targeting.inclusionRate * 100).toFixed(1)}%. Both depend on the assessed-income error model (\`takeup.assessedBias\`, \`takeup.assessedNoise\`): eligibility uses assessed income, this measurement uses survey income.`,
    '',
  ];
  return lines.join('\n');
}
