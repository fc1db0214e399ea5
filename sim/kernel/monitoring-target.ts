// Monitoring widened to a target population share (POLICY.md §2.8): the income/standard cutoff that reaches it.
import type { HouseholdArrays } from '../model/households.ts';
import type { HouseholdState, ResolvedParams } from './types.ts';

const BINS = 20000;
const MAX_RATIO = 20;

/**
 * The income-to-standard ratio below which households are monitored so that monitored persons reach
 * `monitoring.targetShare` × phase of the population (already monitored households count first, the lowest ratios
 * are added next). Returns -Infinity when the target is off or already met.
 */
export function monitoringTargetRatio(h: HouseholdArrays, params: ResolvedParams, state?: HouseholdState): number {
  const target = params.scalars['monitoring.targetShare'] * params.monitoringPhase;
  if (!(target > 0)) return -Infinity;
  const prevProg = state ? state.programme : h.programme;
  const mult = params.cell['monitoring.coverageMultiplier'];
  const mass = new Float64Array(BINS + 1);
  let total = 0;
  let already = 0;
  for (let i = 0; i < h.count; i++) {
    const c = (h.region[i] << 1) | h.area[i];
    const persons = h.weight[i] * params.populationFactor[c] * h.size[i];
    total += persons;
    const ratio = (h.incomePc[i] * params.incomeFactor[c]) / 12 / params.standard[c];
    if (h.monitored[i] > 0 || prevProg[i] !== 0 || (mult[c] > 0 && ratio < mult[c])) {
      already += persons;
      continue;
    }
    const bin = ratio >= MAX_RATIO ? BINS : Math.max(0, Math.floor((ratio / MAX_RATIO) * BINS));
    mass[bin] += persons;
  }
  const need = target * total - already;
  if (need <= 0) return -Infinity;
  let cum = 0;
  for (let b = 0; b <= BINS; b++) {
    cum += mass[b];
    if (cum >= need) return b >= BINS ? Infinity : ((b + 1) / BINS) * MAX_RATIO;
  }
  return Infinity;
}
