// Public API of the simulation engine: import everything from here (see sim/API.md).

// Data contract
export type { HouseholdArrays } from './model/households.ts';
export { HOUSEHOLD_ARRAY_KEYS } from './model/households.ts';
export type { RegionArrays } from './model/regions.ts';
export * from './model/codes.ts';

// Bilingual text and the typed error, with the one conversion to text
export * from './bilingual.ts';

// Parameters
export type { ParamDef, ParamEntry, ParamGroup, ParamUnit } from './params/types.ts';
export type { ParamId, ParamValues, RegionalParamId } from './params/catalogue.ts';
export {
  PARAM_CATALOGUE,
  PARAM_IDS,
  REGIONAL_PARAM_IDS,
  getParamDef,
  datedParam,
  defaultParamValues,
  paramValuesAt,
} from './params/catalogue.ts';
export type { DatedValue, DatedValues, ValueInForce } from './params/dated.ts';
export { isIsoDate, singleValue, valueInForce } from './params/dated.ts';

// Scenarios
export type {
  Scenario,
  ScenarioError,
  ParseScenarioResult,
  ParamsPatch,
  RegionalParamsPatch,
  RegionOverride,
  StandardOverride,
  DisasterScenario,
  ProjectionSettings,
  MonteCarloSettings,
  AreaSelector,
} from './scenario/types.ts';
export { SCENARIO_SCHEMA_VERSION, BASELINE_SCENARIO, DEFAULT_START_YEAR } from './scenario/types.ts';
export { scenarioSchema, scenarioJsonSchema } from './scenario/schema.ts';
export { parseScenario } from './scenario/parse.ts';
export { migrateScenario } from './scenario/migrate.ts';
export {
  baselineFor,
  povertyLineText,
  resolveScenario,
  scenarioParamValues,
  scenarioStartYear,
  withParams,
} from './scenario/resolve.ts';
export { unknownScenarioRegions } from './scenario/regions-check.ts';

// Kernel
export type { ResolvedParams, SimOptions, HouseholdState, HouseholdResult, YearResult } from './kernel/types.ts';
export type {
  ComponentId,
  SumMetricId,
  RateMetricId,
  CombinedMetricId,
  MetricId,
  MetricUnit,
} from './kernel/metrics.ts';
export {
  COMPONENT_IDS,
  COMPONENT_LABELS,
  CASH_COMPONENTS,
  SUM_METRICS,
  RATE_METRICS,
  COMBINED_METRICS,
  combinedSum,
  METRIC_COUNT,
  M,
  DECILE_METRICS,
  DECILE_METRIC_COUNT,
  FLAG,
} from './kernel/metrics.ts';
export { simulateYear } from './kernel/simulate-year.ts';
export { incomeDeciles } from './kernel/deciles.ts';
export { KernelPrep } from './kernel/prep.ts';
export { monitoringTargetRatio, monitoringMass, monitoringCutoff } from './kernel/monitoring-target.ts';
export { assessedFactor, assessmentNormal } from './rules/assessed-income.ts';

// Counter-based random numbers (the same draws in every host)
export { hash4 } from './random/counter-hash.ts';
export { inverseNormal, normalCdf } from './random/normal.ts';

// Outputs
export type { SummaryTable, RegionLevel, McSummary, McTables, ReplicationResult } from './outputs/types.ts';
export { AREA_ALL } from './outputs/types.ts';
export { aggregate, decileTable } from './outputs/aggregate.ts';
export type { DecileRow, AggregateOptions } from './outputs/aggregate.ts';
export { diffTables } from './outputs/diff.ts';

