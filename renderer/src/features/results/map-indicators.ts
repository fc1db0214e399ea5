// The indicators the province tile map can be coloured by: each reads one engine figure of a region row, says its
// display quantity and whether it is a level (sequential colours) or a change (diverging colours).
import type { Quantity } from '../../format/units.ts';
import type { ColourScale } from './province-tiles.ts';
import type { RegionRow } from './result-model.ts';

/** One selectable map indicator. */
export interface MapIndicator {
  id: string;
  zh: string;
  en: string;
  quantity: Quantity;
  scale: ColourScale;
  read: (row: RegionRow) => number;
}

/** Map indicators, levels and changes. */
export const MAP_INDICATORS: readonly MapIndicator[] = [
  {
    id: 'coverage',
    zh: '现金救助覆盖率',
    en: 'Cash coverage',
    quantity: 'share',
    scale: 'sequential',
    read: (r) => r.coverage,
  },
  {
    id: 'dCoverage',
    zh: 'Δ 现金救助覆盖率',
    en: 'Δ cash coverage',
    quantity: 'share',
    scale: 'diverging',
    read: (r) => r.dCoverage,
  },
  {
    id: 'cashPersons',
    zh: '现金救助人数',
    en: 'Cash recipients',
    quantity: 'persons',
    scale: 'sequential',
    read: (r) => r.cashPersons,
  },
  {
    id: 'dCashPersons',
    zh: 'Δ 现金救助人数',
    en: 'Δ cash recipients',
    quantity: 'persons',
    scale: 'diverging',
    read: (r) => r.dCashPersons,
  },
  { id: 'cost', zh: '年度支出', en: 'Annual cost', quantity: 'money', scale: 'sequential', read: (r) => r.cost },
  { id: 'dCost', zh: 'Δ 年度支出', en: 'Δ annual cost', quantity: 'money', scale: 'diverging', read: (r) => r.dCost },
  {
    id: 'lowIncomeCoverage',
    zh: '低收入人口覆盖率',
    en: 'Low-income coverage',
    quantity: 'share',
    scale: 'sequential',
    read: (r) => r.lowIncomeCoverage,
  },
  {
    id: 'standard',
    zh: '平均低保标准',
    en: 'Average dibao standard',
    quantity: 'monthly',
    scale: 'sequential',
    read: (r) => r.standard,
  },
  {
    id: 'dStandard',
    zh: 'Δ 平均低保标准',
    en: 'Δ average dibao standard',
    quantity: 'monthly',
    scale: 'diverging',
    read: (r) => r.dStandard,
  },
  {
    id: 'exclusionRate',
    zh: '漏保率',
    en: 'Exclusion rate',
    quantity: 'share',
    scale: 'sequential',
    read: (r) => r.exclusionRate,
  },
];

/** The value a tile shows: NaN when the row is missing or suppressed (sample below `minCell`). */
export function tileValue(row: RegionRow | undefined, indicator: MapIndicator, minCell: number): number {
  if (!row || !(row.sample >= minCell)) return Number.NaN;
  return indicator.read(row);
}
