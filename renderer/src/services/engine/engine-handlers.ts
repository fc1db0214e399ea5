// What the engine worker does for each call, over the dataset it holds: parse the scenario (errors with field paths),
// resolve it, run the engine's functions, aggregate and suppress. Year and project run on the dataset's sharded
// kernel: awaited in the worker (KERNEL_HANDLERS), or run to completion in-thread (HANDLERS; the same bits).
// Environment-free, so tests run it directly.
import {
  aggregate,
  BASELINE_SCENARIO,
  baselineFor,
  diffTables,
  incomeDeciles,
  mergeReplications,
  parseScenario,
  resolveScenario,
  runReplications,
  scenarioParamValues,
  sensitivity,
  simulateYear,
  solveBudget,
  solveCoverage,
  summariseReplications,
  replicationTables,
  suppress,
  suppressMcTables,
  traceHousehold,
  unknownScenarioRegions,
  type HouseholdArrays,
  type ProjectionResult,
  type RegionArrays,
  type ResolvedParams,
  type Scenario,
  type SummaryTable,
  type YearResult,
} from '../../../../sim/index.ts';
import { modelValidationReport } from '../../../../datasets/model-validation.ts';
import type { EngineCalls, LevelTables, LoadResult, ProjectionRun, YearComparison } from './engine-calls';
import { EngineKernel, type EngineKernelOptions } from './engine-kernel';
import type { EngineErrorInfo, EngineKind } from './engine-protocol';

/** The dataset a worker holds, with what is computed once per dataset (deciles, baseline tables, the kernel). */
export interface EngineData {
  datasetId: string;
  households: HouseholdArrays;
  regions: RegionArrays;
  decile: Uint8Array;
  /** Baseline tables per `yearIndex|minCell`. */
  baseline: Map<string, LevelTables>;
  /** Runs year and project calls (two shards on large datasets when the worker can start another). */
  kernel: EngineKernel;
}

/** A user-caused engine error (invalid scenario, missing dataset) carried as a bilingual value. */
export class EngineInputError extends Error implements EngineErrorInfo {
  readonly messageZh: string;
  readonly messageEn: string;
  readonly paths: string[];
  constructor(messageZh: string, messageEn: string, paths: string[] = []) {
    super(`${messageZh} / ${messageEn}`);
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.paths = paths;
  }
}

/**
 * Takes a dataset into the worker (arrays were transferred) and computes its income deciles once. The kernel keeps
 * the full arrays (solvers, traces, household columns and replications use them) and splits its rows on first use.
 */
export function loadData(
  datasetId: string,
  households: HouseholdArrays,
  regions: RegionArrays,
  kernel: EngineKernelOptions = {},
): { data: EngineData; result: LoadResult } {
  const decile = incomeDeciles(households);
  const data: EngineData = {
    datasetId,
    households,
    regions,
    decile,
    baseline: new Map(),
    kernel: new EngineKernel(households, regions, decile, kernel),
  };
  return { data, result: { datasetId, households: households.count, regions: regions.count } };
}

/**
 * Parses a scenario document; throws an EngineInputError listing every bad field path, including (when the dataset's
 * `regions` are given) region codes the dataset does not have, which the engine would otherwise skip silently.
 */
export function scenarioOf(document: unknown, regions?: Pick<RegionArrays, 'code'>): Scenario {
  const parsed = parseScenario(document);
  const errors = parsed.ok ? (regions ? unknownScenarioRegions(parsed.scenario, regions) : []) : parsed.errors;
  if (parsed.ok && errors.length === 0) return parsed.scenario;
  const lines = errors.slice(0, 8);
  throw new EngineInputError(
    `方案无效：${lines.map((e) => `${e.path}：${e.messageZh}`).join('；')}`,
    `invalid scenario: ${lines.map((e) => `${e.path}: ${e.messageEn}`).join('; ')}`,
    errors.map((e) => e.path),
  );
}

function minCellOf(scenario: Scenario, requested: number | undefined): number {
  return requested ?? scenarioParamValues(scenario)['output.minCell'];
}

