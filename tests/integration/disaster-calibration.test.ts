// The default disaster parameters reproduce the 2024 national review: every province affected at the 2024 national
// rate (people affected ÷ population) gives the disaster temporary-assistance person-times and the new dibao/tekun
// recipients within ±20%; the shipped one-province flood stays a fraction of the national total.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASELINE_SCENARIO, aggregate, parseScenario, resolveScenario, simulateYear } from '../../sim/index.ts';
import type { Scenario } from '../../sim/index.ts';
import { nationalTarget, unitScale } from '../../datasets/index.ts';
import { builtDemo } from '../fixtures/data/built-demo.ts';

const { households, regions } = await builtDemo();

/** National person-times of temporary assistance and dibao + tekun persons under a scenario. */
function national(scenario: Scenario): { personTimes: number; cashPersons: number } {
  const t = aggregate(
    simulateYear(households, regions, resolveScenario(scenario, regions), { householdColumns: false }),
    regions,
    'national',
  );
  const all = t.area.indexOf(2);
  return {
    personTimes: t.values['temporary.personTimes'][all],
    cashPersons: t.values['persons.dibao'][all] + t.values['persons.tekun'][all],
  };
}

describe('disaster defaults against the 2024 national figures', () => {
  const base = national(BASELINE_SCENARIO);
  const affected = nationalTarget('disaster_affected_person_times');
  const population = nationalTarget('population_total');
  const share = (affected.value * unitScale(affected.unit)) / (population.value * unitScale(population.unit));

  it('reproduces 343.3 thousand person-times and 28.9 thousand new dibao/tekun recipients within ±20%', () => {
    expect(share).toBeCloseTo(9413 / 140828, 12);
    const all = national({ ...BASELINE_SCENARIO, disaster: { regions: regions.provinceCodes, affectedShare: share } });
    const times = nationalTarget('disaster_temporary_assistance_person_times');
    const added = nationalTarget('disaster_new_dibao_tekun_persons');
    const timesRatio = (all.personTimes - base.personTimes) / (times.value * unitScale(times.unit));
    const addedRatio = (all.cashPersons - base.cashPersons) / (added.value * unitScale(added.unit));
    expect(timesRatio).toBeGreaterThan(0.8);
    expect(timesRatio).toBeLessThan(1.2);
    expect(addedRatio).toBeGreaterThan(0.8);
    expect(addedRatio).toBeLessThan(1.2);
  });

  it('keeps the shipped Hunan flood a fraction of the national 2024 total', () => {
    const file = new URL('../../datasets/scenarios/hunan-flood.json', import.meta.url);
    const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const hunan = national(parsed.scenario);
    const times = nationalTarget('disaster_temporary_assistance_person_times');
    const ratio = (hunan.personTimes - base.personTimes) / (times.value * unitScale(times.unit));
    expect(ratio).toBeGreaterThan(0.02);
    expect(ratio).toBeLessThan(0.25);
  });
});
