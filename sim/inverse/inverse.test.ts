// Inverse questions: budget → standard rise, coverage target → lever, and sensitivity ranking.
import { describe, expect, it } from 'vitest';
import { incomeDeciles } from '../kernel/deciles.ts';
import type { Scenario } from '../scenario/types.ts';
import { syntheticHouseholds, syntheticRegions } from '../testing/synthetic.ts';
import { applyLever, evaluate } from './evaluate.ts';
import { sensitivity, swingBounds } from './sensitivity.ts';
import { neverLowerBinds, solveBudget } from './solve-budget.ts';
import { solveCoverage } from './solve-coverage.ts';

const regions = syntheticRegions(3, 6);
const households = syntheticHouseholds(5000, regions, 43, 0.5);
const decile = incomeDeciles(households);
const scenario: Scenario = { schemaVersion: 1, name: 'x' };

describe('inverse questions', { timeout: 60_000 }, () => {
  it('finds the standard rise a budget affords', () => {
    const budget = evaluate(households, regions, applyLever(scenario, 'scalePct', 12), decile).cost;
    const r = solveBudget({ households, regions, scenario, budget, lever: 'scalePct', decile });
    expect(r.ok).toBe(true);
    expect(r.value).toBeGreaterThan(11.5);
    expect(r.value).toBeLessThan(12.5);
    expect(r.cost).toBeLessThanOrEqual(budget);
  });

  it('reports a budget below the cheapest option as not achievable, in both languages', () => {
    const r = solveBudget({ households, regions, scenario, budget: 1, lever: 'scalePct', range: [0, 50], decile });
    expect(r.ok).toBe(false);
    expect(r.messageZh).toMatch(/预算/);
    expect(r.messageEn).toMatch(/Budget/);
  });

  it('names "never lower" as the binding constraint when standards cannot fall, and the lever minimum otherwise', () => {
    // Default range [-50, 200]: at -50 % every standard would halve, "never lower" holds all 6 cells (3 regions × 2).
    const held = solveBudget({ households, regions, scenario, budget: 1, lever: 'scalePct', decile });
    expect(held.ok).toBe(false);
    expect(held.messageZh).toContain('标准不低于现行标准');
    expect(held.messageEn).toContain('standards never fall below the current ones');
    expect(held.messageEn).toContain('every region cell');
    expect(held.messageEn).not.toContain("cost at the lever's minimum");
    // The cheapest cost it reports is the cost at the current standards (lever 0), not at -50 %.
    expect(held.cost).toBeCloseTo(evaluate(households, regions, applyLever(scenario, 'scalePct', 0), decile).cost, 6);
    expect(neverLowerBinds(regions, applyLever(scenario, 'scalePct', 0))).toEqual({ cells: 0, total: 6 });
    // With the rule switched off, the lever's minimum binds and the message says so.
    const free: Scenario = { schemaVersion: 1, name: 'free', params: { standard: { neverLower: false } } };
    const r = solveBudget({ households, regions, scenario: free, budget: 1, lever: 'scalePct', decile });
    expect(r.ok).toBe(false);
    expect(r.messageEn).toContain("the cost at the lever's minimum -50");
    expect(r.cost).toBeLessThan(held.cost);
  });

  it('gives a relative swing an absolute meaning for parameters at 0: a share of the range', () => {
    // value 0.4, r 0.5: ± 0.5 × 0.4 = ± 0.2 → [0.2, 0.6], relative.
    expect(swingBounds(0.4, 0, 1, 0.5)).toEqual({ low: 0.2, high: 0.6000000000000001, basis: 'relative' });
    // value 0 on [0, 0.5] (a supplement share), r 0.2: ± 0.2 × 0.5 = ± 0.1 → [0, 0.1] after clamping, by range.
    expect(swingBounds(0, 0, 0.5, 0.2)).toEqual({ low: 0, high: 0.1, basis: 'rangeShare' });
    // value 0 on [-50, 200] (scalePct), r 0.2: ± 0.2 × 250 = ± 50 → [-50, 50].
    expect(swingBounds(0, -50, 200, 0.2)).toEqual({ low: -50, high: 50, basis: 'rangeShare' });
    expect(swingBounds(3, 0, 10, 'range')).toEqual({ low: 0, high: 10, basis: 'range' });
    const rows = sensitivity({ households, regions, scenario, decile, params: ['dibao.suppElderly'], swing: 0.2 });
    expect(rows[0].swingBasis).toBe('rangeShare');
    expect(rows[0].high).toBeGreaterThan(0);
    expect(rows[0].costSwing).toBeGreaterThan(0);
  });

  it('reports cash persons beside cash households in every sensitivity row', () => {
    const [row] = sensitivity({ households, regions, scenario, decile, params: ['standard.scalePct'] });
    const low = evaluate(households, regions, applyLever(scenario, 'scalePct', -50), decile);
    const high = evaluate(households, regions, applyLever(scenario, 'scalePct', 200), decile);
    expect(row.personsLow).toBe(low.persons);
    expect(row.personsHigh).toBe(high.persons);
    expect(row.casesHigh).toBe(high.households);
    // Synthetic households have several members: persons exceed households.
    expect(row.personsHigh).toBeGreaterThan(row.casesHigh);
  });

  it('finds the consumption ratio a budget affords', () => {
    const budget = evaluate(households, regions, applyLever(scenario, 'consumptionRatio', 0.45), decile).cost;
    const r = solveBudget({ households, regions, scenario, budget, lever: 'consumptionRatio', decile });
    expect(r.ok).toBe(true);
    expect(r.value).toBeCloseTo(0.45, 2);
  });

  it('finds the standard rise reaching a cash coverage target', () => {
    const target = evaluate(households, regions, applyLever(scenario, 'scalePct', 30), decile).coverageCash;
    const r = solveCoverage({ households, regions, scenario, target, metric: 'cash', lever: 'scalePct', decile });
    expect(r.ok).toBe(true);
    expect(r.coverageCash).toBeGreaterThanOrEqual(target);
    expect(r.value).toBeLessThanOrEqual(30.01);
  });

  it('finds the monitoring multiplier reaching a monitored share', () => {
    const target = evaluate(
      households,
      regions,
      applyLever(scenario, 'monitoringMultiplier', 2.5),
      decile,
    ).coverageMonitored;
    const r = solveCoverage({
      households,
      regions,
      scenario,
      target,
      metric: 'monitored',
      lever: 'monitoringMultiplier',
      decile,
    });
    expect(r.ok).toBe(true);
    expect(r.value).toBeGreaterThan(2.3);
    expect(r.value).toBeLessThanOrEqual(2.5001);
  });

  it('ranks parameters by their effect on cost', () => {
    const rows = sensitivity({ households, regions, scenario, decile });
    expect(rows.length).toBeGreaterThan(8);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1].costSwing).toBeGreaterThanOrEqual(rows[i].costSwing);
    const scale = rows.find((r) => r.paramId === 'standard.scalePct')!;
    expect(scale.costHigh).toBeGreaterThan(scale.costLow);
    const rel = sensitivity({ households, regions, scenario, decile, params: ['takeup.unmonitored'], swing: 0.5 });
    expect(rel[0].low).toBeCloseTo(0.2, 12);
    expect(rel[0].high).toBeCloseTo(0.6, 12);
  });
});
