// The unchanged baseline projection of the demo moves smoothly and keeps realistic turnover every year: dibao persons
// change by less than 3% a year, new entrants, leavers and exclusion never dry up (income shocks, take-up drawn once).
import { describe, expect, it } from 'vitest';
import { BASELINE_SCENARIO, aggregate, project, withParams } from '../sim/index.ts';
import type { MetricId, ProjectionResult, RegionArrays } from '../sim/index.ts';
import { demoToEngineArrays } from './generate/engine-arrays.ts';
import { DEMO_SEED, generateDemo } from './generate/generate.ts';

function series(p: ProjectionResult, regions: RegionArrays, id: MetricId): number[] {
  return p.years.map((y) => {
    const t = aggregate(y, regions, 'national');
    return t.values[id][t.area.indexOf(2)];
  });
}

describe('baseline projection of the demo', () => {
  const { households, regions } = demoToEngineArrays(generateDemo(60_000, DEMO_SEED));
  const scenario = { ...BASELINE_SCENARIO, projection: { startYear: 2024, years: 6, standardPath: 'fixed' as const } };
  const p = project(households, regions, scenario);
  const dibao = series(p, regions, 'persons.dibao');
  const entrants = series(p, regions, 'entrants.persons');
  const leavers = series(p, regions, 'leavers.persons');
  const exclusion = series(p, regions, 'exclusion.persons');

  it('changes dibao persons by less than 3% from one year to the next', () => {
    for (let t = 1; t < dibao.length; t++) expect(Math.abs(dibao[t] / dibao[t - 1] - 1)).toBeLessThan(0.03);
  });

  it('keeps entries, exits and exclusion every year (at least 1% of dibao persons each)', () => {
    for (let t = 1; t < dibao.length; t++) {
      expect(entrants[t] / dibao[t]).toBeGreaterThan(0.01);
      expect(leavers[t] / dibao[t]).toBeGreaterThan(0.01);
      expect(exclusion[t] / dibao[t]).toBeGreaterThan(0.01);
    }
  });

  it('has no turnover without income shocks, so the shocks are what keeps it', () => {
    const still = project(households, regions, withParams(scenario, { 'projection.incomeShockSd': 0 }));
    const e = series(still, regions, 'entrants.persons');
    expect(e[3] / dibao[3]).toBeLessThan(0.002);
  });
});
