// Runs a scenario (and the baseline it is compared with) over a loaded dataset: the multi-year projection in expected
// value (on worker threads for large datasets), optional Monte Carlo percentiles on both cores (national and per
// region level), aggregation at every region level with disclosure control, and the tables the `run` command writes.
import {
  BLOCK_ROWS,
  LocalKernel,
  applyPatternMc,
  compareRun,
  decileTable,
  incomeDeciles,
  replicationTables,
  resolveScenario,
  simulateYear,
  summariseProjectionReplications,
  summariseReplications,
} from '../../sim/index.ts';
import type {
  Comparison,
  HouseholdArrays,
  McSummary,
  ProjectionMcSummary,
  RegionArrays,
  RegionLevel,
  RunKernel,
  RunOptions,
  Scenario,
  ScopeTables,
  SummaryTable,
  SuppressionPattern,
} from '../../sim/index.ts';
import type { ColumnTable } from '../output/column-table.ts';
import type { Progress } from '../output/progress.ts';
import { startKernelPool } from './kernel-pool.ts';
import { startMcPool } from './mc-pool.ts';
import {
  decilesToColumns,
  householdsToColumns,
  mcTablesToColumns,
  mcToColumns,
  projectionMcTablesToColumns,
  projectionMcToColumns,
  summaryToColumns,
} from './tables.ts';

/** How to run: the run's options (sim/run) and what only the CLI decides. */
export interface RunSettings extends RunOptions {
  /** Write per-household result columns for the start year. */
  perHousehold: boolean;
  /** Worker threads for Monte Carlo and, on large datasets, the projection. */
  workers: number;
}

/** What a run produced: tables to write and the national summaries shown on screen. */
export interface RunOutcome {
  tables: ColumnTable[];
  /** National tables per year (scenario and baseline, unsuppressed: national is never suppressed). */
  national: { year: number; scenario: SummaryTable; baseline: SummaryTable }[];
  mc?: McSummary;
  /** Monte Carlo over the whole projection (mode mc with projection years): national and province percentiles per
   * year, province tables with the run's suppression pattern applied. */
  projectionMc?: ProjectionMcSummary;
  levels: RegionLevel[];
  isBaseline: boolean;
  /** The cells suppressed in every sub-national table (primary and complementary). */
  pattern: SuppressionPattern;
  /** National and province tables of each year, scenario and baseline (suppressed), for a scope's projection. */
  scopeYears: { year: number; scenario: ScopeTables; baseline: ScopeTables }[];
}

/** Datasets of at least this many rows are projected on worker threads (below it, starting them costs more). */
const POOL_MIN_ROWS = 4 * BLOCK_ROWS;

/** The kernel on worker threads for large datasets, in this thread otherwise (identical results). */
async function kernelFor(
  households: HouseholdArrays,
  regions: RegionArrays,
  decile: Uint8Array,
  workers: number,
): Promise<{ kernel: RunKernel; close(): Promise<void> }> {
  if (workers > 1 && households.count >= POOL_MIN_ROWS) {
    const pool = await startKernelPool(households, regions, decile, workers);
    return { kernel: pool.kernel, close: () => pool.close() };
  }
  return { kernel: new LocalKernel(households, regions, { decile }), close: () => Promise.resolve() };
}

/** The tables of one kind at one level, one per year. */
function tablesAt(run: Comparison, kind: 'scenario' | 'baseline' | 'delta', level: RegionLevel): SummaryTable[] {
  return run.years.map((y) => {
    const table = y[kind][level];
    if (table === undefined) throw new Error(`no ${level} table / 缺少 ${level} 表`);
    return table;
  });
}

