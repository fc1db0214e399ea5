// Sampling and parameter uncertainty of Monte Carlo: bootstrap weights keep each cell's total, parameters stay in
// their catalogue ranges, the sources are stated, and intervals widen where a province has few sample households.
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../scenario/resolve.ts';
import { syntheticHouseholds, syntheticRegions } from '../testing/synthetic.ts';
import { AREA_ALL } from '../outputs/types.ts';
import { getParamDef } from '../params/catalogue.ts';
import { DRAW, uniform } from '../random/counter-hash.ts';
import { replicationTables, runReplications, summariseReplications } from './replications.ts';
import {
  SINGLE_YEAR_UNCERTAIN_PARAMS,
  bootstrapWeights,
  describeMcSources,
  drawParams,
  mcSources,
} from './uncertainty.ts';

const regions = syntheticRegions(2, 4);

describe('bootstrap weights', () => {
  const h = syntheticHouseholds(4000, regions, 12, 0.4);
  const cells = regions.count * 2;

  it('keep every region × area total of weights and vary by replication', () => {
    const g = bootstrapWeights(h, cells, 7, 3);
    const before = new Float64Array(cells);
    const after = new Float64Array(cells);
    for (let i = 0; i < h.count; i++) {
      const c = h.region[i] * 2 + h.area[i];
      before[c] += h.weight[i];
      after[c] += h.weight[i] * g[i];
    }
    for (let c = 0; c < cells; c++) expect(after[c] / before[c]).toBeCloseTo(1, 12);
    expect(Array.from(bootstrapWeights(h, cells, 7, 3))).toEqual(Array.from(g));
    expect(bootstrapWeights(h, cells, 7, 4)[0]).not.toBe(g[0]);
    // Unit-mean exponential draws: variance about 1 (the bootstrap's variance per sample household).
    let v = 0;
    for (let i = 0; i < h.count; i++) v += (g[i] - 1) ** 2;
    expect(v / h.count).toBeGreaterThan(0.85);
    expect(v / h.count).toBeLessThan(1.15);
  });

  it("are g = −ln(1 − u) of the counter hash's bootstrap draw, rescaled per cell", () => {
    const g = bootstrapWeights(h, cells, 9, 2, 500);
    const x = Array.from(
      { length: h.count },
      (_, i) => -Math.log(1 - uniform(9, 2, i + 500, DRAW.bootstrap) + 2 ** -33),
    );
    const drawn = new Float64Array(cells);
    const total = new Float64Array(cells);
    for (let i = 0; i < h.count; i++) {
      const c = h.region[i] * 2 + h.area[i];
      drawn[c] += h.weight[i] * x[i];
      total[c] += h.weight[i];
    }
    for (let i = 0; i < h.count; i += 97) {
      const c = h.region[i] * 2 + h.area[i];
      expect(g[i]).toBe(x[i] * (total[c] / drawn[c]));
    }
  });

  it('are keyed by the row in the whole dataset', () => {
    // All rows in one cell, so a slice's factors are the whole's up to the cell's normalising constant.
    const one = { ...h, region: new Uint32Array(h.count), area: new Uint8Array(h.count) };
    const whole = bootstrapWeights(one, cells, 1, 0);
    const tail = {
      ...one,
      count: 100,
      region: one.region.subarray(100, 200),
      area: one.area.subarray(100, 200),
      weight: one.weight.subarray(100, 200),
    };
    const part = bootstrapWeights(tail, cells, 1, 0, 100);
    for (let k = 1; k < 100; k++) expect(part[k] / part[0]).toBeCloseTo(whole[100 + k] / whole[100], 9);
  });
});

describe('parameter draws', () => {
  const params = resolveScenario({ schemaVersion: 1, name: 'p' }, regions);

  it('cover take-up and certification, not the projection-only growth and shock parameters', () => {
    const ids = SINGLE_YEAR_UNCERTAIN_PARAMS.map((p) => p.id);
    expect(ids).toEqual(
      expect.arrayContaining(['takeup.monitored', 'takeup.unmonitored', 'takeup.certifyShare', 'takeup.certifyRate']),
    );
    expect(ids.some((id) => id.startsWith('projection.'))).toBe(false);
    expect(getParamDef('projection.incomeGrowth')?.uncertainty).toEqual([0.03, 0.07]);
  });

  it('stay within the stated range, shift every cell alike and cover the range', () => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let r = 0; r < 300; r++) {
      const p = drawParams(params, 5, r, SINGLE_YEAR_UNCERTAIN_PARAMS);
      const v = p.cell['takeup.monitored'];
      expect(v[0]).toBeGreaterThanOrEqual(0.75);
      expect(v[0]).toBeLessThanOrEqual(0.95);
      for (let c = 1; c < v.length; c++) expect(v[c]).toBe(v[0]);
      expect(p.scalars['takeup.monitored']).toBe(v[0]);
      lo = Math.min(lo, v[0]);
      hi = Math.max(hi, v[0]);
    }
    expect(lo).toBeLessThan(0.77);
    expect(hi).toBeGreaterThan(0.93);
    expect(params.cell['takeup.monitored'][0]).toBe(0.85);
  });

  it('shift a scenario value by the same amount and keep it within the parameter limits', () => {
    const high = resolveScenario({ schemaVersion: 1, name: 'h', params: { takeup: { monitored: 0.95 } } }, regions);
    for (let r = 0; r < 50; r++) {
      const shift = drawParams(params, 8, r, SINGLE_YEAR_UNCERTAIN_PARAMS).cell['takeup.monitored'][0] - 0.85;
      const v = drawParams(high, 8, r, SINGLE_YEAR_UNCERTAIN_PARAMS).cell['takeup.monitored'][0];
      expect(v).toBeCloseTo(Math.min(1, 0.95 + shift), 12);
    }
  });
});

