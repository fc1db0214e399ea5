// Tests of the worker's call handlers over a small synthetic dataset from the engine's own test generator: baseline
// cached and reused, deltas equal scenario − baseline, invalid scenarios refused with field paths, replications split.
import { describe, expect, it } from 'vitest';
import { syntheticHouseholds, syntheticRegions } from '../../../../sim/testing/index.ts';
import { BASELINE_SCENARIO } from '../../../../sim/index.ts';
import { HANDLERS, loadData, EngineInputError } from './engine-handlers.ts';
import { toErrorInfo } from './engine-protocol.ts';

function dataset() {
  const regions = syntheticRegions(4, 3);
  const households = syntheticHouseholds(3000, regions, 11);
  return loadData('test', households, regions).data;
}

const raise = (pct: number) => ({ schemaVersion: 1, name: `+${pct}%`, params: { standard: { scalePct: pct } } });

describe('engine handlers', () => {
  it('runs baseline and scenario, caches the baseline, and returns scenario − baseline', async () => {
    const data = dataset();
    const first = await HANDLERS.year(data, { scenario: raise(20) });
    expect(first.baselineCached).toBe(false);
    const second = await HANDLERS.year(data, { scenario: raise(30) });
    expect(second.baselineCached).toBe(true);
    const cost = (t: typeof first.scenario.national) => t.values['cost.total'][t.rows - 1];
    expect(cost(first.scenario.national)).toBeGreaterThan(cost(first.baseline.national));
    expect(cost(first.delta.national)).toBeCloseTo(cost(first.scenario.national) - cost(first.baseline.national), 3);
    expect(cost(second.scenario.national)).toBeGreaterThanOrEqual(cost(first.scenario.national));
    expect(first.scenario.province.minCell).toBe(10);
  });

  it('gives identical scenario and baseline numbers for the baseline scenario itself', async () => {
    const data = dataset();
    const result = await HANDLERS.year(data, { scenario: BASELINE_SCENARIO as unknown as Record<string, never> });
    for (const value of result.delta.national.values['persons.dibao']) expect(value).toBe(0);
  });

  it('refuses an invalid scenario with the path of the bad field, in both languages', async () => {
    const data = dataset();
    let caught: unknown;
    try {
      await HANDLERS.year(data, {
        scenario: { schemaVersion: 1, name: 'bad', params: { standard: { scalePct: 1e9 } } },
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EngineInputError);
    const info = toErrorInfo(caught);
    expect(info.paths).toContain('params.standard.scalePct');
    expect(info.messageZh).toContain('params.standard.scalePct');
    expect(info.messageEn).toContain('invalid scenario');
  });

  it('refuses override regions the dataset does not have, naming the field (not skipped silently)', async () => {
    const data = dataset();
    let caught: unknown;
    try {
      await HANDLERS.year(data, {
        scenario: { schemaVersion: 1, name: 'x', standardOverrides: [{ region: '99', value: 900 }] },
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EngineInputError);
    const info = toErrorInfo(caught);
    expect(info.paths).toEqual(['standardOverrides.0.region']);
    expect(info.messageEn).toContain('"99" is not in the dataset');
    const known = data.regions.code[0];
    const ok = await HANDLERS.year(data, {
      scenario: { schemaVersion: 1, name: 'y', standardOverrides: [{ region: known, value: 900 }] },
    });
    expect(ok.scenario.national.rows).toBeGreaterThan(0);
  });

  it('suppresses province cells below the requested minimum sample', async () => {
    const data = dataset();
    const result = await HANDLERS.year(data, { scenario: raise(5), minCell: 1e9 });
    expect([...result.scenario.province.suppressed].every((flag) => flag === 1)).toBe(true);
    expect(Number.isNaN(result.scenario.province.values['cost.total'][0])).toBe(true);
  });

  it('splits replications and merges them to the same summary as one run', () => {
    const data = dataset();
    const scenario = raise(10);
    const whole = HANDLERS.replications(data, { scenario, from: 0, to: 6, seed: 5 });
    const a = HANDLERS.replications(data, { scenario, from: 0, to: 3, seed: 5 });
    const b = HANDLERS.replications(data, { scenario, from: 3, to: 6, seed: 5 });
    const merged = HANDLERS.summariseReplications(data, { parts: [b, a], scenario });
    const single = HANDLERS.summariseReplications(data, { parts: [whole], scenario });
    expect(merged).toEqual(single);
    expect(merged.replications).toBe(6);
    // Province tables, suppressed like every sub-national output (rows below output.minCell are NaN).
    const province = merged.province;
    expect(province.p50.level).toBe('province');
    for (let row = 0; row < province.p50.rows; row++) {
      const suppressed = province.p50.suppressed[row] === 1;
      if (province.p50.sampleCount[row] < 10) expect(suppressed).toBe(true);
      if (suppressed) expect(Number.isNaN(province.p95.values['cost.total'][row])).toBe(true);
      else expect(province.p5.values['cost.total'][row]).toBeLessThanOrEqual(province.p95.values['cost.total'][row]);
    }
  });

  it('projects several scenarios year by year', async () => {
    const data = dataset();
    const runs = await HANDLERS.project(data, { scenarios: [BASELINE_SCENARIO as never, raise(10)], years: 2 });
    expect(runs).toHaveLength(2);
    expect(runs[1].years).toHaveLength(3);
    expect(runs[1].national).toHaveLength(3);
  });

  it('runs Monte Carlo over a projection: percentiles per year around the expected-value path, sources stated', async () => {
    const data = dataset();
    const scenario = { schemaVersion: 1, name: 'x', projection: { startYear: 2024, years: 2, standardPath: 'fixed' } };
    const part = (from: number, to: number) => HANDLERS.projectionReplications(data, { scenario, years: 2, from, to });
    const mc = HANDLERS.summariseProjectionReplications(data, { parts: [part(0, 12)], scenario });
    // Parts in any order merge to the same percentiles, bit for bit.
    expect(HANDLERS.summariseProjectionReplications(data, { parts: [part(5, 12), part(0, 5)], scenario })).toEqual(mc);
    const [ev] = await HANDLERS.project(data, { scenarios: [scenario], years: 2 });
    expect(mc.years).toEqual([2024, 2025, 2026]);
    expect(mc.replications).toBe(12);
    expect(mc.sources.projection).toBe(true);
    mc.national.forEach((t, year) => {
      const row = t.mean.rows - 1;
      const p5 = t.p5.values['persons.dibao'][row];
      const p95 = t.p95.values['persons.dibao'][row];
      expect(p5).toBeLessThan(p95);
      expect(ev.national[year].values['persons.dibao'][ev.national[year].rows - 1]).toBeGreaterThan(p5 * 0.8);
    });
    // The projection's thin flags: 3,000 households over 4 regions, every cell below the effective-sample rule.
    expect(ev.thin.length).toBe(ev.province[0].rows);
    expect(Array.from(ev.thin).every((f) => f === 1)).toBe(true);
  });
});
