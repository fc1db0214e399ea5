// Inverse question (POLICY.md §5): the standard rise, consumption ratio or monitoring multiplier reaching a coverage target.
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import { incomeDeciles } from '../kernel/deciles.ts';
import type { Scenario } from '../scenario/types.ts';
import { LEVER_RANGE, applyLever, bisect, evaluate } from './evaluate.ts';
import type { Outcome } from './evaluate.ts';
import type { InverseLever, SolveResult } from './types.ts';

/** Input of `solveCoverage`. */
export interface SolveCoverageInput {
  households: HouseholdArrays;
  regions: RegionArrays;
  scenario: Scenario;
  /** Target share of the population (e.g. 0.03 = 3%). */
  target: number;
  /** Which coverage: cash (dibao + tekun), low-income (+ marginal + rigid) or monitored. */
  metric: 'cash' | 'lowIncome' | 'monitored';
  lever: InverseLever;
  range?: [number, number];
  tolerance?: number;
  maxIterations?: number;
  decile?: Uint8Array;
}

function pick(o: Outcome, metric: SolveCoverageInput['metric']): number {
  return metric === 'cash' ? o.coverageCash : metric === 'lowIncome' ? o.coverageLowIncome : o.coverageMonitored;
}

/** Smallest lever value whose coverage reaches the target, with its cost and caseload. */
export function solveCoverage(input: SolveCoverageInput): SolveResult {
  const decile = input.decile ?? incomeDeciles(input.households);
  const [lo, hi] = input.range ?? LEVER_RANGE[input.lever];
  const tol = input.tolerance ?? (input.lever === 'scalePct' ? 0.01 : 0.0001);
  const run = (v: number) =>
    evaluate(input.households, input.regions, applyLever(input.scenario, input.lever, v), decile);
  const found = bisect((v) => pick(run(v), input.metric), input.target, lo, hi, false, tol, input.maxIterations ?? 60);
  const value = found ? found.x : hi;
  const o = run(value);
  const base = { lever: input.lever, value, iterations: found?.iterations ?? 2, ...o };
  if (found) return { ok: true, ...base };
  return {
    ok: false,
    ...base,
    messageZh: `在杠杆上限 ${hi} 时覆盖率仅为 ${(pick(o, input.metric) * 100).toFixed(2)}%，达不到目标 ${(input.target * 100).toFixed(2)}%`,
    messageEn: `At the lever's maximum ${hi} coverage is only ${(pick(o, input.metric) * 100).toFixed(2)}%, below the target ${(input.target * 100).toFixed(2)}%`,
  };
}