function hasFinerLevel(regions: RegionArrays): boolean {
  return regions.count > regions.provinceCodes.length;
}

/** National, province (and finest) tables of one simulated year, suppressed below `minCell`. */
export function levelTables(year: YearResult, regions: RegionArrays, minCell: number): LevelTables {
  const tables: LevelTables = {
    national: aggregate(year, regions, 'national'),
    province: suppress(aggregate(year, regions, 'province'), minCell),
    deciles: year.deciles,
  };
  if (hasFinerLevel(regions)) tables.region = suppress(aggregate(year, regions, 'region'), minCell);
  return tables;
}

function subtract(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i += 1) out[i] = a[i] - b[i];
  return out;
}

/** A call's kernel work as steps: each yields what to simulate and receives its result, run sync or awaited. */
type CallSteps<Job, Out, T> = Generator<Job, T, Out>;

/** A projection to run: the scenario and its span (undefined: the scenario's own). */
interface ProjectionJob {
  scenario: Scenario;
  years?: number;
}

/** Baseline (cached per dataset) and scenario for one year, and scenario − baseline. */
function* yearCall(
  data: EngineData,
  { scenario: document, yearIndex = 0, minCell }: EngineCalls['year']['request'],
): CallSteps<ResolvedParams, YearResult, YearComparison> {
  const scenario = scenarioOf(document, data.regions);
  const cells = minCellOf(scenario, minCell);
  // The baseline is measured against the scenario's poverty line (baselineFor), so the key carries that choice.
  const base = baselineFor(scenario);
  const key = `${yearIndex}|${cells}|${JSON.stringify(base.params ?? {})}`;
  const cached = data.baseline.get(key);
  const tablesOf = (year: YearResult) => levelTables(year, data.regions, cells);
  const baseline = cached ?? tablesOf(yield resolveScenario(base, data.regions, { yearIndex }));
  if (!cached) data.baseline.set(key, baseline);
  const isBaseline = JSON.stringify(scenario) === JSON.stringify(BASELINE_SCENARIO);
  const result = isBaseline ? baseline : tablesOf(yield resolveScenario(scenario, data.regions, { yearIndex }));
  const delta: { national: SummaryTable; province: SummaryTable; region?: SummaryTable; deciles: Float64Array } = {
    national: diffTables(result.national, baseline.national),
    province: diffTables(result.province, baseline.province),
    deciles: subtract(result.deciles, baseline.deciles),
  };
  if (result.region && baseline.region) delta.region = diffTables(result.region, baseline.region);
  return {
    datasetId: data.datasetId,
    year: result.national.year,
    scenarioName: scenario.name,
    baseline,
    scenario: result,
    delta,
    baselineCached: cached !== undefined,
  };
}

/** Each scenario's projection panel, one after the other. */
function* projectCall(
  data: EngineData,
  { scenarios, years, minCell }: EngineCalls['project']['request'],
): CallSteps<ProjectionJob, ProjectionResult, ProjectionRun[]> {
  const runs: ProjectionRun[] = [];
  for (const document of scenarios) {
    const scenario = scenarioOf(document, data.regions);
    const cells = minCellOf(scenario, minCell);
    const panel = yield { scenario, years };
    runs.push({
      scenarioName: scenario.name,
      years: panel.years.map((y) => y.year),
      national: panel.years.map((y) => aggregate(y, data.regions, 'national')),
      province: panel.years.map((y) => suppress(aggregate(y, data.regions, 'province'), cells)),
    });
  }
  return runs;
}

function runSync<Job, Out, T>(steps: CallSteps<Job, Out, T>, run: (job: Job) => Out): T {
  let next = steps.next();
  while (!next.done) next = steps.next(run(next.value));
  return next.value;
}

async function runAsync<Job, Out, T>(steps: CallSteps<Job, Out, T>, run: (job: Job) => Promise<Out>): Promise<T> {
  let next = steps.next();
  while (!next.done) next = steps.next(await run(next.value));
  return next.value;
}

