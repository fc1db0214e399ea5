// Public types of the kernel: resolved per-cell parameters, run options, carried-over state and year results.
import type { ParamValues, RegionalParamId } from '../params/catalogue.ts';
import type { ComponentId } from './metrics.ts';

/**
 * A scenario resolved against a dataset for one projection year: every regional parameter as a per-cell array
 * (`cell = region * 2 + area`), the standard after the rule, and the fixed poverty line. Plain data; postMessage-able.
 */
export interface ResolvedParams {
  /** Calendar year and index from the projection start (0 = start year). */
  year: number;
  yearIndex: number;
  /** Values of every parameter before regional overrides (national values). */
  scalars: ParamValues;
  /** Per-cell values of every regional parameter (length regions.count * 2). */
  cell: Record<RegionalParamId, Float64Array>;
  /** Per cell: dibao standard after the standard rule, yuan/person/month. */
  standard: Float64Array;
  /** Per cell: the baseline standard for this year (dataset standard on the baseline path), the poverty line. */
  povertyLine: Float64Array;
  /** Per cell: cumulative growth factors since the start year (1 in the start year). */
  incomeFactor: Float64Array;
  consumptionFactor: Float64Array;
  populationFactor: Float64Array;
  /** Per cell: central-government share of cost. */
  centralShare: Float64Array;
  /** Price index relative to the start year (deflator for real values). */
  priceIndex: number;
  /** Phase-in fractions (0..1] of monitoring widening and take-up changes in this year. */
  monitoringPhase: number;
  takeupPhase: number;
}

/** How to run one year. */
export interface SimOptions {
  /** Expected value (default) or one Monte Carlo replication. */
  mode?: 'ev' | 'mc';
  /** Monte Carlo seed and replication index (the draw for household i depends only on seed, replication, i). */
  seed?: number;
  replication?: number;
  /** Row number of the first household in the whole dataset when running a slice of it, so Monte Carlo draws are
   * the same as in a run over all rows (default 0). */
  rowOffset?: number;
  /** Fill per-household result columns (default true). Aggregates are always computed. */
  householdColumns?: boolean;
  /** Reuse these column buffers (cleared first) instead of allocating ~110 bytes per household on every call. */
  columnsInto?: HouseholdResult;
  /** National pre-transfer income decile (0..9) per household, from `incomeDeciles`; computed if omitted. */
  decile?: Uint8Array;
  /** Per household: the factor from survey to assessed income for these parameters (`KernelPrep.assessedFactors`),
   * so it is not recomputed every year; computed inline if omitted. */
  assessed?: Float64Array;
  /** Monitoring-by-share income/standard cutoff (from `monitoringTargetRatio`); computed if omitted. */
  monitoringRatio?: number;
  /** Per-household factors on the weights (e.g. bootstrap replicate weights, `sim/montecarlo/uncertainty.ts`);
   * sample counts are unaffected. Default: none (factor 1). */
  weightFactor?: Float64Array;
  /** Use the inline fast path for households outside every programme (default true; tests compare with false). */
  fastPath?: boolean;
  /** Produce `nextState` for the next projection year (default false: single-year runs skip it). */
  carryState?: boolean;
  /** Buffers to write `nextState` into (reused across years; must not be the `state` being read). */
  stateInto?: HouseholdState;
  /** Per household: the income-shock factor of this carried year from `incomeShockFactors` (sim/kernel/dynamics.ts),
   * computed once by the caller, which has also written e(t) into `stateInto.shock`; computed inline if omitted. */
  shockFactor?: Float64Array;
  /** Status carried from the previous projection year; the dataset's current status if omitted. Income shocks
   * (`projection.incomeShockSd`) apply only to carried years. */
  state?: HouseholdState;
}

/** Status carried between projection years: programme and probability (EV) or indicator (MC) of enrolment. */
export interface HouseholdState {
  programme: Uint8Array;
  enrol: Float64Array;
  /** 1 if in the gradual exit period at the start of the year. */
  gradualExit: Uint8Array;
  /** The household's income shock e(t−1), log deviation from its growth path (`sim/kernel/dynamics.ts`). */
  shock: Float32Array;
}

/** Per-household result columns (one element per household). Expected values in EV mode, draws in MC mode. */
export interface HouseholdResult {
  /** PROGRAMME code of the highest-precedence programme the household is eligible for (0 none). */
  status: Uint8Array;
  /** FLAG bits: eligibility per programme, asset test, monitored, single-person dibao, disaster region. */
  flags: Uint8Array;
  /** Probability (EV) or indicator (MC) of being enrolled in `status` this year. */
  enrol: Float64Array;
  /** Probability / indicator of being a new entrant, a leaver, in gradual exit. */
  entrant: Float64Array;
  leaver: Float64Array;
  gradualExit: Float64Array;
  /** Expected temporary-assistance events this year. */
  tempEvents: Float64Array;
  /** Benefit by component, yuan per household per year (already multiplied by enrolment). */
  benefit: Record<ComponentId, Float64Array>;
  /** Sum of all components, yuan per household per year. */
  total: Float64Array;
}

/** Result of one simulated year: additive accumulators per cell and decile, plus optional household columns. */
export interface YearResult {
  year: number;
  yearIndex: number;
  mode: 'ev' | 'mc';
  replication: number;
  /** Number of regions; cells = regionCount * 2. */
  regionCount: number;
  /** `cells[cell * METRIC_COUNT + M[id]]`: weighted sums (see SUM_METRICS). */
  cells: Float64Array;
  /** `deciles[d * DECILE_METRIC_COUNT + k]`: national pre-transfer income deciles (see DECILE_METRICS). */
  deciles: Float64Array;
  priceIndex: number;
  /** Per cell: the dibao standard of the year (yuan/person/month), for population-weighted average standards. */
  standard: Float64Array;
  households?: HouseholdResult;
  /** Status to carry into the next projection year (only with `carryState`). */
  nextState?: HouseholdState;
}
