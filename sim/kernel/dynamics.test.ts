// Take-up persistence, marginal/rigid certification and projection income shocks, with hand-computed expectations.
import { describe, expect, it } from 'vitest';
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import { PROGRAMME } from '../model/codes.ts';
import { defaultParamValues } from '../params/catalogue.ts';
import { resolveScenario } from '../scenario/resolve.ts';
import type { ResolveOptions } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { syntheticHouseholds, syntheticRegions } from '../testing/synthetic.ts';
import { incomeDynamics, incomeShock, incomeShockDraw } from './dynamics.ts';
import { simulateYear } from './simulate-year.ts';
import type { HouseholdState, ResolvedParams } from './types.ts';

const regions = syntheticRegions(2, 3);

/**
 * Resolved parameters with any assessed-income error model (`takeup.assessed*`) switched off, so the hand arithmetic
 * below sees the income in the data.
 */
function resolveExact(scenario: Scenario, r: RegionArrays, options?: ResolveOptions): ResolvedParams {
  const p = resolveScenario(scenario, r, options);
  for (const [id, values] of Object.entries(p.cell)) if (id.startsWith('takeup.assessed')) values.fill(0);
  return p;
}
const S = regions.standard[0];

/** Four urban households of region 0, one adult each with nothing but income (a multiple of the standard). */
function plain(incomeTimesStandard: number[], programme: number[]): HouseholdArrays {
  const h = syntheticHouseholds(incomeTimesStandard.length, regions, 5);
  for (let i = 0; i < h.count; i++) {
    h.region[i] = 0;
    h.area[i] = 0;
    h.size[i] = 1;
    h.elderly[i] = 0;
    h.children[i] = 0;
    h.disabled[i] = 0;
    h.ill[i] = 0;
    h.working[i] = 0;
    h.careFull[i] = 0;
    h.careHalf[i] = 0;
    h.incomePc[i] = incomeTimesStandard[i] * S * 12;
    h.earningsPc[i] = 0;
    h.assetsPc[i] = 0;
    h.car[i] = 0;
    h.homes[i] = 1;
    h.medicalHh[i] = 0;
    h.educationHh[i] = 0;
    h.rehabHh[i] = 0;
    h.programme[i] = programme[i];
    h.gradualExit[i] = 0;
    h.monitored[i] = 1;
    h.tekunProfile[i] = 0;
    h.localHukou[i] = 1;
    h.weight[i] = 1;
  }
  return h;
}

function state(programme: number[], enrol: number[]): HouseholdState {
  const n = programme.length;
  return {
    programme: Uint8Array.from(programme),
    enrol: Float64Array.from(enrol),
    gradualExit: new Uint8Array(n),
    shock: new Float32Array(n),
  };
}

const base: Scenario = {
  schemaVersion: 1,
  name: 'base',
  params: { temporary: { medicalBaseProb: 0, medicalSlope: 0 } },
};

