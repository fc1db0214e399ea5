// Year-to-year income dynamics of a projection (POLICY.md §3.3): each household's log income departs from its growth
// path by an AR(1) term, e(t) = ρ e(t−1) + σ ε(t), e = 0 in the start year, with logistic shocks ε of unit variance
// drawn from the counter hash keyed by (projection year, household row in the whole dataset): in expected value one
// path shared by every run, in a Monte Carlo replication its own path keyed also by (seed, replication); the same
// whatever the shard or worker count. Mean income still grows at `projection.incomeGrowth` (the factor is divided by
// E[exp(e(t))]).
import { DRAW, uniform } from '../random/counter-hash.ts';
import type { ResolvedParams } from './types.ts';

/** Stream (seed slot) of the income shocks; the projection year takes the replication slot. */
const INCOME_STREAM = 0x1c0e5eed;
/** √3/π: scales a standard logistic variable (variance π²/3) to unit variance. */
const LOGISTIC_UNIT = Math.sqrt(3) / Math.PI;
const HALF_ULP = 1 / 8589934592;

/** Whose shock path: a Monte Carlo replication's own (seed, replication), or the shared one (undefined). */
export interface ShockPath {
  seed: number;
  replication: number;
}

/**
 * The unit-variance logistic shock ε(t) of the household at `row` (whole-dataset row) in projection year `yearIndex`,
 * on the shared path or on a Monte Carlo replication's own path.
 */
export function incomeShockDraw(row: number, yearIndex: number, path?: ShockPath): number {
  const u =
    (path === undefined
      ? uniform(INCOME_STREAM, yearIndex, row, DRAW.income)
      : uniform(path.seed, path.replication, row, DRAW.incomeYear + yearIndex)) + HALF_ULP;
  return Math.log(u / (1 - u)) * LOGISTIC_UNIT;
}

/** E[exp(a ε)] for a unit-variance logistic ε: the logistic moment generating function, a√3 / sin(a√3) (a√3 < π). */
function logisticMgf(a: number): number {
  const x = a * Math.sqrt(3);
  return x < 1e-9 ? 1 : x / Math.sin(x);
}

/** Persistence ρ and shock standard deviation σ of a resolved year, and whether shocks apply (projection years). */
export interface IncomeDynamics {
  on: boolean;
  rho: number;
  sd: number;
  /** log E[exp(e(t))] = Σ_{j<t} log M(ρ^j σ): subtracted so mean income follows the growth path. */
  logMean: number;
  /** A Monte Carlo replication's own shock path; undefined: the shared path (expected value). */
  path?: ShockPath;
}

/** The income dynamics of a resolved year: off in the start year or with σ = 0; `path` for a Monte Carlo replication. */
export function incomeDynamics(params: ResolvedParams, path?: ShockPath): IncomeDynamics {
  const t = params.yearIndex;
  const rho = params.scalars['projection.incomePersistence'];
  const sd = params.scalars['projection.incomeShockSd'];
  let logMean = 0;
  for (let j = 0; j < t; j++) logMean += Math.log(logisticMgf(Math.pow(rho, j) * sd));
  return { on: t > 0 && sd > 0, rho, sd, logMean, ...(path === undefined ? {} : { path }) };
}

/** e(t) of one household from last year's e(t−1) (0 when not carried): ρ e(t−1) + σ ε(t). */
export function incomeShock(dyn: IncomeDynamics, previous: number, row: number, yearIndex: number): number {
  return dyn.rho * previous + dyn.sd * incomeShockDraw(row, yearIndex, dyn.path);
}

/**
 * e(t) and the income factor exp(e(t) − logMean) of households [0, n) (rows rowOffset… of the whole dataset) from
 * last year's e(t−1): the numbers `simulateYear` and `monitoringMass` otherwise compute inline, bit for bit. A shard
 * computes them once per year (one log and one exp per household) for the histogram and the year, and keeps them for
 * the next projection with the same dynamics.
 */
export function incomeShockFactors(
  dyn: IncomeDynamics,
  previous: Float32Array,
  rowOffset: number,
  yearIndex: number,
  factor: Float64Array,
  next: Float32Array,
): void {
  const n = previous.length;
  const logMean = dyn.logMean;
  for (let i = 0; i < n; i++) {
    const e = incomeShock(dyn, previous[i], i + rowOffset, yearIndex);
    factor[i] = Math.exp(e - logMean);
    next[i] = e;
  }
}
