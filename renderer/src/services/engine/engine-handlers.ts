// What the engine worker does for each call, over the dataset it holds: parse the scenario (errors with field paths),
// resolve it, run the engine's functions, aggregate and suppress. Environment-free, so tests run it directly.
import {
  aggregate,
  BASELINE_SCENARIO,
  diffTables,
  incomeDeciles,
  mergeReplications,
  parseScenario,
  project,
  resolveScenario,
  runReplications,
  scenarioParamValues,
  sensitivity,
  simulateYear,
  solveBudget,
  solveCoverage,
  summariseReplications,
  suppress,
  traceHousehold,
  type HouseholdArrays,
  type RegionArrays,
  type Scenario,
  type SummaryTable,
  type YearResult,
} from '../../../../sim/index.ts';
import type { EngineCalls, LevelTables, LoadResult, ProjectionRun } from './engine-calls';
import type { EngineErrorInfo, EngineKind } from './engine-protocol';

/** The dataset a worker holds, with what is computed once per dataset (deciles, baseline tables). */
export interface EngineData {
  datasetId: string;
  households: HouseholdArrays;
  regions: RegionArrays;
  decile: Uint8Array;
  /** Baseline tables per `yearIndex|minCell`. */
  baseline: Map<string, LevelTables>;
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

/** Takes a dataset into the worker (arrays were transferred) and computes its income deciles once. */
export function loadData(
  datasetId: string,
  households: HouseholdArrays,
  regions: RegionArrays,
): { data: EngineData; result: LoadResult } {
  const data = { datasetId, households, regions, decile: incomeDeciles(households), baseline: new Map() };
  return { data, result: { datasetId, households: households.count, regions: regions.count } };
}

/** Parses a scenario document; throws an EngineInputError listing every bad field path. */
export function scenarioOf(document: unknown): Scenario {
  const parsed = parseScenario(document);
  if (parsed.ok) return parsed.scenario;
  const lines = parsed.errors.slice(0, 8);
  throw new EngineInputError(
    `方案无效：${lines.map((e) => `${e.path}：${e.messageZh}`).join('；')}`,
    `invalid scenario: ${lines.map((e) => `${e.path}: ${e.messageEn}`).join('; ')}`,
    parsed.errors.map((e) => e.path),
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

function runYear(data: EngineData, scenario: Scenario, yearIndex: number, minCell: number): LevelTables {
  const params = resolveScenario(scenario, data.regions, { yearIndex });
  const year = simulateYear(data.households, data.regions, params, { householdColumns: false, decile: data.decile });
  return levelTables(year, data.regions, minCell);
}

function subtract(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i += 1) out[i] = a[i] - b[i];
  return out;
}

type Handlers = {
  [K in EngineKind]: (data: EngineData, payload: EngineCalls[K]['request']) => EngineCalls[K]['response'];
};

/** One handler per call kind (a typed map: adding a kind without a handler fails to compile). */
export const HANDLERS: Handlers = {
  year(data, { scenario: document, yearIndex = 0, minCell }) {
    const scenario = scenarioOf(document);
    const cells = minCellOf(scenario, minCell);
    const key = `${yearIndex}|${cells}`;
    const cached = data.baseline.get(key);
    const baseline = cached ?? runYear(data, BASELINE_SCENARIO, yearIndex, cells);
    if (!cached) data.baseline.set(key, baseline);
    const isBaseline = JSON.stringify(scenario) === JSON.stringify(BASELINE_SCENARIO);
    const result = isBaseline ? baseline : runYear(data, scenario, yearIndex, cells);
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
  },

  project(data, { scenarios, years, minCell }) {
    return scenarios.map((document): ProjectionRun => {
      const scenario = scenarioOf(document);
      const cells = minCellOf(scenario, minCell);
      const panel = project(data.households, data.regions, scenario, { years, decile: data.decile });
      return {
        scenarioName: scenario.name,
        years: panel.years.map((y) => y.year),
        national: panel.years.map((y) => aggregate(y, data.regions, 'national')),
        province: panel.years.map((y) => suppress(aggregate(y, data.regions, 'province'), cells)),
      };
    });
  },

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

  trace(_data, { record, scenario }) {
    return traceHousehold(record, BASELINE_SCENARIO, scenarioOf(scenario));
  },

  replications(data, { scenario: document, from, to, seed }) {
    const scenario = scenarioOf(document);
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

  summariseReplications(_data, { parts }) {
    return summariseReplications(mergeReplications(parts));
  },

  householdColumns(data, { scenario: document, yearIndex = 0 }) {
    const scenario = scenarioOf(document);
    const params = resolveScenario(scenario, data.regions, { yearIndex });
    const year = simulateYear(data.households, data.regions, params, { householdColumns: true, decile: data.decile });
    if (!year.households)
      throw new EngineInputError('引擎未返回家庭结果列', 'the engine returned no household columns');
    return year.households;
  },
};

/** Calls that need no dataset (they merge or trace given inputs). */
export const DATASET_FREE: ReadonlySet<EngineKind> = new Set<EngineKind>(['trace', 'summariseReplications']);

/** Error thrown when a call needs a dataset and none is loaded. */
export const NO_DATASET = new EngineInputError('尚未载入数据集', 'no dataset is loaded');
