// The assessed-income error model: hand-computed households (eligibility on assessed income, targeting and poverty
// on survey income), a fixed z per household, and results that move with the model's parameters but not with labels.
import { describe, expect, it } from 'vitest';
import { incomeDeciles } from '../kernel/deciles.ts';
import { simulateYear } from '../kernel/simulate-year.ts';
import { aggregate } from '../outputs/aggregate.ts';
import { resolveScenario, withParams } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { syntheticHouseholds, syntheticRegions } from '../testing/synthetic.ts';
import { recordToArrays } from '../trace/record.ts';
import { traceHousehold } from '../trace/trace-household.ts';
import type { HouseholdRecord } from '../trace/types.ts';
import { assessedFactor, assessmentNormal } from './assessed-income.ts';
import { testRecord } from '../testing/records.ts';

const household = testRecord;

const quiet: Scenario = withParams(
  { schemaVersion: 1, name: 'quiet' },
  { 'temporary.medicalBaseProb': 0, 'temporary.medicalSlope': 0, 'temporary.otherProb': 0 },
);

function national(rec: HouseholdRecord, bias: number, noise: number) {
  const { households, regions } = recordToArrays(rec);
  const scenario = withParams(quiet, { 'takeup.assessedBias': bias, 'takeup.assessedNoise': noise });
  const year = simulateYear(households, regions, resolveScenario(scenario, regions));
  const t = aggregate(year, regions, 'national');
  const row = t.area.indexOf(2);
  return { v: (id: keyof typeof t.values) => t.values[id][row], status: year.households?.status[0] };
}

