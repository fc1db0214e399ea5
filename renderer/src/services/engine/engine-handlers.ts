// What the engine worker does for each call, over the dataset it holds: parse the scenario (errors with field paths),
// then the engine's own functions. Year and project run on the dataset's sharded kernel through the engine's one
// run path (sim/run: compareRun, its disclosure control and option defaults). Environment-free, so tests run it
// directly.
import {
  WorkbenchError,
  aggregate,
  applyPattern,
  applyPatternMc,
  baselineFor,
  cellSampleSizes,
  compareRun,
  incomeDeciles,
  mergeProjectionReplications,
  mergeReplications,
  parseScenario,
  patternOf,
  replicationSamples,
  replicationTables,
  resolveScenario,
  runOptions,
  runProjectionReplications,
  runReplications,
  scopeError,
  scopedLeverError,
  sensitivity,
  simulateYear,
  solveBudget,
  solveCoverage,
  summariseProjectionReplications,
  summariseReplications,
  suppressionPattern,
  thinRows,
  traceHousehold,
  unknownScenarioRegions,
  type HouseholdArrays,
  type RegionArrays,
  type Scenario,
  type YearResult,
} from '../../../../sim/index.ts';
import { modelValidationReport } from '../../../../datasets/index.ts';
import type { EngineCalls, LoadResult, ProjectionRun } from './engine-calls.ts';
import { EngineKernel, type EngineKernelOptions } from './engine-kernel.ts';
import type { EngineErrorInfo, EngineKind } from './engine-protocol.ts';

/** The dataset a worker holds, with what is computed once per dataset (deciles, baseline tables, the kernel). */
export interface EngineData {
  datasetId: string;
  households: HouseholdArrays;
  regions: RegionArrays;
  decile: Uint8Array;
  /** The baseline year (aggregates, unsuppressed) per `yearIndex|poverty-line parameters`. */
  baseline: Map<string, YearResult>;
  /** Runs year and project calls (two shards on large datasets when the worker can start another). */
  kernel: EngineKernel;
}

/** A user-caused engine error (invalid scenario, missing dataset) carried as a bilingual value. */
export class EngineInputError extends WorkbenchError implements EngineErrorInfo {
  constructor(messageZh: string, messageEn: string, paths: string[] = []) {
    super({ code: 'invalid-input', messageZh, messageEn, paths });
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

/** The calls that run on the dataset's (sharded) kernel and are awaited. */
export type KernelKind = 'year' | 'project';

type Handlers = {
  [K in EngineKind]: (
    data: EngineData,
    payload: EngineCalls[K]['request'],
  ) => K extends KernelKind ? Promise<EngineCalls[K]['response']> : EngineCalls[K]['response'];
};

/** One handler per call kind (a typed map: adding a kind without a handler fails to compile). */
export const HANDLERS: Handlers = {
  /** Baseline (cached per dataset, year and poverty line) and scenario for one year, and scenario − baseline. */
  async year(data, { scenario: document, yearIndex = 0, minCell }) {
    const scenario = scenarioOf(document, data.regions);
    // compareRun's baseline (baselineFor) carries the scenario's poverty line and start year: the key carries both.
    const base = baselineFor(scenario);
    const key = `${yearIndex}|${base.projection?.startYear ?? ''}|${JSON.stringify(base.params ?? {})}`;
    const cached = data.baseline.get(key);
    const run = await compareRun(data.kernel, scenario, {
      minCell: runOptions(scenario, { minCell }).minCell,
      yearIndex,
      baseline: cached && [cached],
    });
    if (cached === undefined) data.baseline.set(key, run.baselineYears[0]);
    const [year] = run.years;
    return {
      datasetId: data.datasetId,
      year: year.year,
      scenarioName: scenario.name,
      baseline: year.baseline,
      scenario: year.scenario,
      delta: year.delta,
      baselineCached: cached !== undefined,
      thin: thinRows(year.scenario.province, data.regions, cellSampleSizes(data.households, data.regions)),
    };
  },

  /** Each scenario's projection panel, one after the other, with the run's disclosure control. */
  async project(data, { scenarios, years, minCell }) {
    const runs: ProjectionRun[] = [];
    for (const document of scenarios) {
      const scenario = scenarioOf(document, data.regions);
      const panel = await data.kernel.project(scenario, { years });
      const pattern = patternOf(panel.years[0], data.regions, runOptions(scenario, { minCell }).minCell);
      const province = panel.years.map((y) => applyPattern(aggregate(y, data.regions, 'province'), pattern));
      runs.push({
        scenarioName: scenario.name,
        years: panel.years.map((y) => y.year),
        national: panel.years.map((y) => applyPattern(aggregate(y, data.regions, 'national'), pattern)),
        province,
        thin: province[0]
          ? thinRows(province[0], data.regions, cellSampleSizes(data.households, data.regions))
          : new Uint8Array(0),
      });
    }
    return runs;
  },

  solveBudget(data, { scenario, budget, lever, range, scope }) {
    const wrong = scope && (scopeError(data.regions, scope) ?? scopedLeverError(lever, scope));
    if (wrong) throw new EngineInputError(wrong.zh, wrong.en, ['scope']);
    return solveBudget({
      households: data.households,
      regions: data.regions,
      scenario: scenarioOf(scenario, data.regions),
      budget,
      lever,
      range,
      decile: data.decile,
      scope,
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

  trace(_data, { record, scenario, baseline, outcome, events, eventAmounts, localRules }) {
    const reform = scenarioOf(scenario);
    const base = baseline === undefined ? baselineFor(reform) : scenarioOf(baseline);
    // The household screen's cases and entries describe income as the civil-affairs office assesses it.
    return traceHousehold(record, base, reform, { outcome, events, eventAmounts, incomeAs: 'assessed', localRules });
  },

  replications(data, { scenario: document, from, to, seed }) {
    const scenario = scenarioOf(document, data.regions);
    return runReplications({
      households: data.households,
      regions: data.regions,
      params: resolveScenario(scenario, data.regions),
      seed: seed ?? runOptions(scenario).seed,
      from,
      to,
      decile: data.decile,
    });
  },

  summariseReplications(data, { parts, scenario }) {
    const merged = mergeReplications(parts);
    const minCell = runOptions(scenarioOf(scenario)).minCell;
    const pattern = suppressionPattern(data.regions, replicationSamples(merged), minCell);
    return {
      ...summariseReplications(merged),
      province: applyPatternMc(replicationTables(merged, data.regions, 'province'), pattern),
    };
  },

  projectionReplications(data, { scenario: document, years, from, to, seed }) {
    const scenario = scenarioOf(document, data.regions);
    return runProjectionReplications({
      households: data.households,
      regions: data.regions,
      scenario,
      years,
      seed: seed ?? runOptions(scenario).seed,
      from,
      to,
      decile: data.decile,
    });
  },

  summariseProjectionReplications(data, { parts, scenario: document, minCell }) {
    const scenario = scenarioOf(document, data.regions);
    const result = mergeProjectionReplications(parts);
    const summary = summariseProjectionReplications(result, data.regions, scenario, ['national', 'province']);
    // The projection's disclosure control: the sample counts (the same in every replication), the scenario's threshold.
    const pattern = suppressionPattern(
      data.regions,
      replicationSamples(result),
      runOptions(scenario, { minCell }).minCell,
    );
    return {
      scenarioName: scenario.name,
      replications: summary.replications,
      years: summary.years,
      national: summary.tables.national ?? [],
      province: (summary.tables.province ?? []).map((t) => applyPatternMc(t, pattern)),
      sources: summary.sources,
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
