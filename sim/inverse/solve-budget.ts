// Inverse question (POLICY.md §5): the uniform standard rise (or consumption ratio) a budget affords, by bisection.
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import { incomeDeciles } from '../kernel/deciles.ts';
import type { Scenario } from '../scenario/types.ts';
import { LEVER_RANGE, applyLever, bisect, evaluate } from './evaluate.ts';
import type { SolveResult } from './types.ts';

/** Input of `solveBudget`. */
export interface SolveBudgetInput {
  households: HouseholdArrays;
  regions: RegionArrays;
  /** Scenario the lever is applied to (its other settings are kept). */
  scenario: Scenario;
  /** Total annual cost allowed, yuan (all components). */
  budget: number;
  lever: 'scalePct' | 'consumptionRatio';
  range?: [number, number];
  /** Stop when the bracket is narrower than this (default 0.01 % points or 0.0001 ratio). */
  tolerance?: number;
  maxIterations?: number;
  decile?: Uint8Array;
}

/** Largest lever value whose total cost stays within the budget, with its caseload and coverage. */
export function solveBudget(input: SolveBudgetInput): SolveResult {
  const decile = input.decile ?? incomeDeciles(input.households);
  const [lo, hi] = input.range ?? LEVER_RANGE[input.lever];
  const tol = input.tolerance ?? (input.lever === 'scalePct' ? 0.01 : 0.0001);
  const f = (v: number) =>
    evaluate(input.households, input.regions, applyLever(input.scenario, input.lever, v), decile).cost;
  const found = bisect(f, input.budget, lo, hi, true, tol, input.maxIterations ?? 60);
  const value = found ? found.x : lo;
  const o = evaluate(input.households, input.regions, applyLever(input.scenario, input.lever, value), decile);
  const base = { lever: input.lever, value, iterations: found?.iterations ?? 2, ...o };
  if (found) return { ok: true, ...base };
  return {
    ok: false,
    ...base,
    messageZh: `预算 ${input.budget.toFixed(0)} 元低于杠杆下限 ${lo} 时的支出 ${o.cost.toFixed(0)} 元，无法实现`,
    messageEn: `Budget ${input.budget.toFixed(0)} yuan is below the cost at the lever's minimum ${lo} (${o.cost.toFixed(0)} yuan)`,
  };
}
