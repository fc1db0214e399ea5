// Inverse question (POLICY.md §5): the uniform standard rise (or consumption ratio) a budget affords, by bisection, for
// the nation or for one province's (one area's) spending.
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import { incomeDeciles } from '../kernel/deciles.ts';
import { resolveScenario, scenarioParamValues, withParams } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { LEVER_RANGE, applyLever, bisect, evaluate, scopedLeverError } from './evaluate.ts';
import { NATIONAL_SCOPE, isNationalScope, scopeCells, scopeError, scopeName } from '../run/scope.ts';
import type { RunScope } from '../run/scope.ts';
import type { SolveResult } from './types.ts';

/** Input of `solveBudget`. */
export interface SolveBudgetInput {
  households: HouseholdArrays;
  regions: RegionArrays;
  /** Scenario the lever is applied to (its other settings are kept). */
  scenario: Scenario;
  /**
   * Total annual cost allowed, yuan (all components), of the scope: the nation by default, or one province (one area)
   * whose spending the budget is for; the lever then moves only that scope's standards (`applyLever`).
   */
  budget: number;
  scope?: RunScope;
  lever: 'scalePct' | 'consumptionRatio';
  range?: [number, number];
  /** Stop when the bracket is narrower than this (default 0.01 % points or 0.0001 ratio). */
  tolerance?: number;
  maxIterations?: number;
  decile?: Uint8Array;
}

/** Largest lever value whose total cost (of the scope) stays within the budget, with its caseload and coverage there. */
export function solveBudget(input: SolveBudgetInput): SolveResult {
  const decile = input.decile ?? incomeDeciles(input.households);
  const scope = input.scope ?? NATIONAL_SCOPE;
  const wrong = scopeError(input.regions, scope) ?? scopedLeverError(input.lever, scope);
  if (wrong) throw new Error(`${wrong.zh} / ${wrong.en}`);
  const cells = isNationalScope(scope) ? undefined : scopeCells(input.regions, scope);
  const provinces = input.regions.provinceCodes;
  const [lo, hi] = input.range ?? LEVER_RANGE[input.lever];
  const tol = input.tolerance ?? (input.lever === 'scalePct' ? 0.01 : 0.0001);
  const at = (v: number) => applyLever(input.scenario, input.lever, v, scope, provinces);
  const run = (v: number) => evaluate(input.households, input.regions, at(v), decile, 0, cells);
  const found = bisect((v) => run(v).cost, input.budget, lo, hi, true, tol, input.maxIterations ?? 60);
  const value = found ? found.x : lo;
  const o = run(value);
  const base = {
    lever: input.lever,
    value,
    iterations: found?.iterations ?? 2,
    ...o,
    ...(isNationalScope(scope) ? {} : { scope }),
  };
  if (found) return { ok: true, ...base };
  const yuan = (v: number) => (v / 1e8).toFixed(1);
  const name = scopeName(input.regions, scope);
  const of = isNationalScope(scope) ? { zh: '', en: '' } : { zh: `${name.zh}的`, en: ` for ${name.en}` };
  const floor = neverLowerBinds(input.regions, at(lo), cells);
  if (floor.cells > 0) {
    const where =
      floor.cells === floor.total
        ? { zh: isNationalScope(scope) ? '所有地区' : `${name.zh}所有地区城乡单元`, en: 'every region cell' }
        : { zh: `${floor.cells}/${floor.total} 个地区城乡单元`, en: `${floor.cells} of ${floor.total} region cells` };
    return {
      ok: false,
      ...base,
      messageZh:
        `${of.zh}预算 ${yuan(input.budget)} 亿元低于可达到的最低支出 ${yuan(o.cost)} 亿元：起约束作用的是“标准不低于现行标准”` +
        `（standard.neverLower），在杠杆下限 ${lo} 时${where.zh}的标准仍保持现行值，再下调杠杆不能降低支出`,
      messageEn:
        `Budget${of.en} ${yuan(input.budget)} 100M yuan is below the lowest reachable cost ${yuan(o.cost)} 100M yuan: the ` +
        `binding constraint is "standards never fall below the current ones" (standard.neverLower); at the lever's ` +
        `minimum ${lo} the standards of ${where.en} stay at their current values, so lowering the lever saves nothing`,
    };
  }
  return {
    ok: false,
    ...base,
    messageZh: `${of.zh}预算 ${yuan(input.budget)} 亿元低于杠杆下限 ${lo} 时的支出 ${yuan(o.cost)} 亿元，无法实现`,
    messageEn: `Budget${of.en} ${yuan(input.budget)} 100M yuan is below the cost at the lever's minimum ${lo} (${yuan(o.cost)} 100M yuan)`,
  };
}

/**
 * Region cells whose standard the "never lower" rule (§3.1 step 6) holds up in this scenario: the standard with the
 * rule is above the standard without it. When it binds, the rule, not the lever's minimum, sets the cheapest cost.
 */
export function neverLowerBinds(
  regions: RegionArrays,
  scenario: Scenario,
  scope?: Uint8Array,
): { cells: number; total: number } {
  const all = regions.count * 2;
  let total = 0;
  for (let c = 0; c < all; c++) if (scope === undefined || scope[c] === 1) total++;
  if (scenarioParamValues(scenario)['standard.neverLower'] < 0.5) return { cells: 0, total };
  const held = resolveScenario(scenario, regions).standard;
  const free = resolveScenario(withParams(scenario, { 'standard.neverLower': 0 }), regions).standard;
  let cells = 0;
  for (let c = 0; c < all; c++) if ((scope === undefined || scope[c] === 1) && held[c] > free[c]) cells++;
  return { cells, total };
}
