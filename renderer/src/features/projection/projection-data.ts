// Turns the engine's projection runs (a national and a province summary table per year and scenario) into chart lines
// and panel table rows at the chosen scope. Values are read from the engine's tables (cash and low-income persons are
// the engine's combined metrics); the only arithmetic is the running sum of cost (sim's cumulativeSums).
import type { ProjectionMcResult, ProjectionRun } from '../../services/engine/engine-calls.ts';
import type { SummaryTable, MetricId, RunScope, ScopeTables } from '../../../../sim/index.ts';
import { AREA_ALL, NATIONAL_SCOPE, cumulativeSums, scopeAreaIndex, scopeValue } from '../../../../sim/index.ts';
import type { ProjectionBand, ProjectionLine } from './projection-chart.ts';
import { INDICATORS } from './indicators.ts';
import type { IndicatorId } from './indicators.ts';

/** Index of the national both-areas row of a summary table (the table's total). */
export function totalRow(table: SummaryTable): number {
  for (let row = 0; row < table.rows; row += 1) if (table.area[row] === AREA_ALL) return row;
  throw new Error(`summary table for ${table.year} has no both-areas row`);
}

/** Indicators read from one year's tables (the cumulative cost is summed over the years, below). */
type YearIndicator = Exclude<IndicatorId, 'costCumulative'>;

/** The metric each indicator reads; the cash and low-income persons are the engine's combined metrics (sim's sums). */
const READ: Record<YearIndicator, MetricId> = {
  cashPersons: 'persons.cash',
  dibaoPersons: 'persons.dibao',
  tekunPersons: 'persons.tekun',
  lowIncomePersons: 'persons.lowIncome',
  costNominal: 'cost.total',
  costReal: 'cost.totalReal',
  costCentral: 'cost.central',
  costLocal: 'cost.local',
  coverageCash: 'coverage.cash',
  coverageLowIncome: 'coverage.lowIncome',
  monitoredPersons: 'monitored.persons',
  coverageMonitored: 'coverage.monitored',
};

/** The value of one indicator at a scope (the national total, or a province's row; NaN where suppressed). */
export function indicatorValue(
  tables: ScopeTables,
  indicator: YearIndicator,
  scope: RunScope = NATIONAL_SCOPE,
): number {
  return scopeValue(tables, scope, READ[indicator]);
}

/**
 * One chart line per run, named by the scenario entries the runs were requested for (same order), read at the scope:
 * the province's rows of the same run when a province is chosen (sim/run/scope.ts), plus the cumulative cost.
 */
export function linesFromRuns(
  runs: readonly ProjectionRun[],
  scenarios: readonly { id: string; name: string }[],
  scope: RunScope = NATIONAL_SCOPE,
): ProjectionLine[] {
  return runs.map((run, index) => {
    const tables = run.national.map((national, t) => ({ national, province: run.province[t] }));
    const values = Object.fromEntries(
      INDICATORS.filter((def) => def.id !== 'costCumulative').map((def) => [
        def.id,
        tables.map((year) => indicatorValue(year, def.id as YearIndicator, scope)),
      ]),
    ) as Record<IndicatorId, number[]>;
    values.costCumulative = cumulativeSums(values.costNominal);
    const scenario = scenarios[index];
    return {
      scenarioId: scenario?.id ?? `run-${index}`,
      scenarioName: scenario?.name ?? run.scenarioName,
      years: run.years,
      values,
    };
  });
}

/** One row of the panel table: a scenario-year with every indicator. */
export interface PanelRow {
  key: string;
  scenarioName: string;
  year: number;
  values: Record<IndicatorId, number>;
}

/** The panel (scenario × year × indicator) as table rows, scenario by scenario, years ascending. */
export function panelRows(lines: readonly ProjectionLine[]): PanelRow[] {
  return lines.flatMap((line) =>
    line.years.map((year, i) => ({
      key: `${line.scenarioId}:${year}`,
      scenarioName: line.scenarioName,
      year,
      values: Object.fromEntries(INDICATORS.map((def) => [def.id, line.values[def.id][i]])) as Record<
        IndicatorId,
        number
      >,
    })),
  );
}

/**
 * The Monte Carlo interval (p5, p50, p95 per year) of an indicator at the scope, read from the engine's percentile
 * tables: the dibao + tekun and low-income persons are percentiles of each replication's own sum (sim's combined
 * metrics). None for the cumulative cost (a sum over years the replications do not carry).
 */
export function bandOf(
  mc: ProjectionMcResult,
  indicator: IndicatorId,
  scope: RunScope = NATIONAL_SCOPE,
): ProjectionBand | undefined {
  if (indicator === 'costCumulative') return undefined;
  const metric = READ[indicator];
  const read = (s: 'p5' | 'p50' | 'p95') =>
    mc.national.map((national, t) => scopeValue({ national: national[s], province: mc.province[t][s] }, scope, metric));
  return { scenarioName: mc.scenarioName, years: mc.years, p5: read('p5'), p50: read('p50'), p95: read('p95') };
}

/** Whether the scope's row rests on too small a sample for year-to-year changes to be read (the run's thin flags). */
export function thinAtScope(run: ProjectionRun | undefined, scope: RunScope): boolean {
  const table = run?.province[0];
  if (run === undefined || table === undefined || scope.province === undefined) return false;
  const area = scopeAreaIndex(scope);
  for (let row = 0; row < table.rows; row += 1) {
    if (table.code[row] === scope.province && table.area[row] === area) return run.thin[row] === 1;
  }
  return false;
}

/** The urban and rural cells of a province table whose year-to-year changes cannot be read (code and area). */
export function thinCells(
  table: SummaryTable | undefined,
  thin: Uint8Array | undefined,
): { province: string; area: 0 | 1 }[] {
  if (table === undefined || thin === undefined) return [];
  const out: { province: string; area: 0 | 1 }[] = [];
  for (let row = 0; row < table.rows; row += 1) {
    const area = table.area[row];
    if (thin[row] === 1 && (area === 0 || area === 1)) out.push({ province: String(table.code[row]), area });
  }
  return out;
}
