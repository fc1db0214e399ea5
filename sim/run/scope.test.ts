// A province's projection is the national projection's rows for that province; a budget solved for one province
// moves only that province's standards and is measured on that province's spending.
import { describe, expect, it } from 'vitest';
import { incomeDeciles } from '../kernel/deciles.ts';
import { applyLever, evaluate } from '../inverse/evaluate.ts';
import { solveBudget } from '../inverse/solve-budget.ts';
import { aggregate } from '../outputs/aggregate.ts';
import { AREA_ALL } from '../outputs/types.ts';
import { resolveScenario } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { syntheticHouseholds, syntheticRegions } from '../testing/synthetic.ts';
import { compareRun } from './compare-run.ts';
import { LocalKernel } from './local-kernel.ts';
import { cumulativeSums, scopeCells, scopeError, scopeName, scopeRow, scopeValue, scopedProjection } from './scope.ts';

const regions = syntheticRegions(3, 6);
const households = syntheticHouseholds(5000, regions, 43, 0.5);
const decile = incomeDeciles(households);
// The planner's reform: province 12's rural standards +8 %.
const reform: Scenario = {
  schemaVersion: 1,
  name: 'rural +8 % in 12',
  regionOverrides: [{ region: '12', area: 'rural', params: { standard: { scalePct: 8 } } }],
};

describe('run scope', { timeout: 60_000 }, () => {
  it('reads a province (and an area) as the national projection rows for that province, cost summed over the years', async () => {
    const run = await compareRun(new LocalKernel(households, regions, { decile }), reform, { minCell: 0, years: 3 });
    const years = run.years.map((y) => ({ year: y.year, scenario: y.scenario, baseline: y.baseline }));
    const rural = scopedProjection(years, { province: '12', area: 'rural' }, ['persons.dibao', 'cost.total']);
    expect(rural.map((y) => y.year)).toEqual([2024, 2025, 2026, 2027]);
    let cumulative = 0;
    run.scenarioYears.forEach((year, t) => {
      // The province row of the same year's province table, aggregated afresh from the kernel's cells.
      const table = aggregate(year, regions, 'province');
      const row = table.code.findIndex((code, i) => code === '12' && table.area[i] === 1);
      expect(rural[t].scenario['cost.total']).toBe(table.values['cost.total'][row]);
      expect(rural[t].scenario['persons.dibao']).toBe(table.values['persons.dibao'][row]);
      cumulative += table.values['cost.total'][row];
      expect(rural[t].cumulativeCost).toBeCloseTo(cumulative, 6);
    });
    // The three provinces' both-area rows add up to the national row, every year.
    for (const y of years) {
      const sum = ['11', '12', '13'].reduce((s, p) => s + scopeValue(y.scenario, { province: p }, 'cost.total'), 0);
      expect(sum).toBeCloseTo(scopeValue(y.scenario, {}, 'cost.total'), 4);
    }
    // Only province 12 rural moved: elsewhere scenario = baseline in every year.
    for (const y of years) {
      for (const scope of [{ province: '11' }, { province: '13' }, { province: '12', area: 'urban' as const }]) {
        expect(scopeValue(y.scenario, scope, 'cost.total')).toBe(scopeValue(y.baseline, scope, 'cost.total'));
      }
      expect(scopeValue(y.scenario, { province: '12', area: 'rural' }, 'cost.total')).toBeGreaterThan(
        scopeValue(y.baseline, { province: '12', area: 'rural' }, 'cost.total'),
      );
    }
    expect(scopeRow(years[0].scenario, {}).row).toBe(AREA_ALL);
  });

  it('names the scope, masks its cells and refuses a province the data does not have', () => {
    expect(scopeName(regions, { province: '12', area: 'rural' })).toEqual({
      zh: '省12 · 农村',
      en: 'Province 12 · rural',
    });
    expect(scopeName(regions, {})).toEqual({ zh: '全国', en: 'National' });
    expect(Array.from(scopeCells(regions, { province: '12', area: 'rural' }))).toEqual([0, 0, 0, 1, 0, 0]);
    expect(Array.from(scopeCells(regions, { area: 'urban' }))).toEqual([1, 0, 1, 0, 1, 0]);
    expect(scopeError(regions, { province: '43' })?.en).toContain('"43" is not in the data');
    expect(scopeError(regions, { province: '12' })).toBeNull();
    expect(cumulativeSums([1, 2, 3.5])).toEqual([1, 3, 6.5]);
  });

  it("solves a province's budget on its own spending and leaves every other province's standards unchanged", () => {
    const scope = { province: '12', area: 'rural' as const };
    const cells = scopeCells(regions, scope);
    const start: Scenario = { schemaVersion: 1, name: 'start' };
    // The budget is province 12's rural spending at +8 %: the answer is +8 % there (within the bisection tolerance).
    const budget = evaluate(households, regions, applyLever(start, 'scalePct', 8, scope), decile, 0, cells).cost;
    const result = solveBudget({ households, regions, scenario: start, budget, lever: 'scalePct', decile, scope });
    expect(result.ok).toBe(true);
    expect(result.scope).toEqual(scope);
    expect(result.value).toBeGreaterThan(7.9);
    expect(result.value).toBeLessThanOrEqual(8.0001);
    expect(result.cost).toBeLessThanOrEqual(budget);
    const before = resolveScenario(start, regions).standard;
    const after = resolveScenario(applyLever(start, 'scalePct', result.value, scope), regions).standard;
    for (let c = 0; c < before.length; c++) {
      // Hand check: province 12 is region 1, its rural cell is 1 × 2 + 1 = 3; it alone rises by the answer.
      if (c === 3) expect(after[c]).toBeCloseTo(before[c] * (1 + result.value / 100), 9);
      else expect(after[c]).toBe(before[c]);
    }
    // The province's spending is far below the national one: the same budget nationally affords no rise at all.
    const national = solveBudget({ households, regions, scenario: start, budget, lever: 'scalePct', decile });
    expect(national.ok).toBe(false);
    expect(national.scope).toBeUndefined();
  });

  it('names the province in a budget it cannot reach', () => {
    const scope = { province: '12' };
    const r = solveBudget({
      households,
      regions,
      scenario: { schemaVersion: 1, name: 's' },
      budget: 1,
      lever: 'scalePct',
      decile,
      scope,
    });
    expect(r.ok).toBe(false);
    expect(r.messageZh).toContain('省12的预算');
    expect(r.messageEn).toContain('Budget for Province 12');
  });
});
