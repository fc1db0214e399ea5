// The engine operations the worker offers: for each, the request payload (small, serialisable: scenarios travel as
// their JSON documents and are validated in the worker) and the result (engine types: columnar, postMessage-able).
import type { JsonValue } from '../../../../contract/host-api.ts';
import type {
  HouseholdResult,
  InverseLever,
  SensitivityRow,
  SolveResult,
  ParamId,
  McSummary,
  McTables,
  McSources,
  ReplicationResult,
  ProjectionReplicationResult,
  SummaryTable,
  LevelTables,
  RunScope,
  HouseholdRecord,
  HouseholdTrace,
  TraceEvent,
  RegionOverride,
} from '../../../../sim/index.ts';
import type { ModelValidationReport } from '../../../../datasets/index.ts';

/** Summary tables of one scenario-year at each level, plus the national decile accumulators (sim/run). */
export type { LevelTables };

/** Monte Carlo results: national percentiles and, per province and area, suppressed percentile tables. */
export interface McResult extends McSummary {
  province: McTables;
}

/** Baseline and scenario for one year on the loaded dataset, with scenario − baseline per table (small). */
export interface YearComparison {
  datasetId: string;
  year: number;
  scenarioName: string;
  baseline: LevelTables;
  scenario: LevelTables;
  /** Same shapes as the tables above; every value is scenario − baseline (the same cells suppressed). */
  delta: LevelTables;
  /** True when the baseline came from the worker's cache (only the scenario ran). */
  baselineCached: boolean;
  /** Per row of the scenario's province table: 1 where the sample is too small to read year-to-year changes
   * (sim/projection/thin-cells.ts). */
  thin?: Uint8Array;
}

/** One scenario's projection panel: a national and a province table per year. */
export interface ProjectionRun {
  scenarioName: string;
  years: number[];
  national: SummaryTable[];
  province: SummaryTable[];
  /** Per row of the province tables: 1 where the sample is too small for year-to-year changes to be read
   * (sim/projection/thin-cells.ts). */
  thin: Uint8Array;
}

/** Monte Carlo over a whole projection: national and (suppressed) province percentiles per year, and the sources. */
export interface ProjectionMcResult {
  scenarioName: string;
  replications: number;
  years: number[];
  national: McTables[];
  province: McTables[];
  sources: McSources;
}

/** The calls, keyed by kind. */
export interface EngineCalls {
  /** Baseline + scenario for one year: `yearIndex` 0 (default) is the projection start year. `minCell` defaults to
   * the scenario's `output.minCell`. */
  year: {
    request: { scenario: JsonValue; yearIndex?: number; minCell?: number };
    response: YearComparison;
  };
  /** Multi-year projection of several scenarios (their `projection` settings, or the given span). */
  project: {
    request: { scenarios: JsonValue[]; startYear?: number; years?: number; minCell?: number };
    response: ProjectionRun[];
  };
  /**
   * Budget (total cost, yuan/year) → the lever value it affords, starting from `scenario`; with a `scope` the budget is
   * one province's (one area's) spending and the lever moves only its standards.
   */
  solveBudget: {
    request: {
      scenario: JsonValue;
      budget: number;
      lever: 'scalePct' | 'consumptionRatio';
      range?: [number, number];
      scope?: RunScope;
    };
    response: SolveResult;
  };
  /** Coverage target (share of population, 0..1; `metric` default 'cash') → the lever value that reaches it. */
  solveCoverage: {
    request: {
      scenario: JsonValue;
      target: number;
      lever: InverseLever;
      metric?: 'cash' | 'lowIncome' | 'monitored';
      range?: [number, number];
    };
    response: SolveResult;
  };
  /** Tornado data: each key parameter swung over its range, ranked by effect on cost. */
  sensitivity: {
    request: { scenario: JsonValue; params?: ParamId[]; swing?: 'range' | number };
    response: SensitivityRow[];
  };
  /**
   * One household traced under the baseline (current policy unless `baseline` is given) and a scenario, in expected
   * value or as a realised case with the events that happened (the choices `safetynet household` offers).
   */
  trace: {
    request: {
      record: HouseholdRecord;
      scenario: JsonValue;
      baseline?: JsonValue;
      outcome?: 'expected' | 'realised';
      events?: TraceEvent[];
      /** Approved yuan per event that happened (see `TraceOptions.eventAmounts`). */
      eventAmounts?: Partial<Record<TraceEvent, number>>;
      /** Rules in force where a case happened (see `TraceOptions.localRules`). */
      localRules?: RegionOverride[];
    };
    response: HouseholdTrace;
  };
  /** Monte Carlo replications [from, to) of a scenario (the client splits N over two workers). */
  replications: {
    request: { scenario: JsonValue; from: number; to: number; seed?: number };
    response: ReplicationResult;
  };
  /**
   * Merges replications into national percentiles and province tables (runs where the engine's summary code and the
   * dataset's regions live), suppressed below the scenario's `output.minCell`.
   */
  summariseReplications: {
    request: { parts: ReplicationResult[]; scenario: JsonValue };
    response: McResult;
  };
  /**
   * Replications [from, to) of a scenario's whole projection (`years` after its start year): each replication with its
   * own bootstrap weights, parameter draws (growth and income-shock ranges too) and income-shock paths. The client
   * splits N over two workers; replication r is the same draw whichever worker runs it.
   */
  projectionReplications: {
    request: { scenario: JsonValue; years: number; from: number; to: number; seed?: number };
    response: ProjectionReplicationResult;
  };
  /** Merges a projection's replication parts into per-year percentile tables, suppressed below `minCell`. */
  summariseProjectionReplications: {
    request: { parts: ProjectionReplicationResult[]; scenario: JsonValue; minCell?: number };
    response: ProjectionMcResult;
  };
  /** The model validation report of the loaded dataset (levels, survey income against NBS, standard responses). */
  modelValidation: {
    request: Record<string, never>;
    response: ModelValidationReport;
  };
  /** Per-household result columns of a scenario (transferred back; for writing result tables into DuckDB). */
  householdColumns: {
    request: { scenario: JsonValue; yearIndex?: number };
    response: HouseholdResult;
  };
}

/** Result of `load`: what the worker now holds. */
export interface LoadResult {
  datasetId: string;
  households: number;
  regions: number;
}
