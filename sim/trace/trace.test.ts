// Kernel-vs-trace agreement on many random households, and the trace's rule steps against the kernel's amounts.
import { describe, expect, it } from 'vitest';
import { COMPONENT_IDS } from '../kernel/metrics.ts';
import { getParamDef } from '../params/catalogue.ts';
import { simulateYear } from '../kernel/simulate-year.ts';
import { monitoringTargetRatio } from '../kernel/monitoring-target.ts';
import { resolveScenario, withParams } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { BASELINE_SCENARIO } from '../scenario/types.ts';
import { testRecord } from '../testing/records.ts';
import { syntheticHouseholds, syntheticRegions } from '../testing/synthetic.ts';
import { recordFromArrays, recordToArrays } from './record.ts';
import { traceHousehold } from './trace-household.ts';

const regions = syntheticRegions(4, 5);
const h = syntheticHouseholds(3000, regions, 29, 0.6);
const reform: Scenario = {
  schemaVersion: 1,
  name: 'reform',
  params: {
    standard: { scalePct: 12, ruralFloor: 0.85 },
    dibao: { suppElderly: 0.2, suppDisabled: 0.3, disregardShare: 0.2, minBenefitShare: 0.1, singlePerson: true },
    marginal: { specialCostPc: 800 },
    rigid: { specialCostPc: 400 },
    services: { pilot: true },
    oneOff: { dibaoAmount: 300, tekunAmount: 500, orphanAmount: 1000 },
    monitoring: { coverageMultiplier: 1.7, targetShare: 0.2 },
  },
  disaster: { regions: ['12'], affectedShare: 0.3 },
};

describe('household trace', () => {
  it('agrees with the kernel on 600 random households, baseline and reform', () => {
    for (const scenario of [BASELINE_SCENARIO, reform]) {
      const params = resolveScenario(scenario, regions);
      const ratio = monitoringTargetRatio(h, params);
      const year = simulateYear(h, regions, params, { monitoringRatio: ratio });
      const cols = year.households!;
      for (let i = 0; i < 600; i++) {
        const t = traceHousehold(recordFromArrays(h, regions, i), scenario, scenario, {
          monitoringRatio: ratio,
        }).reform;
        for (const id of COMPONENT_IDS) expect(t.components[id], `${i} ${id}`).toBeCloseTo(cols.benefit[id][i], 8);
        expect(t.total).toBeCloseTo(cols.total[i], 8);
        expect(t.enrol).toBeCloseTo(cols.enrol[i], 12);
        expect(t.status).toBe(['none', 'dibao', 'tekun', 'marginal', 'rigid'][cols.status[i]]);
      }
    }
  }, 60_000);

  it("shows the rule steps whose amounts the kernel pays (base benefit step × enrolment = kernel's base)", () => {
    let checked = 0;
    const params = resolveScenario(reform, regions);
    const year = simulateYear(h, regions, params, { monitoringRatio: -Infinity });
    for (let i = 0; i < h.count && checked < 50; i++) {
      const cols = year.households!;
      if (cols.status[i] !== 1 || cols.flags[i] & 64 || h.region[i] === 1) continue;
      const t = traceHousehold(recordFromArrays(h, regions, i), BASELINE_SCENARIO, reform).reform;
      const step = t.steps.find((s) => s.id === 'dibaoBenefit');
      expect(typeof step?.result).toBe('number');
      expect((step!.result as number) * t.enrol).toBeCloseTo(cols.benefit.base[i], 8);
      const test = t.steps.find((s) => s.id === 'dibaoTest')!;
      expect(test.result).toBe(true);
      expect(test.value!).toBeLessThan(test.threshold!);
      checked++;
    }
    expect(checked).toBe(50);
  });

  it('traces baseline and reform side by side with bilingual labels', () => {
    const rec = recordFromArrays(h, regions, 0);
    const t = traceHousehold(
      { ...rec, incomePc: 0, programme: 1, assetsPc: 0, car: 0, homes: 1 },
      BASELINE_SCENARIO,
      reform,
    );
    expect(t.baseline.status).toBe(t.reform.status === 'tekun' ? 'tekun' : 'dibao');
    expect(t.reform.total).toBeGreaterThan(t.baseline.total);
    for (const s of t.reform.steps) {
      expect(s.labelZh).toMatch(/[\u4e00-\u9fff]/);
      expect(s.labelEn).toMatch(/[A-Za-z]/);
    }
  });

  it('round-trips a household through the record form', () => {
    const rec = recordFromArrays(h, regions, 7);
    const { households, regions: r1 } = recordToArrays(rec);
    expect(recordFromArrays(households, r1, 0)).toEqual(rec);
  });
});

