// Integration: the bundled demo (default seed and size) run through the real engine's default baseline reproduces the
// national targets within the tolerances, and the calibration table carries source, date and confidence.
import { describe, expect, it } from 'vitest';
import {
  generateDemo,
  demoToEngineArrays,
  CALIBRATION_CHECKS,
  calibrationTable,
  incomeChecks,
  standardChangeValues,
} from '../../datasets/index.ts';
import {
  BASELINE_SCENARIO,
  PROGRAMME,
  aggregate,
  incomeDeciles,
  resolveScenario,
  simulateYear,
} from '../../sim/index.ts';
import type { MetricId } from '../../sim/index.ts';
import { builtDemo } from '../fixtures/data/built-demo.ts';

const { households, regions } = await builtDemo();

describe('demo calibration', { timeout: 600_000 }, () => {
  it('reproduces every national target within tolerance under the default baseline', () => {
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

  it('reproduces the NBS quintile means (five equal household groups) within ±5% of the uprated 2023 figures', () => {
    const rows = incomeChecks(households).filter((r) => r.id.startsWith('quintile'));
    expect(rows).toHaveLength(5);
    // 2023 low-income group 9,215 × 41,314 / 39,218 = 9,707.6 yuan.
    expect(rows[0].reference).toBeCloseTo((9215 * 41314) / 39218, 6);
    const outside = rows.filter((r) => !r.withinTolerance).map((r) => `${r.id}: ${r.differencePct.toFixed(2)}%`);
    expect(outside).toEqual([]);
  });

  it('has no cliff: weighted persons per 0.05 × S income bin from 0.5 S to 3 S never jump 2× between neighbours', () => {
    const h = households;
    for (const area of [0, 1]) {
      const bins = new Float64Array(50); // [0.5, 0.55), …, [2.95, 3.0) × S
      for (let i = 0; i < h.count; i++) {
        if (h.area[i] !== area) continue;
        const ratio = h.incomePc[i] / (regions.standard[h.region[i] * 2 + area] * 12);
        const b = Math.floor((ratio - 0.5) / 0.05 + 1e-9);
        if (b >= 0 && b < 50) bins[b] += h.weight[i] * h.size[i];
      }
      const jumps: string[] = [];
      for (let b = 1; b < 50; b++) {
        const hi = Math.max(bins[b], bins[b - 1]);
        const lo = Math.min(bins[b], bins[b - 1]);
        if (!(lo > 0) || hi > 2 * lo) jumps.push(`area ${area} bin ${(0.5 + b * 0.05).toFixed(2)}S: ${lo} vs ${hi}`);
      }
      expect(jumps).toEqual([]);
    }
  });

  it('gives current programmes from the rules, and every programme in the baseline', () => {
    // Marginal and rigid certification is recent, so few rigid-expenditure households are certified yet.
    const current = new Set(households.programme);
    for (const p of [PROGRAMME.dibao, PROGRAMME.tekun, PROGRAMME.marginal]) expect(current.has(p)).toBe(true);
    const year = simulateYear(households, regions, resolveScenario(BASELINE_SCENARIO, regions));
    const status = new Set(year.households?.status);
    for (const p of Object.values(PROGRAMME)) expect(status.has(p)).toBe(true);
  });

  it('responds to uniform standard changes smoothly: marginal elasticity to +10% ≤ 3, every caseload monotone', () => {
    const decile = incomeDeciles(households);
    const sweep = [-20, -15, -10, -5, 0, 5, 10, 15, 20, 30].map((pct) => ({
      pct,
      v: standardChangeValues(households, regions, pct, decile),
    }));
    const at = (pct: number) => sweep.find((s) => s.pct === pct)?.v ?? ({} as Record<MetricId, number>);
    const marginalElasticity = (at(10)['persons.marginal'] / at(0)['persons.marginal'] - 1) / 0.1;
    expect(marginalElasticity).toBeLessThanOrEqual(3);
    const lowIncome = (v: Record<MetricId, number>) =>
      v['persons.dibao'] + v['persons.tekun'] + v['persons.marginal'] + v['persons.rigid'];
    const series: Record<string, number[]> = {
      dibao: sweep.map((s) => s.v['persons.dibao']),
      tekun: sweep.map((s) => s.v['persons.tekun']),
      monitored: sweep.map((s) => s.v['monitored.persons']),
      lowIncome: sweep.map((s) => lowIncome(s.v)),
      cost: sweep.map((s) => s.v['cost.total']),
    };
    for (const [name, values] of Object.entries(series)) {
      const falls = values.slice(1).filter((x, k) => x < values[k] * (1 - 1e-9));
      expect(falls, name).toEqual([]);
    }
    // Marginal persons rise with every increase; a cut also demotes dibao households into the (lower) marginal band,
    // so below the current standards marginal persons may rise as the standard falls. Rigid-expenditure persons fall
    // as the marginal band widens over them.
    const marginal = sweep.filter((s) => s.pct >= 0).map((s) => s.v['persons.marginal']);
    expect(marginal.slice(1).filter((x, k) => x < marginal[k])).toEqual([]);
    const rigid = sweep.filter((s) => s.pct >= 0).map((s) => s.v['persons.rigid']);
    expect(rigid.slice(1).filter((x, k) => x > rigid[k] * (1 + 1e-9))).toEqual([]);
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
