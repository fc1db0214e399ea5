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

  it('does not draw take-up again for households that stay eligible; a take-up rise reaches them', () => {
    // No income shocks and incomes, consumption and standards all growing 4%: every household's tests give the same
    // answers each year, so an eligible household that did not enrol stays out (EV max(p, take-up) = p) instead of
    // getting a fresh chance every year.
    const flat: Scenario = {
      schemaVersion: 1,
      name: 'flat',
      projection: { startYear: 2025, years: 3, standardPath: 'fixed' },
      params: {
        projection: {
          incomeGrowth: 0.04,
          consumptionGrowth: 0.04,
          standardRise: 0.04,
          populationGrowth: 0,
          incomeShockSd: 0,
        },
      },
    };
    const p = project(h, regions, flat);
    const excl = p.years.map((y) => total(y, 'exclusion.households'));
    const dibao = p.years.map((y) => total(y, 'persons.dibao'));
    expect(excl[1]).toBeGreaterThan(0);
    expect(excl[2]).toBeCloseTo(excl[1], 6);
    expect(excl[3]).toBeCloseTo(excl[1], 6);
    expect(dibao[3]).toBeCloseTo(dibao[2], 6);
    expect(total(p.years[2], 'entrants.households')).toBeCloseTo(0, 6);
    // Take-up of the monitored rising from 0.85 to 0.95 in 2027 (phased over 3 years: +1/3 of the change a year).
    const rise = project(h, regions, {
      ...flat,
      params: { ...flat.params, takeup: { monitored: 0.95, phaseYears: 3 } },
    });
    const exclRise = rise.years.map((y) => total(y, 'exclusion.households'));
    expect(exclRise[1]).toBeLessThan(exclRise[0]);
    expect(exclRise[2]).toBeLessThan(exclRise[1]);
    expect(exclRise[3]).toBeCloseTo(exclRise[2], 6);
  });

  it('real cost deflates nominal cost', () => {
    const y = panel.years[3];
    expect(total(y, 'cost.total') / y.priceIndex).toBeLessThan(total(y, 'cost.total'));
  });
});
