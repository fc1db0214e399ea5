// Property tests of the kernel on seeded synthetic data: monotonicity, take-up, weight scaling, fast path, determinism.
import { describe, expect, it } from 'vitest';
import { syntheticHouseholds, syntheticRegions } from '../testing/synthetic.ts';
import { resolveScenario, withParams } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { incomeDeciles } from './deciles.ts';
import { M, METRIC_COUNT, RATE_METRICS, SUM_METRICS } from './metrics.ts';
import { aggregate } from '../outputs/aggregate.ts';
import type { SumMetricId } from './metrics.ts';
import { simulateYear } from './simulate-year.ts';
import type { SimOptions } from './types.ts';
import type { HouseholdArrays } from '../model/households.ts';

const regions = syntheticRegions(5, 3);
const base: Scenario = { schemaVersion: 1, name: 'base' };

function totals(h: HouseholdArrays, scenario: Scenario, opts: SimOptions = {}): Record<SumMetricId, number> {
  const r = simulateYear(h, regions, resolveScenario(scenario, regions), { householdColumns: false, ...opts });
  const out = {} as Record<SumMetricId, number>;
  for (const [id] of SUM_METRICS) {
    let s = 0;
    for (let c = 0; c < r.cells.length / METRIC_COUNT; c++) s += r.cells[c * METRIC_COUNT + M[id]];
    out[id] = s;
  }
  return out;
}