// Projection and Monte Carlo
export { project } from './projection/project.ts';
export type { ProjectionResult, ProjectOptions } from './projection/project.ts';
export {
  MIN_REPLICATIONS_FOR_TAILS,
  runReplications,
  mergeReplications,
  summariseReplications,
  replicationTables,
} from './montecarlo/replications.ts';
export type { RunReplicationsInput } from './montecarlo/replications.ts';
export {
  mergeProjectionReplications,
  projectionInterval,
  projectionYearReplications,
  runProjectionReplications,
  summariseProjectionReplications,
} from './montecarlo/projection-replications.ts';
export type {
  ProjectionInterval,
  ProjectionMcSummary,
  ProjectionReplicationResult,
  ProjectionReplicationsInput,
} from './montecarlo/projection-replications.ts';
export {
  THIN_CELL_MIN_EFFECTIVE_SAMPLE,
  cellSampleSizes,
  isThinCell,
  thinCellWarning,
  thinRows,
} from './projection/thin-cells.ts';
export type { CellSampleSize } from './projection/thin-cells.ts';
export {
  SINGLE_YEAR_UNCERTAIN_PARAMS,
  UNCERTAIN_PARAMS,
  bootstrapWeights,
  drawShifts,
  describeMcSources,
  drawParams,
  mcSources,
} from './montecarlo/uncertainty.ts';
export type { McSources, UncertainParam } from './montecarlo/uncertainty.ts';

// Household trace
export type { HouseholdRecord, TraceStep, TraceUnit, HouseholdTraceRun, HouseholdTrace } from './trace/types.ts';
export { TRACE_EVENTS, traceHousehold, withLocalRules } from './trace/trace-household.ts';
export type { TraceEvent, TraceOptions } from './trace/trace-household.ts';
export { recordFromArrays, recordToArrays } from './trace/record.ts';

// Inverse questions
export type { InverseLever, SolveResult, SensitivityRow, SwingBasis } from './inverse/types.ts';
export { solveBudget } from './inverse/solve-budget.ts';
export { applyLever, scopedLeverError } from './inverse/evaluate.ts';
export type { SolveBudgetInput } from './inverse/solve-budget.ts';
export { solveCoverage } from './inverse/solve-coverage.ts';
export type { SolveCoverageInput } from './inverse/solve-coverage.ts';
export { sensitivity, swingBounds } from './inverse/sensitivity.ts';
export type { SensitivityInput } from './inverse/sensitivity.ts';

/** Engine version, recorded in run provenance. */
export const ENGINE_VERSION = '0.1.0';

// Sharded kernel: the same year and projection split over workers (or in-process shards), identical results
export { BLOCK_ROWS, blockRanges, shardRanges, sliceHouseholds, copyHouseholds } from './parallel/blocks.ts';
export type { RowRange } from './parallel/blocks.ts';
export { KernelShard } from './parallel/kernel-shard.ts';
export type { ShardData, ShardRequest, ShardReply, StartState } from './parallel/kernel-shard.ts';
export { ShardedKernel, localShardPort } from './parallel/sharded-kernel.ts';
export type { ShardPort, ShardedRunOptions } from './parallel/sharded-kernel.ts';

// One definition of a run: options and defaults, region levels, the in-thread kernel, disclosure control, compareRun
export { RUN_DEFAULTS, runOptions, drawSettings } from './run/options.ts';
export type { RunOptions, DrawSettings } from './run/options.ts';
export { hasFinerLevel, regionLevels } from './run/levels.ts';
export { LocalKernel } from './run/local-kernel.ts';
export type { RunKernel, LocalKernelOptions, ProjectRunOptions } from './run/local-kernel.ts';
export {
  suppressionPattern,
  applyPattern,
  applyPatternMc,
  cellSamples,
  replicationSamples,
  determinedCells,
} from './run/disclosure.ts';
export type { SuppressionPattern } from './run/disclosure.ts';
export { compareRun, isBaselineScenario, levelTablesOf, patternOf } from './run/compare-run.ts';
export type { LevelTables, ComparedYear, Comparison, CompareOptions } from './run/compare-run.ts';
export {
  NATIONAL_SCOPE,
  cumulativeSums,
  isNationalScope,
  scopeAreaIndex,
  scopeCells,
  scopeError,
  scopeName,
  scopeRow,
  scopeValue,
  scopedProjection,
} from './run/scope.ts';
export type { RunScope, ScopeTables, ScopedYear } from './run/scope.ts';