describe('take-up over years', () => {
  // Dibao-eligible (0.5 S), marginal-eligible (1.2 S) twice, and a rigid-free household above every line.
  const h = plain([0.5, 1.2, 1.2, 3], [0, 0, 0, 0]);

  it('draws dibao take-up once: an eligible household that did not enrol is not drawn again', () => {
    const params = resolveExact(base, regions);
    const first = simulateYear(h, regions, params);
    expect(first.households?.enrol[0]).toBeCloseTo(0.85, 12); // monitored take-up
    // Next year it is still eligible with enrolment probability 0.85: max(0.85, 0.85) = 0.85, no new entrant.
    const next = simulateYear(h, regions, params, { state: state([1, 3, 3, 0], [0.85, 0.28, 1, 0]) });
    expect(next.households?.enrol[0]).toBeCloseTo(0.85, 12);
    expect(next.households?.entrant[0]).toBeCloseTo(0, 12);
    // A take-up rise to 0.95 reaches it: max(0.85, 0.95) = 0.95, entrant 0.10.
    const raised = resolveExact({ ...base, params: { ...base.params, takeup: { monitored: 0.95 } } }, regions);
    const up = simulateYear(h, regions, raised, { state: state([1, 3, 3, 0], [0.85, 0.28, 1, 0]) });
    expect(up.households?.enrol[0]).toBeCloseTo(0.95, 12);
    expect(up.households?.entrant[0]).toBeCloseTo(0.1, 12);
  });

  it('certifies marginal households at the yearly rate, separately from dibao take-up', () => {
    const d = defaultParamValues();
    expect(d['takeup.certifyShare']).toBe(0.7);
    expect(d['takeup.certifyRate']).toBe(0.6);
    const params = resolveExact(base, regions);
    const first = simulateYear(h, regions, params);
    // Newly eligible: 0.6 × 0.7 = 0.42 (not the dibao take-up 0.85).
    expect(first.households?.status[1]).toBe(PROGRAMME.marginal);
    expect(first.households?.enrol[1]).toBeCloseTo(0.42, 12);
    // Second year: 0.42 + 0.6 × (0.7 − 0.42) = 0.588; a certified household stays certified.
    const next = simulateYear(h, regions, params, { state: state([1, 3, 3, 0], [0.85, 0.42, 1, 0]) });
    expect(next.households?.enrol[1]).toBeCloseTo(0.588, 12);
    expect(next.households?.enrol[2]).toBe(1);
    // Third: 0.588 + 0.6 × (0.7 − 0.588) = 0.6552; it tends to 0.7.
    const third = simulateYear(h, regions, params, { state: state([1, 3, 3, 0], [0.85, 0.588, 1, 0]) });
    expect(third.households?.enrol[1]).toBeCloseTo(0.6552, 12);
  });

  it('a sudden 20% standard rise certifies only 42% of the newly eligible in its first year', () => {
    const many = syntheticHouseholds(4000, regions, 9, 0.6);
    const before = simulateYear(many, regions, resolveExact(base, regions));
    const rise = simulateYear(
      many,
      regions,
      resolveExact({ ...base, params: { ...base.params, standard: { scalePct: 20 } } }, regions),
    );
    let newly = 0;
    for (let i = 0; i < many.count; i++) {
      if (many.programme[i] !== 0 || before.households?.status[i] !== 0) continue;
      if (rise.households?.status[i] !== PROGRAMME.marginal) continue;
      newly++;
      expect(rise.households?.enrol[i]).toBeCloseTo(0.42, 12);
    }
    expect(newly).toBeGreaterThan(20);
  });

  it('Monte Carlo certification averages to the EV probability (persistent share draw, yearly rate draw)', () => {
    const one = plain([1.2], [0]);
    const params = resolveExact(base, regions);
    let sum = 0;
    const reps = 2000;
    for (let r = 0; r < reps; r++) {
      sum += simulateYear(one, regions, params, { mode: 'mc', seed: 3, replication: r }).households?.enrol[0] ?? 0;
    }
    // Binomial standard error sqrt(0.42 × 0.58 / 2000) ≈ 0.011: within 4 of them.
    expect(Math.abs(sum / reps - 0.42)).toBeLessThan(0.045);
  });
});

describe('income shocks', () => {
  it('draws unit-variance shocks that depend only on the row and the year', () => {
    let m = 0;
    let v = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const x = incomeShockDraw(i, 1);
      m += x;
      v += x * x;
    }
    expect(Math.abs(m / n)).toBeLessThan(0.01);
    expect(Math.abs(v / n - 1)).toBeLessThan(0.02);
    expect(incomeShockDraw(17, 2)).toBe(incomeShockDraw(17, 2));
    expect(incomeShockDraw(17, 2)).not.toBe(incomeShockDraw(17, 3));
  });

  it('keeps mean income on the growth path: E[exp(e(t) − log mean)] = 1 in every year', () => {
    const params = (t: number) => resolveExact({ schemaVersion: 1, name: 'p' }, regions, { yearIndex: t });
    const n = 200_000;
    const e = new Float64Array(n);
    expect(incomeDynamics(params(0)).on).toBe(false);
    for (let t = 1; t <= 5; t++) {
      const dyn = incomeDynamics(params(t));
      expect(dyn.on).toBe(true);
      let mean = 0;
      for (let i = 0; i < n; i++) {
        e[i] = incomeShock(dyn, e[i], i, t);
        mean += Math.exp(e[i] - dyn.logMean);
      }
      expect(Math.abs(mean / n - 1)).toBeLessThan(0.005);
    }
    // Hand value for year 1 with σ = 0.15: log(0.15√3 / sin(0.15√3)) = 0.011317…
    const x = 0.15 * Math.sqrt(3);
    expect(incomeDynamics(params(1)).logMean).toBeCloseTo(Math.log(x / Math.sin(x)), 12);
  });

  it('moves households across the standard in carried years only', () => {
    const h = plain([0.98, 1.02, 0.98, 1.02], [1, 0, 1, 0]);
    const y1 = resolveExact(
      { schemaVersion: 1, name: 's', params: { projection: { incomeGrowth: 0, standardRise: 0, incomeShockSd: 0.3 } } },
      regions,
      { yearIndex: 1 },
    );
    const without = simulateYear(h, regions, y1);
    const carried = simulateYear(h, regions, y1, { state: state([1, 0, 1, 0], [1, 0, 1, 0]), carryState: true });
    expect(Array.from(without.households?.status ?? [])).toEqual([1, 3, 1, 3]);
    const dyn = incomeDynamics(y1);
    for (let i = 0; i < 4; i++) {
      const e = incomeShock(dyn, 0, i, 1);
      expect(carried.nextState?.shock[i]).toBeCloseTo(e, 6);
      const below = h.incomePc[i] * Math.exp(e - dyn.logMean) < S * 12;
      expect(carried.households?.status[i]).toBe(below ? PROGRAMME.dibao : PROGRAMME.marginal);
    }
  });
});
