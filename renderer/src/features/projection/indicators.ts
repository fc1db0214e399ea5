// The projection's indicators: what each line means, its unit (quantity) and its bilingual name. The values come from
// the engine's year-by-year panel (see projection-data.ts); nothing here computes a number.
import type { Quantity } from '../../format/units.ts';

export type IndicatorId =
  | 'cashPersons'
  | 'dibaoPersons'
  | 'tekunPersons'
  | 'lowIncomePersons'
  | 'costNominal'
  | 'costReal'
  | 'costCentral'
  | 'costLocal'
  | 'coverageCash'
  | 'coverageLowIncome'
  | 'monitoredPersons'
  | 'coverageMonitored';

export interface IndicatorDef {
  id: IndicatorId;
  quantity: Quantity;
  zh: string;
  en: string;
}

/** Every projection indicator, in table column order. */
export const INDICATORS: readonly IndicatorDef[] = [
  { id: 'cashPersons', quantity: 'persons', zh: '现金救助人数（低保+特困）', en: 'Cash assistance (dibao + tekun)' },
  { id: 'dibaoPersons', quantity: 'persons', zh: '低保人数', en: 'Dibao persons' },
  { id: 'tekunPersons', quantity: 'persons', zh: '特困人数', en: 'Tekun persons' },
  { id: 'lowIncomePersons', quantity: 'persons', zh: '低收入人口覆盖', en: 'Low-income population covered' },
  { id: 'costNominal', quantity: 'money', zh: '年度支出（名义）', en: 'Annual cost (nominal)' },
  { id: 'costReal', quantity: 'money', zh: '年度支出（实际，基年价格）', en: 'Annual cost (real, base-year prices)' },
  { id: 'costCentral', quantity: 'money', zh: '中央补助（名义）', en: 'Central subsidy (nominal)' },
  { id: 'costLocal', quantity: 'money', zh: '地方负担（名义）', en: 'Local share (nominal)' },
  { id: 'coverageCash', quantity: 'share', zh: '现金救助覆盖率', en: 'Cash assistance coverage' },
  { id: 'coverageLowIncome', quantity: 'share', zh: '低收入人口覆盖率', en: 'Low-income coverage' },
  { id: 'monitoredPersons', quantity: 'persons', zh: '动态监测人数', en: 'Persons monitored' },
  { id: 'coverageMonitored', quantity: 'share', zh: '动态监测覆盖率', en: 'Monitored share' },
];

/** Looks up an indicator definition by id. */
export function indicatorDef(id: IndicatorId): IndicatorDef {
  const found = INDICATORS.find((indicator) => indicator.id === id);
  if (!found) throw new Error(`unknown indicator ${id}`);
  return found;
}

/** The three chart panels of the screen and the indicators each can show. */
export const CHART_GROUPS = [
  { id: 'caseload', options: ['cashPersons', 'dibaoPersons', 'tekunPersons', 'lowIncomePersons', 'monitoredPersons'] },
  { id: 'cost', options: ['costNominal', 'costReal', 'costCentral', 'costLocal'] },
  { id: 'coverage', options: ['coverageCash', 'coverageLowIncome', 'coverageMonitored'] },
] as const satisfies readonly { id: string; options: readonly IndicatorId[] }[];

export type ChartGroupId = (typeof CHART_GROUPS)[number]['id'];
