// Turns the engine's projection runs (a national summary table per year and scenario) into chart lines and panel
// table rows. Values are read from the engine's tables; the only arithmetic is adding the four programmes' persons
// into the low-income population the engine's own low-income coverage rate counts.
import type { ProjectionRun } from '../../services/engine/engine-calls.ts';
import type { SummaryTable, MetricId } from '../../../../sim/index.ts';
import { AREA_ALL } from '../../../../sim/index.ts';
import type { ProjectionLine } from './projection-chart.ts';
import { INDICATORS } from './indicators.ts';
import type { IndicatorId } from './indicators.ts';

/** Index of the national both-areas row of a summary table (the table's total). */
export function totalRow(table: SummaryTable): number {
  for (let row = 0; row < table.rows; row += 1) if (table.area[row] === AREA_ALL) return row;
  throw new Error(`summary table for ${table.year} has no both-areas row`);
}

const READ: Record<IndicatorId, readonly MetricId[]> = {
  cashPersons: ['persons.dibao', 'persons.tekun'],
  dibaoPersons: ['persons.dibao'],
  tekunPersons: ['persons.tekun'],
  lowIncomePersons: ['persons.dibao', 'persons.tekun', 'persons.marginal', 'persons.rigid'],
  costNominal: ['cost.total'],
  costReal: ['cost.totalReal'],
  costCentral: ['cost.central'],
  costLocal: ['cost.local'],
  coverageCash: ['coverage.cash'],
  coverageLowIncome: ['coverage.lowIncome'],
  monitoredPersons: ['monitored.persons'],
  coverageMonitored: ['coverage.monitored'],
};

/** The value of one indicator in the total row of a national table. */
export function indicatorValue(table: SummaryTable, indicator: IndicatorId): number {
  const row = totalRow(table);
  return READ[indicator].reduce((sum, metric) => sum + table.values[metric][row], 0);
}

/** One chart line per run, named by the scenario entries the runs were requested for (same order). */
export function linesFromRuns(
  runs: readonly ProjectionRun[],
  scenarios: readonly { id: string; name: string }[],
): ProjectionLine[] {
  return runs.map((run, index) => {
    const values = Object.fromEntries(
      INDICATORS.map((def) => [def.id, run.national.map((table) => indicatorValue(table, def.id))]),
    ) as Record<IndicatorId, number[]>;
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
