// Shared helper of the inverse solvers: run one scenario-year (aggregates only) and read national outcomes.
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import { M, METRIC_COUNT, combinedSum } from '../kernel/metrics.ts';
import { simulateYear } from '../kernel/simulate-year.ts';
import { resolveScenario } from '../scenario/resolve.ts';
import { withParams } from '../scenario/resolve.ts';
import type { RegionOverride, RegionalParamsPatch, Scenario } from '../scenario/types.ts';
import { NATIONAL_SCOPE, isNationalScope } from '../run/scope.ts';
import type { RunScope } from '../run/scope.ts';
import type { InverseLever } from './types.ts';
import type { Bilingual } from '../bilingual.ts';

/** National outcomes of one scenario-year. */
export interface Outcome {
  cost: number;
  households: number;
  persons: number;
  coverageCash: number;
  coverageLowIncome: number;
  coverageMonitored: number;
}

/**
 * Simulate the scenario's start year in expected-value mode and sum the totals of the cells in `cells` (a mask from
 * `scopeCells`: one province, one area), or of every cell (national) when it is omitted.
 */
export function evaluate(
  h: HouseholdArrays,
  regions: RegionArrays,
  scenario: Scenario,
  decile: Uint8Array,
  yearIndex = 0,
  cells?: Uint8Array,
): Outcome {
  const params = resolveScenario(scenario, regions, { yearIndex });
  const r = simulateYear(h, regions, params, { householdColumns: false, decile });
  const t = new Float64Array(METRIC_COUNT);
  for (let c = 0; c < r.cells.length / METRIC_COUNT; c++) {
    if (cells !== undefined && cells[c] === 0) continue;
    for (let k = 0; k < METRIC_COUNT; k++) t[k] += r.cells[c * METRIC_COUNT + k];
  }
  const persons = t[M['persons']];
  const cashP = combinedSum('persons.cash', t);
  const share = (x: number) => (persons > 0 ? x / persons : 0);
  return {
    cost: t[M['cost.total']],
    households: t[M['households.dibao']] + t[M['households.tekun']],
    persons: cashP,
    coverageCash: share(cashP),
    coverageLowIncome: share(combinedSum('persons.lowIncome', t)),
    coverageMonitored: share(t[M['monitored.persons']]),
  };
}

/**
 * The scenario with a lever set to a value (consumption ratio keeps the scenario's rural − urban gap). With a scope
 * other than the nation the lever moves only the scope's standards: region overrides appended after the scenario's
 * own, for the scope's province (or, for an area of the whole nation, every province in `provinces`), so every other
 * region keeps its standard. A scoped consumption ratio applies to both areas only (see `scopedLeverError`).
 */
export function applyLever(
  scenario: Scenario,
  lever: InverseLever,
  value: number,
  scope: RunScope = NATIONAL_SCOPE,
  provinces: readonly string[] = [],
): Scenario {
  if (!isNationalScope(scope) && lever !== 'monitoringMultiplier') {
    const params: RegionalParamsPatch =
      lever === 'scalePct'
        ? { standard: { scalePct: value } }
        : {
            standard: {
              useConsumptionRatio: true,
              consumptionRatioUrban: value,
              consumptionRatioRural: rural(scenario, value),
            },
          };
    const codes = scope.province !== undefined ? [scope.province] : provinces;
    if (codes.length === 0) throw new Error('applyLever: an area of the whole nation needs the province codes');
    const added: RegionOverride[] = codes.map((region) => ({
      region,
      ...(scope.area ? { area: scope.area } : {}),
      params,
    }));
    return { ...scenario, regionOverrides: [...(scenario.regionOverrides ?? []), ...added] };
  }
  if (lever === 'scalePct') return withParams(scenario, { 'standard.scalePct': value });
  if (lever === 'monitoringMultiplier') return withParams(scenario, { 'monitoring.coverageMultiplier': value });
  return withParams(scenario, {
    'standard.useConsumptionRatio': 1,
    'standard.consumptionRatioUrban': value,
    'standard.consumptionRatioRural': rural(scenario, value),
  });
}

/** The rural consumption ratio that keeps the scenario's rural − urban gap at an urban ratio `value`. */
function rural(scenario: Scenario, value: number): number {
  const urban = scenario.params?.standard?.consumptionRatioUrban;
  const ruralRatio = scenario.params?.standard?.consumptionRatioRural;
  const gap = (typeof ruralRatio === 'number' ? ruralRatio : 0.4) - (typeof urban === 'number' ? urban : 0.35);
  return Math.min(0.8, Math.max(0.1, value + gap));
}

/** Why a lever cannot be solved in a scope (the consumption ratio names an urban ratio: not for one area alone). */
export function scopedLeverError(lever: InverseLever, scope: RunScope): Bilingual | null {
  if (lever === 'consumptionRatio' && scope.area !== undefined) {
    return {
      zh: '消费支出比例杠杆以城市比例表示（农村保持差距），不能只用于城市或农村；请选择“城乡合计”或改用标准上调幅度',
      en: 'the consumption-ratio lever is an urban ratio (rural keeps its gap) and cannot move one area alone; choose both areas or the standard rise',
    };
  }
  return null;
}

/** Default search range of each lever. */
export const LEVER_RANGE: Record<InverseLever, [number, number]> = {
  scalePct: [-50, 200],
  consumptionRatio: [0.1, 0.8],
  monitoringMultiplier: [1, 5],
};

/**
 * Bisection for an increasing function f on [lo, hi]: the smallest x with f(x) ≥ target (or, with `atMost`, the
 * largest x with f(x) ≤ target). Returns null when the target is outside [f(lo), f(hi)].
 */
export function bisect(
  f: (x: number) => number,
  target: number,
  lo: number,
  hi: number,
  atMost: boolean,
  tolerance: number,
  maxIterations: number,
): { x: number; iterations: number } | null {
  const flo = f(lo);
  const fhi = f(hi);
  if (atMost ? flo > target : fhi < target) return null;
  if (atMost ? fhi <= target : flo >= target) return { x: atMost ? hi : lo, iterations: 2 };
  let a = lo;
  let b = hi;
  let it = 2;
  while (b - a > tolerance && it < maxIterations) {
    const mid = (a + b) / 2;
    const v = f(mid);
    it++;
    if (atMost ? v <= target : v < target) a = mid;
    else b = mid;
  }
  return { x: atMost ? a : b, iterations: it };
}
