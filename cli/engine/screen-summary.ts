// The summary shown on screen after a run: key national figures in 万/亿 units, baseline, scenario and difference.
import type { MetricId, SummaryTable } from '../../sim/index.ts';
import { formatNumber, formatTextTable } from '../output/text-table.ts';
import { METRIC_IDS, nationalRow } from './tables.ts';
import type { Bilingual } from '../../sim/index.ts';

type Unit = 'persons' | 'households' | 'yuan' | 'share' | 'events';

/** The metrics on the screen summary, with bilingual labels and display unit. */
export const SCREEN_METRICS: readonly [MetricId, string, string, Unit][] = [
  ['persons.dibao', '低保人数', 'Dibao persons', 'persons'],
  ['households.dibao', '低保户数', 'Dibao households', 'households'],
  ['persons.tekun', '特困人数', 'Tekun persons', 'persons'],
  ['persons.marginal', '低保边缘人数', 'Marginal persons', 'persons'],
  ['persons.rigid', '刚性支出困难人数', 'Rigid-expenditure persons', 'persons'],
  ['entrants.persons', '新纳入人数', 'New entrants', 'persons'],
  ['monitored.persons', '监测人数', 'Monitored persons', 'persons'],
  ['temporary.personTimes', '临时救助人次', 'Temporary assistance person-times', 'events'],
  ['cost.total', '总支出', 'Total cost', 'yuan'],
  ['cost.base', '低保差额补助', 'Dibao base benefit', 'yuan'],
  ['cost.tekunLiving', '特困基本生活', 'Tekun basic living', 'yuan'],
  ['cost.temporary', '临时救助支出', 'Temporary assistance cost', 'yuan'],
  ['cost.orphanAllowance', '孤儿基本生活费', 'Orphan basic living allowance', 'yuan'],
  ['cost.central', '中央财政负担', 'Central share', 'yuan'],
  ['coverage.cash', '现金救助覆盖率', 'Cash coverage', 'share'],
  ['exclusion.rate', '漏保率', 'Exclusion error rate', 'share'],
  ['poverty.postRate', '转移后贫困发生率', 'Poverty rate after transfers', 'share'],
  ['poverty.postGap', '转移后贫困缺口', 'Poverty gap after transfers', 'yuan'],
];

const UNIT_TEXT: Record<Unit, string> = {
  persons: '万人 / 10k',
  households: '万户 / 10k',
  events: '万人次 / 10k',
  yuan: '亿元 / 100M yuan',
  share: '%',
};

/** A value in its display unit: 万 for people and events, 亿元 for money, percent for shares. */
export function displayValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return '—';
  switch (unit) {
    case 'persons':
    case 'households':
    case 'events':
      return formatNumber(value / 1e4, 1);
    case 'yuan':
      return formatNumber(value / 1e8, 1);
    case 'share':
      return formatNumber(value * 100, 2);
  }
}

/**
 * The national summary of one year as a terminal table (baseline, scenario and Δ columns when comparing); with
 * `povertyLine` (from `povertyLineText`), a line under the table names the line poverty is measured against.
 */
export function screenSummary(
  year: number,
  scenario: SummaryTable,
  baseline: SummaryTable | undefined,
  povertyLine?: Bilingual,
): string {
  const rs = nationalRow(scenario);
  const rb = baseline === undefined ? 0 : nationalRow(baseline);
  const rows = SCREEN_METRICS.map(([id, zh, en, unit]) => {
    const v = scenario.values[id][rs];
    const cells = [`${zh} / ${en}`, UNIT_TEXT[unit]];
    if (baseline === undefined) return [...cells, displayValue(v, unit)];
    const b = baseline.values[id][rb];
    return [...cells, displayValue(b, unit), displayValue(v, unit), displayValue(v - b, unit)];
  });
  const header =
    baseline === undefined
      ? [`${year} 全国 / National`, '单位 / Unit', '基线 / Baseline']
      : [`${year} 全国 / National`, '单位 / Unit', '基线 / Baseline', '情景 / Scenario', '差额 / Δ'];
  const numeric = baseline === undefined ? [2] : [2, 3, 4];
  const table = formatTextTable(header, rows, numeric);
  if (povertyLine === undefined) return table;
  return `${table}\n贫困线 / Poverty line: ${povertyLine.zh} / ${povertyLine.en}`;
}

/** National totals of one summary table as a flat object (for --json), keyed by metric id. */
export function nationalValues(table: SummaryTable): Record<string, number> {
  const r = nationalRow(table);
  const out: Record<string, number> = {};
  for (const id of METRIC_IDS) out[id] = table.values[id][r];
  return out;
}