describe('Monte Carlo intervals', { timeout: 120_000 }, () => {
  // Province 11 has 3,000 sample households, province 12 only 150 with 20× the weight: similar populations.
  const thick = syntheticHouseholds(3000, regions, 21, 0.5);
  const thin = syntheticHouseholds(150, regions, 22, 0.5);
  const h = syntheticHouseholds(3150, regions, 21, 0.5);
  for (const key of Object.keys(h) as (keyof typeof h)[]) {
    if (key === 'count') continue;
    const target = h[key] as { set(a: ArrayLike<number>, o: number): void };
    target.set(thick[key] as ArrayLike<number>, 0);
    target.set(thin[key] as ArrayLike<number>, 3000);
  }
  for (let i = 0; i < 3150; i++) h.region[i] = i < 3000 ? 0 : 1;
  for (let i = 3000; i < 3150; i++) h.weight[i] *= 20;
  const params = resolveScenario({ schemaVersion: 1, name: 'x' }, regions);

  function relativeWidths(sampling: boolean, parameters: boolean): { national: number; byProvince: number[] } {
    const r = runReplications({ households: h, regions, params, seed: 4, from: 0, to: 80, sampling, parameters });
    const s = summariseReplications(r);
    const m = s.metrics['persons.dibao']!;
    const t = replicationTables(r, regions, 'province');
    const byProvince = [0, 1].map((p) => {
      const row = t.mean.code.findIndex((code, k) => code === regions.code[p] && t.mean.area[k] === AREA_ALL);
      return (
        (t.p95.values['persons.dibao'][row] - t.p5.values['persons.dibao'][row]) / t.mean.values['persons.dibao'][row]
      );
    });
    return { national: (m.p95 - m.p5) / m.mean, byProvince };
  }

  it('widen with sampling uncertainty, most where samples are thin, and say which sources they include', () => {
    const events = relativeWidths(false, false);
    const sampling = relativeWidths(true, false);
    expect(sampling.national).toBeGreaterThan(2 * events.national);
    // Twenty times fewer sample households: about √20 ≈ 4.5 times wider; at least twice.
    expect(sampling.byProvince[1]).toBeGreaterThan(2 * sampling.byProvince[0]);
    const r = runReplications({ households: h, regions, params, seed: 4, from: 0, to: 2 });
    expect(summariseReplications(r).sources).toEqual(mcSources(true, true));
    expect(mcSources(false, false)).toEqual({ events: true, sampling: false, parameters: [] });
  });
});

describe('describeMcSources', () => {
  it('names what is included and what is not, Chinese and English', () => {
    const all = describeMcSources(mcSources(true, true));
    expect(all.zh).toContain('抽样误差（省×城乡内贝叶斯自助法）');
    expect(all.zh).toContain('新符合条件家庭纳入率（已监测） 0.75–0.95');
    expect(all.en).toContain('sampling error (Bayesian bootstrap within province × area)');
    expect(all.en).toContain('Take-up of newly eligible, unmonitored 0.25–0.55');
    expect(all.en).toMatch(
      /Not included: growth rates and income shocks \(act in projection years only\); the model specification itself \(rules, form of the income distribution\)\.$/,
    );
    const projection = describeMcSources(mcSources(true, true, true));
    expect(projection.en).toContain("each household's yearly income shocks");
    expect(projection.en).toContain('Nominal income growth 0.03–0.07');
    expect(projection.en).toContain('Income shock standard deviation (log) 0.1–0.2');
    expect(projection.en).not.toContain('act in projection years only');
    expect(projection.zh).toContain('名义收入年增长率 0.03–0.07');
    const events = describeMcSources(mcSources(false, false));
    expect(events.en).toBe(
      'Includes random events (take-up, certification, temporary assistance, disasters). Not included: growth rates and income shocks (act in projection years only); sampling error; parameter uncertainty; the model specification itself (rules, form of the income distribution).',
    );
    expect(events.zh.startsWith('包含：随机事件')).toBe(true);
  });
});
