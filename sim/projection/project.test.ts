// Multi-year projection: one result per year, carried status, growth, standard path, phase-in and deflator.
import { describe, expect, it } from 'vitest';
import { M, METRIC_COUNT } from '../kernel/metrics.ts';
import type { YearResult } from '../kernel/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { syntheticHouseholds, syntheticRegions } from '../testing/synthetic.ts';
import { project } from './project.ts';

const regions = syntheticRegions(3, 4);
const h = syntheticHouseholds(6000, regions, 41, 0.5);
const total = (y: YearResult, id: keyof typeof M) => {
  let s = 0;
  for (let c = 0; c < y.cells.length / METRIC_COUNT; c++) s += y.cells[c * METRIC_COUNT + M[id]];
  return s;
};

describe('project', () => {
  const scenario: Scenario = {
    schemaVersion: 1,
    name: 'widen',
    params: { monitoring: { coverageMultiplier: 2, phaseYears: 3 } },
    projection: { startYear: 2025, years: 5, standardPath: 'fixed' },
  };
  const panel = project(h, regions, scenario);

  it('returns one full simulation per year', () => {
    expect(panel.years.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    expect(panel.years[5].priceIndex).toBeCloseTo(1.01 ** 5, 12);
  });

  it('phases monitoring in over three years and then holds', () => {
    const monitored = panel.years.map((y) => total(y, 'monitored.persons'));
    expect(monitored[1]).toBeGreaterThan(monitored[0]);
    expect(monitored[2]).toBeGreaterThan(monitored[1]);
    const growth = Math.abs(monitored[4] / monitored[3] - 1);
    expect(growth).toBeLessThan(Math.abs(monitored[2] / monitored[1] - 1));
  });

  it('carries enrolment forward so eligible non-enrolled households get further chances', () => {
    const flat: Scenario = {
      schemaVersion: 1,
      name: 'flat',
      projection: { startYear: 2025, years: 2, standardPath: 'fixed' },
      params: { projection: { incomeGrowth: 0.04, standardRise: 0.04, populationGrowth: 0 } },
    };
    const p = project(h, regions, flat);
    const excl = p.years.map((y) => total(y, 'exclusion.households'));
    expect(excl[1]).toBeLessThan(excl[0]);
    expect(excl[2]).toBeLessThan(excl[1]);
  });

  it('real cost deflates nominal cost', () => {
    const y = panel.years[3];
    expect(total(y, 'cost.total') / y.priceIndex).toBeLessThan(total(y, 'cost.total'));
  });
});
