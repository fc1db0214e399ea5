// Runs a scenario (and the baseline it is compared with) over a loaded dataset: the multi-year projection in expected
// value (on worker threads for large datasets), optional Monte Carlo percentiles on both cores (national and per
// region level), aggregation at every region level with disclosure control, and the tables the `run` command writes.
import {
  baselineFor,
  BLOCK_ROWS,
  aggregate,
  decileTable,
  diffTables,
  incomeDeciles,
  project,
  replicationTables,
  resolveScenario,
  simulateYear,
  summariseReplications,
  suppress,
  suppressMcTables,
} from '../../sim/index.ts';
import type {
  HouseholdArrays,
  McSummary,
  ProjectionResult,
  RegionArrays,
  RegionLevel,
  Scenario,
  SummaryTable,
} from '../../sim/index.ts';
import type { ColumnTable } from '../output/column-table.ts';
import type { Progress } from '../output/progress.ts';
import { startKernelPool } from './kernel-pool.ts';
import { startMcPool } from './mc-pool.ts';
import { decilesToColumns, householdsToColumns, mcTablesToColumns, mcToColumns, summaryToColumns } from './tables.ts';

/** How to run. */
export interface RunSettings {
  mode: 'ev' | 'mc';
  seed: number;
  replications: number;
  /** Years after the start year (0 = start year only). */
  years: number;
  minCell: number;
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
  levels: RegionLevel[];
  isBaseline: boolean;
}

/** Region levels present in the data: national, province, and the finer level when codes are longer than 2 digits. */
export function levelsOf(regions: RegionArrays): RegionLevel[] {
  return regions.code.some((code) => code.length > 2) ? ['national', 'province', 'region'] : ['national', 'province'];
}

/** Datasets of at least this many rows are projected on worker threads (below it, starting them costs more). */
const POOL_MIN_ROWS = 4 * BLOCK_ROWS;

/** Projections on the kernel's worker threads for large datasets, in-process otherwise (identical results). */
async function projector(
  households: HouseholdArrays,
  regions: RegionArrays,
  decile: Uint8Array,
  workers: number,
): Promise<{ run(scenario: Scenario, years: number): Promise<ProjectionResult>; close(): Promise<void> }> {
  if (workers > 1 && households.count >= POOL_MIN_ROWS) {
    const pool = await startKernelPool(households, regions, decile, workers);
    return {
      run: (scenario, years) => pool.kernel.project(scenario, { years, mode: 'ev' }),
      close: () => pool.close(),
    };
  }
  return {
    run: (scenario, years) => Promise.resolve(project(households, regions, scenario, { years, mode: 'ev', decile })),
    close: () => Promise.resolve(),
  };
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
  const steps = (isBaseline ? 1 : 2) + (settings.mode === 'mc' ? 1 : 0);
  progress.update(0, steps, '模拟 / simulating');
  const projectAll = await projector(households, regions, decile, settings.workers);
  let reform: ProjectionResult;
  let base: ProjectionResult;
  try {
    reform = await projectAll.run(scenario, settings.years);
    progress.update(1, steps, '基线 / baseline');
    base = isBaseline ? reform : await projectAll.run(baselineFor(scenario), settings.years);
  } finally {
    await projectAll.close();
  }
  const levels = levelsOf(regions);
  const tables: ColumnTable[] = [];
  const national: RunOutcome['national'] = [];
  for (const level of levels) {
    const scenarioTables = reform.years.map((y) => suppress(aggregate(y, regions, level), settings.minCell));
    const baselineTables = base.years.map((y) => suppress(aggregate(y, regions, level), settings.minCell));
    tables.push(summaryToColumns(`summary_${level}`, scenarioTables));
    if (!isBaseline) {
      tables.push(summaryToColumns(`baseline_${level}`, baselineTables));
      tables.push(
        summaryToColumns(
          `delta_${level}`,
          scenarioTables.map((t, i) => diffTables(t, baselineTables[i])),
        ),
      );
    }
    if (level === 'national') {
      scenarioTables.forEach((t, i) => national.push({ year: t.year, scenario: t, baseline: baselineTables[i] }));
    }
  }
  tables.push(
    decilesToColumns(
      'deciles',
      reform.years.map((y) => ({ year: y.year, rows: decileTable(y) })),
    ),
  );
  if (settings.perHousehold) {
    const start = simulateYear(households, regions, resolveScenario(scenario, regions), { decile });
    if (start.households !== undefined) tables.push(householdsToColumns('households', start.households));
  }
  let mc: McSummary | undefined;
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
        const byLevel = suppressMcTables(replicationTables(result, regions, level), settings.minCell);
        tables.push(mcTablesToColumns(`monte_carlo_${level}`, byLevel));
      }
    } finally {
      await pool.close();
    }
  }
  progress.update(steps, steps, '完成 / done');
  progress.finish();
  return { tables, national, mc, levels, isBaseline };
}
