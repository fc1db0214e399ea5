// The projection's Monte Carlo intervals and its thin-cell warning as terminal text for `safetynet run`: national
// (or the scope's) cash (dibao + tekun) and dibao persons and total cost per year as p5 · p50 · p95, the sources line, and the cells whose
// sample is too small for year-to-year changes to be read (sim/projection/thin-cells.ts).
import {
  AREA_ALL,
  cellSampleSizes,
  describeMcSources,
  projectionInterval,
  scopeAreaIndex,
  scopeName,
  thinCellWarning,
  thinRows,
} from '../../sim/index.ts';
import type { HouseholdArrays, ProjectionMcSummary, RegionArrays, RunScope, SummaryTable } from '../../sim/index.ts';
import { formatNumber, formatTextTable } from './text-table.ts';
import type { Bilingual } from '../../sim/index.ts';

/** The scope's (or the nation's) intervals per year as a table, with the sources line below. */
export function projectionMcText(regions: RegionArrays, scope: RunScope, summary: ProjectionMcSummary): string {
  const area = scopeAreaIndex(scope);
  const name = scopeName(regions, scope);
  const cash = projectionInterval(summary, 'persons.cash', scope.province, area);
  const persons = projectionInterval(summary, 'persons.dibao', scope.province, area);
  const cost = projectionInterval(summary, 'cost.total', scope.province, area);
  const band = (v: { p5: number; p50: number; p95: number }, d: number) =>
    Number.isNaN(v.p50)
      ? '—'
      : `${formatNumber(v.p5 / d, 2)} · ${formatNumber(v.p50 / d, 2)} · ${formatNumber(v.p95 / d, 2)}`;
  const body = summary.years.map((year, k) => [
    String(year),
    band(cash[k], 1e4),
    band(persons[k], 1e4),
    band(cost[k], 1e8),
  ]);
  const sources = describeMcSources(summary.sources);
  return [
    `预测蒙特卡洛 ${summary.replications} 次（${name.zh}）/ Projection Monte Carlo, ${summary.replications} replications (${name.en}): p5 · p50 · p95`,
    formatTextTable(
      ['年份 Year', '低保+特困 dibao + tekun (万)', '低保人数 dibao (万)', '总支出 cost (亿元)'],
      body,
      [1, 2, 3],
    ),
    `  不确定性来源 / Uncertainty sources: ${sources.zh}`,
    `  ${sources.en}`,
  ].join('\n');
}

/**
 * The warning for cells whose sample is too small for year-to-year changes to be read: the scope's own row, or for a
 * national run every thin province × area (`table`: any province-level table of the run). Undefined when none.
 */
export function thinCellText(
  households: HouseholdArrays,
  regions: RegionArrays,
  scope: RunScope,
  table: SummaryTable,
): string | undefined {
  const flags = thinRows(table, regions, cellSampleSizes(households, regions));
  const area = scopeAreaIndex(scope);
  const names: Bilingual[] = [];
  for (let row = 0; row < table.rows; row++) {
    if (flags[row] !== 1) continue;
    if (scope.province === undefined ? table.area[row] === AREA_ALL : table.code[row] !== scope.province) continue;
    if (scope.province !== undefined && table.area[row] !== area) continue;
    const rowArea = table.area[row];
    names.push(
      scopeName(regions, {
        province: table.code[row],
        ...(rowArea === 0 ? { area: 'urban' as const } : rowArea === 1 ? { area: 'rural' as const } : {}),
      }),
    );
  }
  const warning = thinCellWarning(names);
  return warning === undefined ? undefined : `注意 / Note: ${warning.zh}\n${warning.en}`;
}
