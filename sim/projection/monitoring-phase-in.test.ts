// Widening monitoring is visible where the workbench reports it: monitored persons and share rise year by year as
// the lever phases in, and stay at the baseline's level when the lever does not move (issue #14, item 6).
import { describe, expect, it } from 'vitest';
import { project } from './project.ts';
import { AREA_ALL } from '../outputs/types.ts';
import { aggregate } from '../outputs/aggregate.ts';
import { syntheticHouseholds, syntheticRegions } from '../testing/synthetic.ts';
import { BASELINE_SCENARIO } from '../scenario/types.ts';
import type { Scenario } from '../scenario/types.ts';

describe('monitoring phase-in', () => {
  it('raises monitored persons in each year of a three-year phase-in, then holds', () => {
    const regions = syntheticRegions(4);
    const households = syntheticHouseholds(4000, regions, 3);
    const widen: Scenario = {
      ...BASELINE_SCENARIO,
      name: 'widen',
      params: { monitoring: { coverageMultiplier: 2, phaseYears: 3 } },
      projection: { startYear: 2025, years: 4, standardPath: 'fixed' },
    };
    const monitored = (scenario: Scenario) =>
      project(households, regions, scenario).years.map((year) => {
        const national = aggregate(year, regions, 'national');
        const row = national.area.indexOf(AREA_ALL);
        return {
          persons: national.values['monitored.persons'][row],
          share: national.values['coverage.monitored'][row],
        };
      });
    const base = monitored({ ...BASELINE_SCENARIO, projection: widen.projection });
    const wide = monitored(widen);
    // Phase 1/3, 2/3, 3/3 in the first three years (resolve.ts: (yearIndex + 1) / phaseYears), then fully in place.
    for (let y = 1; y <= 2; y++) expect(wide[y].persons).toBeGreaterThan(wide[y - 1].persons * 1.05);
    expect(Math.abs(wide[3].persons / wide[2].persons - 1)).toBeLessThan(0.05);
    for (let y = 0; y < wide.length; y++) expect(wide[y].persons).toBeGreaterThanOrEqual(base[y].persons);
    expect(wide[3].share).toBeGreaterThan(base[3].share);
  });
});
