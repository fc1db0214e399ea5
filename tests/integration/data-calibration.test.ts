// Integration: the bundled demo (default seed and size) run through the real engine's default baseline reproduces the
// national targets within the tolerances, and the calibration table carries source, date and confidence.
import { describe, expect, it } from 'vitest';
import { DEMO_HOUSEHOLDS, DEMO_SEED, generateDemo } from '../../datasets/generate/generate.ts';
import { demoToEngineArrays } from '../../datasets/generate/engine-arrays.ts';
import { CALIBRATION_CHECKS, calibrationTable } from '../../datasets/calibration.ts';
import { BASELINE_SCENARIO, aggregate, incomeDeciles, resolveScenario, simulateYear } from '../../sim/index.ts';

describe('demo calibration', () => {
  it('reproduces every national target within tolerance under the default baseline', () => {
    const { households, regions } = demoToEngineArrays(generateDemo(DEMO_HOUSEHOLDS, DEMO_SEED));
    const year = simulateYear(households, regions, resolveScenario(BASELINE_SCENARIO, regions), {
      decile: incomeDeciles(households),
    });
    const rows = calibrationTable(aggregate(year, regions, 'national'));
    expect(rows.map((r) => r.metric)).toEqual(CALIBRATION_CHECKS.map((c) => c.metric));
    const outside = rows.filter((r) => !r.withinTolerance).map((r) => `${r.metric}: ${r.differencePct.toFixed(2)}%`);
    expect(outside).toEqual([]);
    const tolerance = Object.fromEntries(rows.map((r) => [r.metric, r.tolerancePct]));
    expect(tolerance).toMatchObject({
      dibao_persons_urban: 3,
      dibao_persons_rural: 3,
      tekun_persons: 3,
      monitored_low_income_persons: 5,
      temporary_assistance_person_times: 10,
      dibao_spending_annual_est: 15,
      tekun_spending_annual_est: 15,
    });
    const urban = rows.find((r) => r.metric === 'dibao_persons_urban');
    expect(urban).toMatchObject({ target: 6_480_000, unit: '10k persons', asOf: '2024-06', confidence: 'medium' });
    expect(urban?.source).toContain('MCA');
  });

  it('depends on the data: a demo with a different seed stays calibrated, a scaled weight does not', () => {
    const { households, regions } = demoToEngineArrays(generateDemo(50_000, 99));
    const run = () =>
      calibrationTable(
        aggregate(simulateYear(households, regions, resolveScenario(BASELINE_SCENARIO, regions)), regions, 'national'),
      );
    const dibao = (rows: ReturnType<typeof run>) => rows.find((r) => r.metric === 'dibao_persons_total');
    expect(dibao(run())?.withinTolerance).toBe(true);
    for (let i = 0; i < households.count; i++) households.weight[i] *= 1.1;
    const scaled = dibao(run());
    expect(scaled?.withinTolerance).toBe(false);
    expect(scaled?.differencePct).toBeGreaterThan(5);
  });
});