describe('realised outcome', () => {
  // One urban household of 2 in a one-region table: standard 800, income 6000/yr = 500/month, unmonitored, newly
  // eligible for dibao; medical spending 10000.
  const record = testRecord({ size: 2, incomePc: 6000, medicalHh: 10000 });

  it('pays a realised case in full: enrolled, and only the events that happened', () => {
    // Realised with a medical shock: enrolled (take-up 1): base (800 − 500) × 2 × 12 = 7200; one medical event pays
    // min(4, 12) × 800 = 3200 (lump sum); no other shock although the household is below the marginal line.
    const t = traceHousehold(record, BASELINE_SCENARIO, BASELINE_SCENARIO, {
      outcome: 'realised',
      events: ['medical'],
      incomeAs: 'assessed',
    }).reform;
    expect(t.enrol).toBe(1);
    expect(t.components.base).toBeCloseTo(7200, 9);
    expect(t.components.temporary).toBeCloseTo(3200, 9);
    expect(t.total).toBeCloseTo(10400, 9);
    expect(t.steps.find((s) => s.id === 'outcome')?.inputs).toEqual({ medical: 1, other: 0, disaster: 0 });
    // The outcome is a fact (how many events happened, named in the label), not a test that passes or fails.
    const outcome = t.steps.find((s) => s.id === 'outcome')!;
    expect(outcome.result).toBe(1);
    expect(outcome.unit).toBe('events');
    expect(outcome.labelZh).toContain('医疗急难');
    expect(outcome.labelEn).toContain('medical emergency');
    // With the other shock too: + min(2, 12) × 800 = 1600.
    const both = traceHousehold(record, BASELINE_SCENARIO, BASELINE_SCENARIO, {
      outcome: 'realised',
      events: ['medical', 'other'],
      incomeAs: 'assessed',
    }).reform;
    expect(both.components.temporary).toBeCloseTo(4800, 9);
    // No event: base only.
    const none = traceHousehold(record, BASELINE_SCENARIO, BASELINE_SCENARIO, {
      outcome: 'realised',
      incomeAs: 'assessed',
    }).reform;
    expect(none.total).toBeCloseTo(7200, 9);
  });

  it('pays an approved amount for an event that happened, as months of the current standard', () => {
    // The office approved 5,000 yuan for the disaster: 5000 / 800 = 6.25 months of the urban standard, paid at once.
    const t = traceHousehold(record, BASELINE_SCENARIO, BASELINE_SCENARIO, {
      outcome: 'realised',
      incomeAs: 'assessed',
      events: ['disaster'],
      eventAmounts: { disaster: 5000 },
    });
    expect(t.baseline.components.temporary).toBeCloseTo(5000, 9);
    // Under a 10% rise the same 6.25 months pay 6.25 × 880 = 5,500. The disaster also cut income by the catalogue's
    // loss share over its duration: base = (880 − income/12) × 2 × 12.
    const rise = traceHousehold(record, BASELINE_SCENARIO, withParams(BASELINE_SCENARIO, { 'standard.scalePct': 10 }), {
      outcome: 'realised',
      incomeAs: 'assessed',
      events: ['disaster'],
      eventAmounts: { disaster: 5000 },
    }).reform;
    expect(rise.components.temporary).toBeCloseTo(5500, 9);
    const loss =
      getParamDef('disaster.incomeLossShare')!.default * (getParamDef('disaster.durationMonths')!.default / 12);
    expect(rise.components.base).toBeCloseTo((880 - (6000 * (1 - loss)) / 12) * 2 * 12, 9);
    // Above the usual 12-month cap when that is what was approved: 12,000 / 800 = 15 months.
    const large = traceHousehold(record, BASELINE_SCENARIO, BASELINE_SCENARIO, {
      outcome: 'realised',
      incomeAs: 'assessed',
      events: ['medical'],
      eventAmounts: { medical: 12000 },
    }).baseline;
    expect(large.components.temporary).toBeCloseTo(12000, 9);
    // An amount for an event that did not happen pays nothing.
    const notHappened = traceHousehold(record, BASELINE_SCENARIO, BASELINE_SCENARIO, {
      outcome: 'realised',
      incomeAs: 'assessed',
      events: [],
      eventAmounts: { medical: 12000 },
    }).baseline;
    expect(notHappened.components.temporary).toBe(0);
  });

  it('in expected value weighs take-up and events by their probabilities', () => {
    // Income entered as assessed. Take-up unmonitored 0.4 → base 0.4 × 7200 = 2880. Medical probability
    // min(0.3, 0.002 + 0.05 × 10000/12000) = 0.04366…; other 0.013 (below marginal); temporary take-up 0.6:
    // amount 0.6 × (0.04366… × 3200 + 0.013 × 1600).
    const t = traceHousehold(record, BASELINE_SCENARIO, BASELINE_SCENARIO, { incomeAs: 'assessed' }).reform;
    const pm = 0.002 + (0.05 * 10000) / 12000;
    expect(t.enrol).toBeCloseTo(0.4, 12);
    expect(t.components.base).toBeCloseTo(2880, 9);
    expect(t.components.temporary).toBeCloseTo(0.6 * (pm * 3200 + 0.013 * 1600), 9);
  });
});
