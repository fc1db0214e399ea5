// Monitoring widened to a target population share (POLICY.md §2.8): the income/standard cutoff that reaches it.
// Computed from a histogram of persons by income/standard ratio, which slices of the data can build separately and
// add up (sharded runs), then read off once.
import type { HouseholdArrays } from '../model/households.ts';
import { assessedFactor, assessmentNormal } from '../rules/assessed-income.ts';
import { incomeDynamics, incomeShock } from './dynamics.ts';
import type { ShockPath } from './dynamics.ts';
import type { HouseholdState, ResolvedParams } from './types.ts';

const BINS = 20000;
const MAX_RATIO = 20;
/** Length of a monitoring histogram: BINS + 1 ratio bins, then all persons, then persons already monitored. */
export const MONITORING_MASS_LENGTH = BINS + 3;
const TOTAL = BINS + 1;
const ALREADY = BINS + 2;

/** The population share monitoring must reach this year (target × phase-in); 0 or less when widening is off. */
export function monitoringTargetShare(params: ResolvedParams): number {
  return params.scalars['monitoring.targetShare'] * params.monitoringPhase;
}

/**
 * Persons by income/standard ratio among households not yet monitored, plus all persons and those already monitored
 * (flagged, in a programme, or below the coverage multiplier). Additive: histograms of slices sum to the whole's.
 * `assessed`: the households' assessed-income factors (`KernelPrep.assessedFactors`), computed here if omitted;
 * `shockFactor`: a carried year's income-shock factors (`incomeShockFactors`), computed here if omitted;
 * `path`: a Monte Carlo replication's income-shock path (the kernel's), else the shared one.
 */
export function monitoringMass(
  h: HouseholdArrays,
  params: ResolvedParams,
  state?: HouseholdState,
  rowOffset = 0,
  assessed?: Float64Array,
  shockFactor?: Float64Array,
  path?: ShockPath,
): Float64Array {
  const prevProg = state ? state.programme : h.programme;
  const mult = params.cell['monitoring.coverageMultiplier'];
  const bias = params.cell['takeup.assessedBias'];
  const noise = params.cell['takeup.assessedNoise'];
  // The income the kernel sees this year: with a carried state, the same shock (same draw, same row) as the kernel's.
  const dyn = incomeDynamics(params, path);
  const factors = dyn.on && state !== undefined ? shockFactor : undefined;
  const shocks = dyn.on && state !== undefined && factors === undefined ? state.shock : undefined;
  const mass = new Float64Array(MONITORING_MASS_LENGTH);
  let total = 0;
  let already = 0;
  for (let i = 0; i < h.count; i++) {
    const c = (h.region[i] << 1) | h.area[i];
    const persons = h.weight[i] * params.populationFactor[c] * h.size[i];
    total += persons;
    const shockF =
      factors !== undefined
        ? factors[i]
        : shocks !== undefined
          ? Math.exp(incomeShock(dyn, shocks[i], i + rowOffset, params.yearIndex) - dyn.logMean)
          : 1;
    // The platform sees assessed income, as the kernel's eligibility tests do.
    const af =
      assessed !== undefined
        ? assessed[i]
        : assessedFactor(assessmentNormal(h.incomePc[i], h.earningsPc[i], h.size[i]), bias[c], noise[c]);
    const ratio = (h.incomePc[i] * params.incomeFactor[c] * shockF * af) / 12 / params.standard[c];
    if (h.monitored[i] > 0 || prevProg[i] !== 0 || (mult[c] > 0 && ratio < mult[c])) {
      already += persons;
      continue;
    }
    const bin = ratio >= MAX_RATIO ? BINS : Math.max(0, Math.floor((ratio / MAX_RATIO) * BINS));
    mass[bin] += persons;
  }
  mass[TOTAL] = total;
  mass[ALREADY] = already;
  return mass;
}

/**
 * The cutoff ratio from a (summed) histogram: households below it are monitored so that monitored persons reach
 * `target` of the population, lowest ratios first. -Infinity when the target is off or already met.
 */
export function monitoringCutoff(target: number, mass: Float64Array): number {
  if (!(target > 0)) return -Infinity;
  const need = target * mass[TOTAL] - mass[ALREADY];
  if (need <= 0) return -Infinity;
  let cum = 0;
  for (let b = 0; b <= BINS; b++) {
    cum += mass[b];
    if (cum >= need) return b >= BINS ? Infinity : ((b + 1) / BINS) * MAX_RATIO;
  }
  return Infinity;
}

/**
 * The income-to-standard ratio below which households are monitored so that monitored persons reach
 * `monitoring.targetShare` × phase of the population (already monitored households count first, the lowest ratios
 * are added next). Returns -Infinity when the target is off or already met.
 */
export function monitoringTargetRatio(
  h: HouseholdArrays,
  params: ResolvedParams,
  state?: HouseholdState,
  rowOffset = 0,
  assessed?: Float64Array,
  path?: ShockPath,
): number {
  const target = monitoringTargetShare(params);
  if (!(target > 0)) return -Infinity;
  return monitoringCutoff(target, monitoringMass(h, params, state, rowOffset, assessed, undefined, path));
}
