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
  getParamDef,
  assessedFactor,
  assessmentNormal,
} from '../sim/index.ts';
import { calibrationTable } from './calibration.ts';
import type { CalibrationRow } from './calibration.ts';
import { nationalTarget, nationalTargetAsOf } from './reference/reference-data.ts';
import type { Bilingual } from '../sim/index.ts';

/** One income statistic of the data beside its NBS reference (uprated to the demo year). */
export interface IncomeCheckRow {
  id: string;
  label: Bilingual;
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
  label: Bilingual;
  baseline: number;
  cells: ResponseCell[];
  range: [number, number];
  reason: Bilingual;
}

/** The whole report. */
export interface ModelValidationReport {
  levels: CalibrationRow[];
  income: IncomeCheckRow[];
  responses: ResponseRow[];
  /** Baseline targeting against survey income (depends on the assessed-income error model). */
  targeting: { exclusionRate: number; inclusionRate: number };
  /**
   * Shares of persons whose per-capita income is below their local dibao standard, by survey income and by assessed
   * income at the default error model, for urban, rural and all (the pool that widening monitoring to 1 × standard
   * reaches), beside the share monitored in the baseline.
   */
  belowStandard: { survey: [number, number, number]; assessed: [number, number, number]; monitored: number };
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
    range: [-3, 1],
    reason: {
      zh: '刚性支出认定的收入线取决于当地人均收入而非低保标准，只因优先级（先低保、边缘）而变化，故为负；但支出条件（刚性支出超过家庭收入的一定比例）在收入刚高于 1.5×标准处最易满足，符合者集中在边缘带上方，标准上调 10% 会把其中约五分之一划入边缘带，弹性可低至 −2 到 −3。',
      en: 'The rigid-expenditure income line depends on local mean income, not the standard; it moves only through precedence (dibao and marginal first), so negative. But the spending test (rigid spending above a share of household income) is met most easily just above 1.5 × standard, so qualifying households crowd there: a 10% rise moves about a fifth of them into the marginal band, an elasticity down to −2 or −3.',
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

/**
 * Median of per-capita survey income as NBS defines it: the per-capita income of the middle survey household when all
 * households (weighted) are ranked by per-capita income (NBS, first release of medians, 2012-01-20: "将所有被调查户按人均
 * 收入水平从低到高顺序排列，处于最中间位置的被调查户的人均收入"), among households with `keep(i)`.
 */
export function householdMedian(h: HouseholdArrays, keep: (i: number) => boolean): number {
  const idx: number[] = [];
  let total = 0;
  for (let i = 0; i < h.count; i++) {
    if (!keep(i)) continue;
    idx.push(i);
    total += h.weight[i];
  }
  idx.sort((a, b) => h.incomePc[a] - h.incomePc[b]);
  let cum = 0;
  for (const i of idx) {
    cum += h.weight[i];
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
  const add = (id: string, label: Bilingual, metric: string, uprating: number, simulated: number): void => {
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
    householdMedian(h, all),
  );
  add(
    'medianUrban',
    { zh: '城镇中位数', en: 'Median, urban' },
    'disposable_income_median_urban',
    growth('disposable_income_pc_urban'),
    householdMedian(h, urban),
  );
  add(
    'medianRural',
    { zh: '农村中位数', en: 'Median, rural' },
    'disposable_income_median_rural',
    growth('disposable_income_pc_rural'),
    householdMedian(h, rural),
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

/** Shares of persons below their local standard by survey and by assessed income (default error model). */
export function belowStandardShares(
  h: HouseholdArrays,
  regions: RegionArrays,
): { survey: [number, number, number]; assessed: [number, number, number] } {
  const bias = getParamDef('takeup.assessedBias')?.default ?? 0;
  const noise = getParamDef('takeup.assessedNoise')?.default ?? 0;
  const persons = [0, 0, 0];
  const survey = [0, 0, 0];
  const assessed = [0, 0, 0];
  for (let i = 0; i < h.count; i++) {
    const c = (h.region[i] << 1) | h.area[i];
    const line = regions.standard[c] * 12;
    const w = h.weight[i] * h.size[i];
    const z = assessmentNormal(h.incomePc[i], h.earningsPc[i], h.size[i]);
    const a = h.incomePc[i] * assessedFactor(z, bias, noise);
    for (const k of [h.area[i], 2]) {
      persons[k] += w;
      if (h.incomePc[i] < line) survey[k] += w;
      if (a < line) assessed[k] += w;
    }
  }
  const share = (x: number[]): [number, number, number] => [0, 1, 2].map((k) => x[k] / persons[k]) as never;
  return { survey: share(survey), assessed: share(assessed) };
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
    belowStandard: {
      ...belowStandardShares(households, regions),
      monitored: base('monitored.persons') / base('persons'),
    },
    changes: RESPONSE_CHANGES,
  };
}

const fmt = (x: number, digits = 0): string =>
  x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(1)}%`;
const share = (x: number): string => `${(x * 100).toFixed(1)}%`;
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
    'Five equal groups of households ranked by per-capita disposable income, each group’s income over its persons (as NBS publishes them); medians are the per-capita income of the middle household (NBS’s definition), means are over persons. NBS 2023 figures uprated to 2024 by the 2023→2024 growth of the mean (national 41,314 / 39,218; urban and rural by their own means). NBS’s national mean is not the urbanisation-weighted average of its urban and rural means (it implies an urban weight of 58%, against 66–67% urbanisation), so a population with the official urbanisation cannot meet all three: the demo sits between them (see datasets/generate/generate.ts).',
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
    `Baseline exclusion error (survey-poor persons without cash assistance): ${(report.targeting.exclusionRate * 100).toFixed(1)}%; inclusion error (cash recipients with survey income at or above the standard): ${(report.targeting.inclusionRate * 100).toFixed(1)}%. Both depend on the assessed-income error model (\`takeup.assessedBias\`, \`takeup.assessedNoise\`): eligibility uses assessed income, this measurement uses survey income. Survey studies find both errors large (the majority of the income-poor outside dibao; sources in the catalogue entries of these parameters). The inclusion error stays near the low end because the demo's financial assets are proportional to survey income, so the asset test screens again on survey income.`,
    '',
    `Persons below their local standard: survey income ${share(report.belowStandard.survey[2])} of the population (urban ${share(report.belowStandard.survey[0])}, rural ${share(report.belowStandard.survey[1])}); assessed income ${share(report.belowStandard.assessed[2])} (urban ${share(report.belowStandard.assessed[0])}, rural ${share(report.belowStandard.assessed[1])}); monitored in the baseline ${share(report.belowStandard.monitored)} (MCA: 5.7% at the end of 2024). Widening monitoring to 1 × standard reaches this assessed pool, so it roughly doubles the monitored population: what the NBS distribution implies (the bottom fifth of households averages ${fmt(round(report.income[0].reference))} yuan a year in 2024 terms, against average standards of about ${fmt(Math.round(nationalTarget('dibao_standard_avg_urban_est').value * 12), 0)} urban and ${fmt(Math.round(nationalTarget('dibao_standard_avg_rural_est').value * 12), 0)} rural, MCA 2022 extrapolated), not a cliff. The platform's 5.7% is a registry, not everyone below the line; urban dibao covers about 0.7% of urban residents while ${share(report.belowStandard.survey[0])} have survey income below the urban standard, and the demo keeps them off dibao with a scaled asset test (datasets/generate/generate.ts) standing in for the local-hukou requirement and the income imputed to able-bodied members, which the rules do not model.`,
    '',
  ];
  return lines.join('\n');
}
