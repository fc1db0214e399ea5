// Kernel-vs-trace agreement on many random households, and the trace's rule steps against the kernel's amounts.
import { describe, expect, it } from 'vitest';
import { COMPONENT_IDS } from '../kernel/metrics.ts';
import { simulateYear } from '../kernel/simulate-year.ts';
import { monitoringTargetRatio } from '../kernel/monitoring-target.ts';
import { resolveScenario } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { BASELINE_SCENARIO } from '../scenario/types.ts';
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