describe('kernel properties', { timeout: 60_000 }, () => {
  for (const seed of [1, 2, 3]) {
    const h = syntheticHouseholds(8000, regions, seed, 0.4);
    it(`raising the standard never lowers dibao caseload or cost (seed ${seed})`, () => {
      let prev = totals(h, base);
      for (const pct of [5, 10, 25, 60]) {
        const next = totals(h, withParams(base, { 'standard.scalePct': pct }));
        expect(next['households.dibao']).toBeGreaterThanOrEqual(prev['households.dibao']);
        expect(next['persons.dibao']).toBeGreaterThanOrEqual(prev['persons.dibao']);
        expect(next['cost.base'] + next['cost.supplements']).toBeGreaterThanOrEqual(
          prev['cost.base'] + prev['cost.supplements'],
        );
        prev = next;
      }
    });
  }

  it('zero take-up gives zero new entrants, even with widened monitoring', () => {
    const h = syntheticHouseholds(8000, regions, 5, 0.4);
    const s = withParams(base, {
      'takeup.monitored': 0,
      'takeup.unmonitored': 0,
      'monitoring.coverageMultiplier': 3,
      'standard.scalePct': 30,
    });
    const t = totals(h, s);
    expect(t['entrants.households']).toBe(0);
    expect(t['entrants.persons']).toBe(0);
    const positive = totals(h, withParams(s, { 'takeup.monitored': 0.5 }));
    expect(positive['entrants.households']).toBeGreaterThan(0);
  });

  it('doubling every weight doubles every total exactly and leaves rates unchanged', () => {
    const h = syntheticHouseholds(6000, regions, 9, 0.4);
    const h2 = { ...h, weight: h.weight.map((w) => w * 2) };
    const s: Scenario = {
      ...base,
      disaster: { regions: ['12'], affectedShare: 0.3 },
      params: { dibao: { suppElderly: 0.2 } },
    };
    const a = totals(h, s);
    const b = totals(h2, s);
    for (const [id] of SUM_METRICS) {
      if (id === 'sample') expect(b[id]).toBe(a[id]);
      else expect(b[id], id).toBe(2 * a[id]);
    }
    const pa = resolveScenario(s, regions);
    const ta = aggregate(simulateYear(h, regions, pa), regions, 'province');
    const tb = aggregate(simulateYear(h2, regions, pa), regions, 'province');
    for (const [id] of RATE_METRICS) {
      for (let r = 0; r < ta.rows; r++) {
        if (id === 'cost.totalReal') expect(tb.values[id][r], id).toBe(2 * ta.values[id][r]);
        else expect(tb.values[id][r], `${id} row ${r}`).toBeCloseTo(ta.values[id][r], 14);
      }
    }
  });

  it('the fast path gives bit-identical results to the full evaluation (EV and MC, with columns)', () => {
    const h = syntheticHouseholds(5000, regions, 11, 0.2);
    const widened = withParams(base, { 'monitoring.coverageMultiplier': 1.8, 'oneOff.orphanAmount': 300 });
    // Many households meet the rigid-expenditure test, which the fast path must leave to the full evaluation.
    const rigid = withParams(base, { 'rigid.ratio': 0.05, 'rigid.incomeMultiplier': 2, 'rigid.specialCostPc': 500 });
    for (const [s, mode] of [
      [widened, 'ev'],
      [widened, 'mc'],
      [rigid, 'ev'],
    ] as const) {
      const p = resolveScenario(s, regions);
      const a = simulateYear(h, regions, p, { mode, seed: 4, replication: 2 });
      const b = simulateYear(h, regions, p, { mode, seed: 4, replication: 2, fastPath: false });
      expect(Array.from(a.cells)).toEqual(Array.from(b.cells));
      expect(Array.from(a.deciles)).toEqual(Array.from(b.deciles));
      expect(Array.from(a.households!.total)).toEqual(Array.from(b.households!.total));
      expect(Array.from(a.households!.flags)).toEqual(Array.from(b.households!.flags));
      expect(Array.from(a.households!.tempEvents)).toEqual(Array.from(b.households!.tempEvents));
    }
    const rigidCases = simulateYear(h, regions, resolveScenario(rigid, regions)).households!.status.filter(
      (status) => status === 4,
    ).length;
    expect(rigidCases).toBeGreaterThan(50);
  });

  it('Monte Carlo is deterministic for a seed and differs across seeds', () => {
    const h = syntheticHouseholds(4000, regions, 13, 0.4);
    const p = resolveScenario(base, regions);
    const a = simulateYear(h, regions, p, { mode: 'mc', seed: 42, replication: 0 });
    const b = simulateYear(h, regions, p, { mode: 'mc', seed: 42, replication: 0 });
    const c = simulateYear(h, regions, p, { mode: 'mc', seed: 43, replication: 0 });
    expect(Array.from(a.cells)).toEqual(Array.from(b.cells));
    expect(Array.from(a.households!.enrol)).toEqual(Array.from(b.households!.enrol));
    expect(Array.from(a.cells)).not.toEqual(Array.from(c.cells));
    for (const v of a.households!.enrol) expect(v === 0 || v === 1).toBe(true);
  });

  it('reuses column buffers when given and gives the same result', () => {
    const h = syntheticHouseholds(3000, regions, 21, 0.4);
    const p = resolveScenario(withParams(base, { 'standard.scalePct': 15 }), regions);
    const first = simulateYear(h, regions, resolveScenario(base, regions));
    const fresh = simulateYear(h, regions, p);
    const reused = simulateYear(h, regions, p, { columnsInto: first.households });
    expect(reused.households).toBe(first.households);
    expect(Array.from(reused.households!.total)).toEqual(Array.from(fresh.households!.total));
    expect(Array.from(reused.households!.status)).toEqual(Array.from(fresh.households!.status));
    expect(Array.from(reused.households!.benefit.base)).toEqual(Array.from(fresh.households!.benefit.base));
  });

  it('expected-value mode is deterministic', () => {
    const h = syntheticHouseholds(4000, regions, 17, 0.4);
    const p = resolveScenario(base, regions);
    expect(Array.from(simulateYear(h, regions, p).cells)).toEqual(Array.from(simulateYear(h, regions, p).cells));
  });

  it('the Monte Carlo mean converges to the expected value', () => {
    const h = syntheticHouseholds(3000, regions, 19, 0.5);
    const s: Scenario = { ...base, disaster: { regions: ['11', '13'], affectedShare: 0.4 } };
    const p = resolveScenario(s, regions);
    const decile = incomeDeciles(h);
    const ev = totals(h, s, { decile });
    const R = 300;
    for (const id of ['households.dibao', 'cost.total', 'temporary.events', 'entrants.households'] as const) {
      let sum = 0;
      let sumSq = 0;
      for (let r = 0; r < R; r++) {
        const y = simulateYear(h, regions, p, { mode: 'mc', seed: 7, replication: r, householdColumns: false, decile });
        let v = 0;
        for (let c = 0; c < y.cells.length / METRIC_COUNT; c++) v += y.cells[c * METRIC_COUNT + M[id]];
        sum += v;
        sumSq += v * v;
      }
      const mean = sum / R;
      const sd = Math.sqrt(Math.max(0, sumSq / R - mean * mean));
      expect(Math.abs(mean - ev[id]), id).toBeLessThan(4 * (sd / Math.sqrt(R)) + 1e-9 * Math.abs(ev[id]));
      expect(Math.abs(mean - ev[id]) / ev[id], id).toBeLessThan(0.05);
    }
  }, 60_000);

  it('deciles split persons into tenths', () => {
    const h = syntheticHouseholds(20000, regions, 23, 0.1);
    const d = incomeDeciles(h);
    const mass = new Float64Array(10);
    let total = 0;
    for (let i = 0; i < h.count; i++) {
      mass[d[i]] += h.weight[i] * h.size[i];
      total += h.weight[i] * h.size[i];
    }
    for (let k = 0; k < 10; k++) expect(Math.abs(mass[k] / total - 0.1)).toBeLessThan(0.01);
    for (let i = 1; i < h.count; i++) {
      if (h.incomePc[i] > h.incomePc[0] * 1.01) expect(d[i]).toBeGreaterThanOrEqual(d[0]);
    }
  });
});
