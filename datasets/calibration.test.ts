// The validation table from a national summary: units scaled, differences and tolerance flags computed, provenance kept.
import { describe, expect, it } from 'vitest';
import { BASELINE_SCENARIO, aggregate, resolveScenario, simulateYear } from '../sim/index.ts';
import { CALIBRATION_CHECKS, calibrationTable, unitScale } from './calibration.ts';
import { demoToEngineArrays } from './generate/engine-arrays.ts';
import { generateDemo } from './generate/generate.ts';

describe('calibrationTable', () => {
  const { households, regions } = demoToEngineArrays(generateDemo(20_000, 5));
  const year = simulateYear(households, regions, resolveScenario(BASELINE_SCENARIO, regions));

  it('puts each simulated value beside its target with source, date and confidence', () => {
    const national = aggregate(year, regions, 'national');
    const rows = calibrationTable(national);
    expect(rows).toHaveLength(CALIBRATION_CHECKS.length);
    const all = national.area.indexOf(2);
    const tekun = rows.find((r) => r.metric === 'tekun_persons');
    expect(tekun?.simulated).toBe(national.values['persons.tekun'][all]);
    expect(tekun?.target).toBe(4_720_000);
    const spend = rows.find((r) => r.metric === 'dibao_spending_annual_est');
    const sum =
      national.values['cost.base'][all] +
      national.values['cost.supplements'][all] +
      national.values['cost.gradualExit'][all];
    expect(spend?.simulated).toBeCloseTo(sum, 6);
    expect(spend?.target).toBe(1915e8);
    for (const r of rows) {
      expect(r.differencePct).toBeCloseTo(((r.simulated - r.target) / r.target) * 100, 9);
      expect(r.withinTolerance).toBe(Math.abs(r.differencePct) <= r.tolerancePct);
      expect(r.source).not.toBe('');
      expect(['high', 'medium', 'low']).toContain(r.confidence);
    }
  });

  it('scales reference units and refuses sub-national tables', () => {
    expect(unitScale('10k persons')).toBe(1e4);
    expect(unitScale('100m yuan')).toBe(1e8);
    expect(unitScale('yuan/person/month')).toBe(1);
    expect(() => calibrationTable(aggregate(year, regions, 'province'))).toThrow(/national/);
  });
});