describe('assessed-income error model', () => {
  it('multiplies survey income by exp(bias + noise · z)', () => {
    expect(assessedFactor(1, -0.1, 0.5)).toBeCloseTo(Math.exp(0.4), 12); // 1.4918
    expect(assessedFactor(-2, 0.2, 0.25)).toBeCloseTo(Math.exp(-0.3), 12); // 0.7408
    expect(assessedFactor(1.7, 0, 0)).toBe(1);
  });

  it('gives each household a fixed standard normal z from its own data, not its row', () => {
    expect(assessmentNormal(12000, 3000, 3)).toBe(assessmentNormal(12000, 3000, 3));
    expect(assessmentNormal(12000, 3000, 3)).not.toBe(assessmentNormal(12000.01, 3000, 3));
    let sum = 0;
    let sq = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const z = assessmentNormal(5000 + i * 3.17, 100 + i, 1 + (i % 5));
      sum += z;
      sq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    expect(Math.sqrt(sq / n - (sum / n) ** 2)).toBeCloseTo(1, 1);
  });

  it('tests eligibility on assessed income and measures poverty and targeting on survey income', () => {
    // Survey 9,000 yuan/year = 750/month < 800: poor by survey income.
    // bias 0: assessed 750 < 800 → dibao; enrolled last year → stays (p = 1): not missed.
    const poorSeen = national(household({ incomePc: 9000, programme: 1 }), 0, 0);
    expect(poorSeen.status).toBe(1);
    expect(poorSeen.v('poverty.preHeadcount')).toBe(1);
    expect(poorSeen.v('targeting.poorMissed')).toBe(0);
    expect(poorSeen.v('targeting.exclusionRate')).toBe(0);
    // bias +0.2: assessed 9,000 × e^0.2 = 10,992.6 → 916.0/month ≥ 800 but < 1,200 → marginal, no cash: missed.
    const poorUnseen = national(household({ incomePc: 9000, programme: 1 }), 0.2, 0);
    expect(poorUnseen.status).toBe(3);
    expect(poorUnseen.v('poverty.preHeadcount')).toBe(1);
    expect(poorUnseen.v('targeting.poorMissed')).toBe(1);
    expect(poorUnseen.v('targeting.exclusionRate')).toBe(1);
    // Poverty gap before transfers is on survey income whatever the office sees: (800 − 750) × 12 = 600.
    expect(poorUnseen.v('poverty.preGap')).toBeCloseTo(600, 9);
    expect(poorSeen.v('poverty.preGap')).toBeCloseTo(600, 9);
    // Survey 12,000 = 1,000/month ≥ 800: not poor. bias −0.3: assessed 12,000 × e^−0.3 = 8,889.8 → 740.8 < 800:
    // dibao, enrolled → a non-poor recipient (inclusion error 100%).
    const nonPoor = national(household({ incomePc: 12000, programme: 1 }), -0.3, 0);
    expect(nonPoor.status).toBe(1);
    expect(nonPoor.v('poverty.preHeadcount')).toBe(0);
    expect(nonPoor.v('targeting.nonPoorRecipients')).toBe(1);
    expect(nonPoor.v('targeting.inclusionRate')).toBe(1);
    // Gap paid on assessed income: (800 − 8,889.82/12) × 12 = 710.18 yuan/year.
    expect(nonPoor.v('cost.base')).toBeCloseTo(9600 - 12000 * Math.exp(-0.3), 6);
  });

  it('uses the household z with the noise: assessed = survey × exp(bias + noise · z)', () => {
    const rec = household({ incomePc: 9300, earningsPc: 0, programme: 1 });
    const z = assessmentNormal(9300, 0, 1);
    const monthly = (9300 * Math.exp(0.7 * z)) / 12;
    const expected = monthly < 800 ? 1 : monthly < 1200 ? 3 : 0;
    expect(national(rec, 0, 0.7).status).toBe(expected);
  });

  it('shows the assessed income in the trace, and takes hand-entered income as assessed on request', () => {
    const rec = household({ incomePc: 9300 });
    const base: Scenario = { schemaVersion: 1, name: 'base' };
    const step = (t: ReturnType<typeof traceHousehold>) => t.baseline.steps.find((x) => x.id === 'assessedIncome');
    const z = assessmentNormal(9300, 0, 1);
    // Defaults: bias −0.1, dispersion 0.5.
    expect(step(traceHousehold(rec, base, base))?.result).toBeCloseTo((9300 * Math.exp(-0.1 + 0.5 * z)) / 12, 9);
    expect(step(traceHousehold(rec, base, base, { incomeAs: 'assessed' }))?.result).toBe(9300 / 12);
  });

  describe('on a synthetic population', () => {
    const regions = syntheticRegions(5, 3);
    const h = syntheticHouseholds(8000, regions, 4, 0.4);
    const decile = incomeDeciles(h);
    const run = (scenario: Scenario, r = regions) => {
      const year = simulateYear(h, r, resolveScenario(scenario, r), { decile, householdColumns: false });
      const t = aggregate(year, r, 'national');
      return { t, row: t.area.indexOf(2), year };
    };
    const base: Scenario = { schemaVersion: 1, name: 'base' };

    it('moves targeting, exclusion and poverty after transfers when the error model moves', () => {
      const a = run(base);
      const b = run(withParams(base, { 'takeup.assessedNoise': 0.9, 'takeup.assessedBias': -0.3 }));
      const v = (x: typeof a, id: keyof typeof a.t.values) => x.t.values[id][x.row];
      for (const id of [
        'targeting.exclusionRate',
        'targeting.inclusionRate',
        'exclusion.persons',
        'poverty.postHeadcount',
        'persons.dibao',
      ] as const) {
        expect(v(b, id), id).not.toBeCloseTo(v(a, id), 3);
      }
      // Survey-income measures do not depend on what the office sees.
      expect(v(b, 'poverty.preHeadcount')).toBe(v(a, 'poverty.preHeadcount'));
      expect(v(b, 'poverty.preGap')).toBe(v(a, 'poverty.preGap'));
    });

    it('does not move when only labels move (scenario name and description, region names)', () => {
      const a = run(base);
      const relabelled = {
        ...regions,
        nameZh: regions.nameZh.map((n) => `${n}（改名）`),
        nameEn: regions.nameEn.map((n) => `${n} (renamed)`),
      };
      const b = run({ ...base, name: 'another name', description: 'only labels differ' }, relabelled);
      expect(b.year.cells).toEqual(a.year.cells);
      expect(b.year.deciles).toEqual(a.year.deciles);
    });
  });
});
