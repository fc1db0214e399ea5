// Inverse question (POLICY.md §5): the uniform standard rise (or consumption ratio) a budget affords, by bisection.
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import { incomeDeciles } from '../kernel/deciles.ts';
import { resolveScenario, scenarioParamValues, withParams } from '../scenario/resolve.ts';
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
  const yuan = (v: number) => (v / 1e8).toFixed(1);
  const floor = neverLowerBinds(input.regions, applyLever(input.scenario, input.lever, lo));
  if (floor.cells > 0) {
    const where =
      floor.cells === floor.total
        ? { zh: '所有地区', en: 'every region cell' }
        : { zh: `${floor.cells}/${floor.total} 个地区城乡单元`, en: `${floor.cells} of ${floor.total} region cells` };
    return {
      ok: false,
      ...base,
      messageZh:
        `预算 ${yuan(input.budget)} 亿元低于可达到的最低支出 ${yuan(o.cost)} 亿元：起约束作用的是“标准不低于现行标准”` +
        `（standard.neverLower），在杠杆下限 ${lo} 时${where.zh}的标准仍保持现行值，再下调杠杆不能降低支出`,
      messageEn:
        `Budget ${yuan(input.budget)} 100M yuan is below the lowest reachable cost ${yuan(o.cost)} 100M yuan: the ` +
        `binding constraint is "standards never fall below the current ones" (standard.neverLower); at the lever's ` +
        `minimum ${lo} the standards of ${where.en} stay at their current values, so lowering the lever saves nothing`,
    };
  }
  return {
    ok: false,
    ...base,
    messageZh: `预算 ${yuan(input.budget)} 亿元低于杠杆下限 ${lo} 时的支出 ${yuan(o.cost)} 亿元，无法实现`,
    messageEn: `Budget ${yuan(input.budget)} 100M yuan is below the cost at the lever's minimum ${lo} (${yuan(o.cost)} 100M yuan)`,
  };
}

/**
 * Region cells whose standard the "never lower" rule (§3.1 step 6) holds up in this scenario: the standard with the
 * rule is above the standard without it. When it binds, the rule, not the lever's minimum, sets the cheapest cost.
 */
export function neverLowerBinds(regions: RegionArrays, scenario: Scenario): { cells: number; total: number } {
  const total = regions.count * 2;
  if (scenarioParamValues(scenario)['standard.neverLower'] < 0.5) return { cells: 0, total };
  const held = resolveScenario(scenario, regions).standard;
  const free = resolveScenario(withParams(scenario, { 'standard.neverLower': 0 }), regions).standard;
  let cells = 0;
  for (let c = 0; c < total; c++) if (held[c] > free[c]) cells++;
  return { cells, total };
}
