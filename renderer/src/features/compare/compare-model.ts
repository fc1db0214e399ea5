// Pure logic of the compare screen: which parameters differ between 2–4 scenarios (effective national values,
// per-region settings and other scenario fields), and the indicators compared side by side with their differences
// against the first scenario. Every figure comes from the engine's comparisons.
import { PARAM_CATALOGUE, getParamDef, parseScenario } from '../../../../sim/index.ts';
import type { ParamDef, MetricId } from '../../../../sim/index.ts';
import { PARAM_UNIT_TEXT, scenarioParameterRows } from '../../exports/scenario-parameters.ts';
import type { ParameterRow, ParameterValue } from '../../exports/parameters.ts';
import type { Text } from '../../exports/text.ts';
import type { Quantity } from '../../format/units.ts';
import type { YearComparison } from '../../services/engine/engine-calls.ts';
import { explicitParamValue, getParamValue } from '../scenario/param-form.ts';
import type { JsonValue } from '../scenario/param-form.ts';
import { HEADLINES, headlineValue, metric, nationalRow } from '../results/result-model.ts';

/** One parameter (or scenario setting) whose value differs between the compared scenarios. */
export interface ParamDifference {
  /** Unique key: the catalogue id (national parameters) or the setting's id and the region it applies to. */
  path: string;
  /** What the reader sees: the parameter's name and unit, and where it applies ('' = national). */
  label: Text;
  unit: Text;
  scope: string;
  /** Catalogue definition for parameters (national or per region); absent for other settings. */
  def?: ParamDef;
  /** Value in each scenario (null when the scenario does not set it). */
  values: (ParameterValue | null)[];
  /** Whether each scenario sets the value explicitly. */
  explicit: boolean[];
}

/**
 * Lists every parameter and scenario setting whose effective value is not the same in all documents: national
 * parameters by name, then per-region settings, absolute standards, disaster and projection settings one row each
 * (as the exports list them), so the reader sees "农村比例, 62 农村: 40%" rather than a JSON path.
 */
export function paramDifferences(documents: readonly JsonValue[]): ParamDifference[] {
  const out: ParamDifference[] = [];
  const catalogue = PARAM_CATALOGUE as readonly ParamDef[];
  for (const def of catalogue) {
    const values = documents.map((d) => getParamValue(d, def.id));
    if (values.every((v) => v === values[0])) continue;
    out.push({
      path: `params.${def.id}`,
      label: { zh: def.labelZh, en: def.labelEn },
      unit: PARAM_UNIT_TEXT[def.unit],
      scope: '',
      def,
      values,
      explicit: documents.map((d) => explicitParamValue(d, def.id) !== undefined),
    });
  }
  const settings = documents.map((d) => {
    const parsed = parseScenario(d);
    return parsed.ok
      ? scenarioParameterRows(parsed.scenario).filter((row) => row.scope !== '' || !isCatalogue(row.id))
      : [];
  });
  const keys: string[] = [];
  for (const rows of settings) for (const row of rows) if (!keys.includes(keyOf(row))) keys.push(keyOf(row));
  for (const key of keys) {
    const found = settings.map((rows) => rows.find((row) => keyOf(row) === key));
    const values = found.map((row) => row?.scenario ?? null);
    if (values.every((v) => v === values[0])) continue;
    const first = found.find((row) => row !== undefined)!;
    out.push({
      path: key,
      label: first.label,
      unit: first.unit,
      scope: first.scope,
      def: isCatalogue(first.id) ? getParamDef(first.id) : undefined,
      values,
      explicit: values.map((v) => v !== null),
    });
  }
  return out;
}

function isCatalogue(id: string): boolean {
  return getParamDef(id) !== undefined;
}

function keyOf(row: ParameterRow): string {
  return `${row.id}@${row.scope}`;
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
