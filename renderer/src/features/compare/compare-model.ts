// Pure logic of the compare screen: which parameters differ between 2–4 scenarios (effective national values,
// per-region settings and other scenario fields), and the indicators compared side by side with their differences
// against the first scenario. Every figure comes from the engine's comparisons.
import { PARAM_CATALOGUE } from '../../../../sim/params/catalogue.ts';
import type { ParamDef } from '../../../../sim/params/types.ts';
import type { MetricId } from '../../../../sim/kernel/metrics.ts';
import type { Quantity } from '../../format/units';
import type { YearComparison } from '../../services/engine/engine-calls';
import { asObject, explicitParamValue, getParamValue } from '../scenario/param-form';
import type { JsonValue } from '../scenario/param-form';
import { HEADLINES, headlineValue, metric, nationalRow } from '../results/result-model';

/** One parameter (or scenario field) whose value differs between the compared scenarios. */
export interface ParamDifference {
  /** Scenario document path, e.g. `params.standard.consumptionRatioRural` or `regionOverrides`. */
  path: string;
  /** Catalogue definition for parameters; absent for structural fields. */
  def?: ParamDef;
  /** Effective value in each scenario (numbers for parameters, JSON text for other fields, null when absent). */
  values: (number | string | null)[];
  /** Whether each scenario sets the value explicitly (parameters only). */
  explicit: boolean[];
}

const STRUCTURAL_FIELDS = ['regionOverrides', 'standardOverrides', 'disaster', 'projection', 'monteCarlo'] as const;

/** Lists every parameter and scenario field whose effective value is not the same in all documents. */
export function paramDifferences(documents: readonly JsonValue[]): ParamDifference[] {
  const out: ParamDifference[] = [];
  for (const def of PARAM_CATALOGUE as readonly ParamDef[]) {
    const values = documents.map((d) => getParamValue(d, def.id));
    if (values.every((v) => v === values[0])) continue;
    out.push({
      path: `params.${def.id}`,
      def,
      values,
      explicit: documents.map((d) => explicitParamValue(d, def.id) !== undefined),
    });
  }
  for (const field of STRUCTURAL_FIELDS) {
    const values = documents.map((d) => {
      const value = asObject(d)[field];
      return value === undefined ? null : JSON.stringify(value);
    });
    if (values.every((v) => v === values[0])) continue;
    out.push({ path: field, values, explicit: values.map((v) => v !== null) });
  }
  return out;
}

/** An indicator of the compare table: bilingual label, quantity and how to read it from a comparison. */
export interface CompareIndicator {
  id: string;
  zh: string;
  en: string;
  quantity: Quantity;
  read: (comparison: YearComparison) => number;
}

function national(id: MetricId): (comparison: YearComparison) => number {
  return (c) => metric(c.scenario.national, id, nationalRow(c.scenario.national));
}

/** Every headline indicator plus the main caseload, cost, targeting and poverty figures. */
export const COMPARE_INDICATORS: readonly CompareIndicator[] = [
  ...HEADLINES.map((h) => ({
    id: h.id,
    zh: h.zh,
    en: h.en,
    quantity: h.quantity,
    read: (c: YearComparison) => headlineValue(c.scenario, h),
  })),
  {
    id: 'households.dibao',
    zh: '低保家庭',
    en: 'Dibao households',
    quantity: 'households',
    read: national('households.dibao'),
  },
  {
    id: 'persons.marginal',
    zh: '低保边缘人数',
    en: 'Marginal persons',
    quantity: 'persons',
    read: national('persons.marginal'),
  },
  {
    id: 'persons.rigid',
    zh: '刚性支出困难人数',
    en: 'Rigid-expenditure persons',
    quantity: 'persons',
    read: national('persons.rigid'),
  },
  {
    id: 'cost.central',
    zh: '中央财政负担',
    en: 'Central share of cost',
    quantity: 'money',
    read: national('cost.central'),
  },
  { id: 'cost.local', zh: '地方财政负担', en: 'Local share of cost', quantity: 'money', read: national('cost.local') },
  {
    id: 'coverage.lowIncome',
    zh: '低收入人口覆盖率',
    en: 'Low-income coverage',
    quantity: 'share',
    read: national('coverage.lowIncome'),
  },
  {
    id: 'exclusion.rate',
    zh: '漏保率',
    en: 'Exclusion error rate',
    quantity: 'share',
    read: national('exclusion.rate'),
  },
  {
    id: 'inclusion.persons',
    zh: '错保人数',
    en: 'Inclusion error persons',
    quantity: 'persons',
    read: national('inclusion.persons'),
  },
  {
    id: 'poverty.postRate',
    zh: '转移后贫困发生率',
    en: 'Poverty rate after transfers',
    quantity: 'share',
    read: national('poverty.postRate'),
  },
  {
    id: 'poverty.gapClosed',
    zh: '救助弥合的贫困缺口比例',
    en: 'Share of poverty gap closed',
    quantity: 'share',
    read: national('poverty.gapClosed'),
  },
];

/** One row of the compare table: an indicator's value in each scenario and its difference from the first. */
export interface CompareRow {
  indicator: CompareIndicator;
  values: number[];
  differences: number[];
}

/** Values of every indicator for each scenario (in order) and the differences against the first scenario. */
export function compareRows(comparisons: readonly YearComparison[]): CompareRow[] {
  return COMPARE_INDICATORS.map((indicator) => {
    const values = comparisons.map((c) => indicator.read(c));
    return { indicator, values, differences: values.map((v) => v - values[0]) };
  });
}
