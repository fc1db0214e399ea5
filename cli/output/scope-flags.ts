// The provincial planner's flags shared by `run` and `solve budget` (--province CODE, --area urban|rural|both), and
// the projection of one scope as a terminal table and as JSON rows, read through the engine's one definition of a
// scope (sim/run/scope.ts): levels, change against the baseline and cumulative multi-year cost.
import { isNationalScope, scopeError, scopeName, scopedProjection } from '../../sim/index.ts';
import type { MetricId, RegionArrays, RunScope, ScopeTables, ScopedYear } from '../../sim/index.ts';
import { choiceOption, stringOption } from '../args.ts';
import type { ParsedArgs } from '../args.ts';
import { usageError } from '../errors.ts';
import { formatNumber, formatTextTable } from './text-table.ts';

/** The option definitions of the scope flags (for `parseCommandArgs`). */
export const SCOPE_OPTIONS = {
  province: { type: 'string' },
  area: { type: 'string' },
} as const;

/** Help lines of the scope flags. */
export const SCOPE_HELP = `      --province CODE    只看一个省（两位省级代码，如 43 湖南）/ one province only (two-digit code, e.g. 43 Hunan)
      --area A           urban、rural 或 both（默认）：只看城市或农村 / urban, rural or both (default)`;

/** The scope the flags ask for (not yet checked against the data). */
export function scopeFromArgs(args: ParsedArgs): RunScope {
  const province = stringOption(args, 'province');
  const area = choiceOption(args, 'area', ['urban', 'rural', 'both'] as const, 'both');
  return {
    ...(province !== undefined ? { province } : {}),
    ...(area !== 'both' ? { area } : {}),
  };
}

/** Refuses a province the dataset does not have (exit 2), naming the flag and the provinces it has. */
export function assertScope(regions: RegionArrays, scope: RunScope): void {
  const wrong = scopeError(regions, scope);
  if (wrong) throw usageError(`--province：${wrong.zh}`, `--province: ${wrong.en}`);
}

const METRICS: readonly MetricId[] = [
  'persons.dibao',
  'persons.tekun',
  'persons.marginal',
  'cost.total',
  'cost.central',
  'cost.local',
];

/** One year of a scope's projection as machine-readable values (yuan and persons): sim's scoped year. */
export type ScopedRow = ScopedYear;

/** The scope's projection rows for --json and results.json. */
export function scopedRows(
  years: readonly { year: number; scenario: ScopeTables; baseline: ScopeTables }[],
  scope: RunScope,
): ScopedRow[] {
  return scopedProjection(years, scope, METRICS);
}

/** The scope's projection as a terminal table: levels, scenario − baseline and cumulative cost, titled by scope. */
export function scopedProjectionText(
  regions: RegionArrays,
  scope: RunScope,
  rows: readonly ScopedRow[],
  isBaseline: boolean,
): string {
  const name = scopeName(regions, scope);
  const yi = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : formatNumber(v / 1e8, 2));
  const wan = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : formatNumber(v / 1e4, 2));
  const delta = (row: ScopedRow, metric: MetricId) => {
    const a = row.scenario[metric];
    const b = row.baseline[metric];
    return a === undefined || b === undefined ? undefined : a - b;
  };
  const header = [
    '年份 Year',
    '低保人数 dibao (万)',
    '特困人数 tekun (万)',
    '总支出 cost (亿元)',
    '中央 central (亿元)',
    '地方 local (亿元)',
    '累计支出 cumulative (亿元)',
    ...(isBaseline ? [] : ['支出比基线 Δ cost (亿元)', '累计比基线 Δ cumulative (亿元)']),
  ];
  const body = rows.map((row) => [
    String(row.year),
    wan(row.scenario['persons.dibao']),
    wan(row.scenario['persons.tekun']),
    yi(row.scenario['cost.total']),
    yi(row.scenario['cost.central']),
    yi(row.scenario['cost.local']),
    yi(row.cumulativeCost),
    ...(isBaseline ? [] : [yi(delta(row, 'cost.total')), yi(row.cumulativeCost - row.baselineCumulativeCost)]),
  ]);
  const title = isNationalScope(scope)
    ? `多年预测（全国）/ Projection (national)`
    : `多年预测（${name.zh}）/ Projection (${name.en})`;
  const note =
    '名义值；累计支出为起始年至该年各年总支出之和；“—”为披露控制隐去的单元 / nominal; cumulative = total cost from the start year to that year; "—" = suppressed by disclosure control';
  return [title, formatTextTable(header, body, [1, 2, 3, 4, 5, 6, 7, 8]), note].join('\n');
}
