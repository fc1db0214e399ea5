// Adapters from the engine's columnar summary tables (sim SummaryTable) to export tables: every metric with its
// bilingual label and unit, one row per region × area, and the engine's row suppression carried to every cell that
// could disclose a small group (all numbers of a suppressed row, the sample count included).
import type { SummaryTable, MetricId, MetricUnit } from '../../../sim/index.ts';
import { COMBINED_METRICS, SUM_METRICS, RATE_METRICS } from '../../../sim/index.ts';
import type { Quantity } from '../format/units.ts';
import type { ExportColumn, ExportTable, CellValue } from './table.ts';
import type { Text } from './text.ts';

/** One metric as the exports describe it. */
export interface MetricInfo {
  id: MetricId;
  label: Text;
  quantity: Quantity;
}

const UNIT_QUANTITY: Record<MetricUnit, Quantity> = {
  households: 'households',
  persons: 'persons',
  yuan: 'money',
  events: 'personTimes',
  share: 'share',
  'yuan/household': 'householdAnnual',
  'yuan/person/month': 'monthly',
};

/** Every engine metric (sums then rates) with label and display quantity; the sample count is a plain count. */
export const METRICS: readonly MetricInfo[] = [...SUM_METRICS, ...RATE_METRICS].map(([id, zh, en, unit]) => ({
  id,
  label: { zh, en },
  quantity: id === 'sample' ? 'count' : UNIT_QUANTITY[unit],
}));

/** The combined metrics (dibao + tekun persons, …): described for the tables that name them, not in full exports. */
const COMBINED_INFO: readonly MetricInfo[] = COMBINED_METRICS.map(([id, zh, en, unit]) => ({
  id,
  label: { zh, en },
  quantity: UNIT_QUANTITY[unit],
}));

/** Looks up a metric's description. */
export function metricInfo(id: MetricId): MetricInfo {
  const info = METRICS.find((metric) => metric.id === id) ?? COMBINED_INFO.find((metric) => metric.id === id);
  if (!info) throw new Error(`unknown metric ${id}`);
  return info;
}

/** Area names of summary rows: 0 urban, 1 rural, 2 both. */
export const AREA_LABELS: readonly Text[] = [
  { zh: '城市', en: 'Urban' },
  { zh: '农村', en: 'Rural' },
  { zh: '城乡合计', en: 'Urban and rural' },
];

/** Options of `summaryToExportTable`. */
export interface SummaryExportOptions {
  id: string;
  title: Text;
  /** Metrics to include, in order (default: all). */
  metrics?: readonly MetricId[];
  /** Keep only rows of these areas (default: all rows of the table). */
  areas?: readonly number[];
  /** Threshold stated for national tables, which the engine does not suppress (default: the table's own). */
  minCell?: number;
}

/**
 * Converts an engine summary table to an export table. Sub-national tables must have been through the engine's
 * disclosure control (`applyPattern` in sim/run, minCell > 0); a table that was not is refused rather than exported
 * unprotected.
 */
export function summaryToExportTable(table: SummaryTable, options: SummaryExportOptions): ExportTable {
  const subnational = table.level !== 'national';
  if (subnational && !(table.minCell > 0)) {
    throw new Error(`table ${options.id}: sub-national summary has not been through disclosure control (applyPattern)`);
  }
  const metrics = (options.metrics ?? METRICS.map((metric) => metric.id)).map(metricInfo);
  const columns: ExportColumn[] = [
    { key: 'code', label: { zh: '地区代码', en: 'Region code' } },
    { key: 'region', label: { zh: '地区', en: 'Region' } },
    { key: 'area', label: { zh: '城乡', en: 'Area' } },
    ...metrics.map((metric) => ({ key: metric.id, label: metric.label, quantity: metric.quantity })),
  ];
  const rows: CellValue[][] = [];
  const suppressed: boolean[][] = [];
  for (let r = 0; r < table.rows; r++) {
    if (options.areas && !options.areas.includes(table.area[r])) continue;
    const hidden = subnational && table.suppressed[r] === 1;
    const row: CellValue[] = [table.code[r], { zh: table.nameZh[r], en: table.nameEn[r] }, AREA_LABELS[table.area[r]]];
    for (const metric of metrics) row.push(hidden ? null : table.values[metric.id][r]);
    rows.push(row);
    suppressed.push(columns.map((_, c) => hidden && c >= 3));
  }
  return {
    id: options.id,
    title: options.title,
    columns,
    rows,
    subnational,
    suppressed: subnational ? suppressed : undefined,
    minCell: table.minCell > 0 ? table.minCell : (options.minCell ?? 0),
  };
}