/** Runs the scenario and (unless it is the baseline) the baseline; tables are deterministic for equal inputs. */
export async function runScenario(
  households: HouseholdArrays,
  regions: RegionArrays,
  scenario: Scenario,
  settings: RunSettings,
  progress: Progress,
  isBaseline: boolean,
): Promise<RunOutcome> {
  const decile = incomeDeciles(households);
  const projectionMc = settings.mode === 'mc' && settings.years > 0;
  const steps = settings.mode === 'mc' ? (projectionMc ? 3 : 2) : 1;
  progress.update(0, steps, isBaseline ? '模拟 / simulating' : '模拟基线与情景 / simulating baseline and scenario');
  const { kernel, close } = await kernelFor(households, regions, decile, settings.workers);
  let run: Comparison;
  try {
    run = await compareRun(kernel, scenario, { minCell: settings.minCell, years: settings.years });
  } finally {
    await close();
  }
  const levels = run.levels;
  const tables: ColumnTable[] = [];
  for (const level of levels) {
    tables.push(summaryToColumns(`summary_${level}`, tablesAt(run, 'scenario', level)));
    if (!isBaseline) {
      tables.push(summaryToColumns(`baseline_${level}`, tablesAt(run, 'baseline', level)));
      tables.push(summaryToColumns(`delta_${level}`, tablesAt(run, 'delta', level)));
    }
  }
  const national: RunOutcome['national'] = run.years.map((y) => ({
    year: y.year,
    scenario: y.scenario.national,
    baseline: y.baseline.national,
  }));
  tables.push(
    decilesToColumns(
      'deciles',
      run.scenarioYears.map((y) => ({ year: y.year, rows: decileTable(y) })),
    ),
  );
  if (settings.perHousehold) {
    const start = simulateYear(households, regions, resolveScenario(scenario, regions), { decile });
    if (start.households !== undefined) tables.push(householdsToColumns('households', start.households));
  }
  let mc: McSummary | undefined;
  let projection: ProjectionMcSummary | undefined;
  if (settings.mode === 'mc') {
    progress.update(steps - 1, steps, '蒙特卡洛 / Monte Carlo');
    const pool = await startMcPool(settings.workers);
    try {
      const result = await pool.run(
        {
          households,
          regions,
          params: resolveScenario(scenario, regions),
          seed: settings.seed,
          replications: settings.replications,
          decile,
        },
        (done, total) => progress.update(steps - 1 + done / total, steps, `蒙特卡洛 / Monte Carlo ${done}/${total}`),
      );
      mc = summariseReplications(result);
      tables.push(mcToColumns('monte_carlo', mc));
      for (const level of levels.filter((l) => l !== 'national')) {
        // The run's pattern: the Monte Carlo tables rest on the same sample, so they hide the same cells.
        const byLevel = applyPatternMc(replicationTables(result, regions, level), run.pattern);
        tables.push(mcTablesToColumns(`monte_carlo_${level}`, byLevel));
      }
      if (projectionMc) {
        // Replications of the whole projection: growth, income-shock paths, sampling and parameters every year.
        progress.update(steps - 1, steps, '预测蒙特卡洛 / projection Monte Carlo');
        const panel = await pool.runProjection(
          {
            households,
            regions,
            scenario,
            years: settings.years,
            seed: settings.seed,
            replications: settings.replications,
            decile,
          },
          (done, total) =>
            progress.update(steps - 1 + done / total, steps, `预测蒙特卡洛 / projection Monte Carlo ${done}/${total}`),
        );
        const summary = summariseProjectionReplications(panel, regions, scenario, ['national', 'province']);
        const province = (summary.tables.province ?? []).map((t) => applyPatternMc(t, run.pattern));
        projection = { ...summary, tables: { national: summary.tables.national, province } };
        tables.push(projectionMcToColumns('monte_carlo_projection', summary));
        tables.push(projectionMcTablesToColumns('monte_carlo_projection_province', summary.years, province));
      }
    } finally {
      await pool.close();
    }
  }
  progress.update(steps, steps, '完成 / done');
  progress.finish();
  const scopeYears = run.years.map((y) => ({ year: y.year, scenario: y.scenario, baseline: y.baseline }));
  return { tables, national, mc, projectionMc: projection, levels, isBaseline, pattern: run.pattern, scopeYears };
}
