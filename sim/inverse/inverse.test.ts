// Inverse questions: budget → standard rise, coverage target → lever, and sensitivity ranking.
import { describe, expect, it } from 'vitest';
import { incomeDeciles } from '../kernel/deciles.ts';
import type { Scenario } from '../scenario/types.ts';
import { syntheticHouseholds, syntheticRegions } from '../testing/synthetic.ts';
import { applyLever, evaluate } from './evaluate.ts';
import { sensitivity } from './sensitivity.ts';
import { solveBudget } from './solve-budget.ts';
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
