// One definition of a run: the scenario and the baseline on a kernel (in this thread, or sharded over workers), every
// region level aggregated, disclosure control (primary and complementary, one pattern for every table) and
// scenario − baseline. The CLI's `run`, the app's engine worker and the tests all call `compareRun`.
import type { YearResult } from '../kernel/types.ts';
import type { RegionArrays } from '../model/regions.ts';
import { aggregate } from '../outputs/aggregate.ts';
import { diffTables } from '../outputs/diff.ts';
import type { RegionLevel, SummaryTable } from '../outputs/types.ts';
import { baselineFor, resolveScenario } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { applyPattern, cellSamples, suppressionPattern } from './disclosure.ts';
import type { SuppressionPattern } from './disclosure.ts';
import { hasFinerLevel, regionLevels } from './levels.ts';
import type { RunKernel } from './local-kernel.ts';

/** Summary tables of one year at each level, disclosure control applied, plus the national decile accumulators. */
export interface LevelTables {
  national: SummaryTable;
  province: SummaryTable;
  /** The dataset's finest level when it is below province (absent for province-level datasets). */
  region?: SummaryTable;
  /** `deciles[d * DECILE_METRIC_COUNT + k]` (see DECILE_METRICS). */
  deciles: Float64Array;
}

/** One year of a comparison: the scenario, the baseline and scenario − baseline, all with the same suppressed cells. */
export interface ComparedYear {
  year: number;
  scenario: LevelTables;
  baseline: LevelTables;
  delta: LevelTables;
}

/** What `compareRun` returns. */
export interface Comparison {
  levels: RegionLevel[];
  years: ComparedYear[];
  /** The runs themselves (aggregates, unsuppressed: for deciles, caches and further sums). */
  scenarioYears: YearResult[];
  baselineYears: YearResult[];
  /** The cells suppressed in every sub-national table of this run. */
  pattern: SuppressionPattern;
}

/** How to compare. */
export interface CompareOptions {
  /** Disclosure threshold in sample households (`runOptions(scenario).minCell`). */
  minCell: number;
  /** Projection years after the start year (default 0), each year's status carried into the next. */
  years?: number;
  /** Instead of a projection: the one year `yearIndex` from the dataset's status (the app's interactive year). */
  yearIndex?: number;
  /** Baseline years already run with the same span and year (a host's cache); otherwise they are run. */
  baseline?: YearResult[];
}

/** True when a scenario is its own baseline (`baselineFor`: current policy measured the same way): nothing to compare. */
export function isBaselineScenario(scenario: Scenario): boolean {
  return JSON.stringify(scenario) === JSON.stringify(baselineFor(scenario));
}

/** A year's tables at every level of the dataset with the suppression pattern applied. */
export function levelTablesOf(year: YearResult, regions: RegionArrays, pattern: SuppressionPattern): LevelTables {
  const tables: LevelTables = {
    national: applyPattern(aggregate(year, regions, 'national'), pattern),
    province: applyPattern(aggregate(year, regions, 'province'), pattern),
    deciles: year.deciles,
  };
  if (hasFinerLevel(regions)) tables.region = applyPattern(aggregate(year, regions, 'region'), pattern);
  return tables;
}

/** The suppression pattern of a simulated year's tables (it depends on the sample only). */
export function patternOf(year: YearResult, regions: RegionArrays, minCell: number): SuppressionPattern {
  return suppressionPattern(regions, cellSamples(year), minCell);
}

function subtract(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i += 1) out[i] = a[i] - b[i];
  return out;
}

function deltaOf(scenario: LevelTables, baseline: LevelTables): LevelTables {
  const delta: LevelTables = {
    national: diffTables(scenario.national, baseline.national),
    province: diffTables(scenario.province, baseline.province),
    deciles: subtract(scenario.deciles, baseline.deciles),
  };
  if (scenario.region && baseline.region) delta.region = diffTables(scenario.region, baseline.region);
  return delta;
}

/** The years of one scenario: a projection (expected values), or one year from the dataset's status. */
async function yearsOf(kernel: RunKernel, scenario: Scenario, options: CompareOptions): Promise<YearResult[]> {
  if (options.yearIndex !== undefined) {
    return [await kernel.year(resolveScenario(scenario, kernel.regions, { yearIndex: options.yearIndex }))];
  }
  return (await kernel.project(scenario, { years: options.years ?? 0, mode: 'ev' })).years;
}

/**
 * Runs the baseline (`baselineFor(scenario)`, unless given) and the scenario on `kernel`, aggregates every level, applies
 * disclosure control (one pattern for the scenario, the baseline and their difference) and diffs them.
 */
export async function compareRun(kernel: RunKernel, scenario: Scenario, options: CompareOptions): Promise<Comparison> {
  const regions = kernel.regions;
  // The baseline is current policy measured against the scenario's poverty line (baselineFor).
  const baselineYears = options.baseline ?? (await yearsOf(kernel, baselineFor(scenario), options));
  // The baseline itself runs once: its delta is zero.
  const scenarioYears = isBaselineScenario(scenario) ? baselineYears : await yearsOf(kernel, scenario, options);
  const pattern = patternOf(scenarioYears[0], regions, options.minCell);
  const years = scenarioYears.map((year, t): ComparedYear => {
    const reform = levelTablesOf(year, regions, pattern);
    const base = baselineYears === scenarioYears ? reform : levelTablesOf(baselineYears[t], regions, pattern);
    return { year: year.year, scenario: reform, baseline: base, delta: deltaOf(reform, base) };
  });
  return {
    levels: regionLevels(regions),
    years,
    scenarioYears,
    baselineYears,
    pattern,
  };
}