type Handlers = {
  [K in EngineKind]: (data: EngineData, payload: EngineCalls[K]['request']) => EngineCalls[K]['response'];
};

/** The calls the worker awaits on the sharded kernel (the shard worker answers while this thread runs its half). */
export type KernelKind = 'year' | 'project';

type KernelHandlers = {
  [K in KernelKind]: (data: EngineData, payload: EngineCalls[K]['request']) => Promise<EngineCalls[K]['response']>;
};

/** Year and project over the dataset's shards, as the worker runs them. */
export const KERNEL_HANDLERS: KernelHandlers = {
  year: (data, payload) => runAsync(yearCall(data, payload), (params) => data.kernel.year(params)),
  project: (data, payload) =>
    runAsync(projectCall(data, payload), (job) => data.kernel.project(job.scenario, job.years)),
};

/**
 * One handler per call kind (a typed map: adding a kind without a handler fails to compile), all synchronous: year
 * and project run in this thread over all rows, with the same bits as KERNEL_HANDLERS (for in-thread callers).
 */
export const HANDLERS: Handlers = {
  year: (data, payload) => runSync(yearCall(data, payload), (params) => data.kernel.yearNow(params)),
  project: (data, payload) =>
    runSync(projectCall(data, payload), (job) => data.kernel.projectNow(job.scenario, job.years)),

  solveBudget(data, { scenario, budget, lever, range }) {
    return solveBudget({
      households: data.households,
      regions: data.regions,
      scenario: scenarioOf(scenario),
      budget,
      lever,
      range,
      decile: data.decile,
    });
  },

  solveCoverage(data, { scenario, target, lever, metric = 'cash', range }) {
    return solveCoverage({
      households: data.households,
      regions: data.regions,
      scenario: scenarioOf(scenario),
      target,
      metric,
      lever,
      range,
      decile: data.decile,
    });
  },

  sensitivity(data, { scenario, params, swing }) {
    return sensitivity({
      households: data.households,
      regions: data.regions,
      scenario: scenarioOf(scenario),
      params,
      swing,
      decile: data.decile,
    });
  },

  trace(_data, { record, scenario, baseline, outcome, events, eventAmounts }) {
    const reform = scenarioOf(scenario);
    const base = baseline === undefined ? baselineFor(reform) : scenarioOf(baseline);
    // The household screen's cases and entries describe income as the civil-affairs office assesses it.
    return traceHousehold(record, base, reform, { outcome, events, eventAmounts, incomeAs: 'assessed' });
  },

  replications(data, { scenario: document, from, to, seed }) {
    const scenario = scenarioOf(document, data.regions);
    return runReplications({
      households: data.households,
      regions: data.regions,
      params: resolveScenario(scenario, data.regions),
      seed: seed ?? scenario.monteCarlo?.seed ?? 0,
      from,
      to,
      decile: data.decile,
    });
  },

  summariseReplications(data, { parts, scenario }) {
    const merged = mergeReplications(parts);
    const minCell = minCellOf(scenarioOf(scenario), undefined);
    return {
      ...summariseReplications(merged),
      province: suppressMcTables(replicationTables(merged, data.regions, 'province'), minCell),
    };
  },

  modelValidation(data) {
    return modelValidationReport(data.households, data.regions);
  },

  householdColumns(data, { scenario: document, yearIndex = 0 }) {
    const scenario = scenarioOf(document, data.regions);
    const params = resolveScenario(scenario, data.regions, { yearIndex });
    const year = simulateYear(data.households, data.regions, params, { householdColumns: true, decile: data.decile });
    if (!year.households)
      throw new EngineInputError('引擎未返回家庭结果列', 'the engine returned no household columns');
    return year.households;
  },
};

/** Calls that need no dataset (they merge or trace given inputs). */
export const DATASET_FREE: ReadonlySet<EngineKind> = new Set<EngineKind>(['trace']);

/** Error thrown when a call needs a dataset and none is loaded. */
export const NO_DATASET = new EngineInputError('尚未载入数据集', 'no dataset is loaded');
