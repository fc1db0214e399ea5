// Aggregation by region level and area, derived rates, disclosure control and scenario − baseline deltas.
import { describe, expect, it } from 'vitest';
import { simulateYear } from '../kernel/simulate-year.ts';
import { resolveScenario, withParams } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { syntheticHouseholds, syntheticRegions } from '../testing/synthetic.ts';
import type { RegionArrays } from '../model/regions.ts';
import { aggregate, decileTable } from './aggregate.ts';
import { diffTables } from './diff.ts';
import { applyPattern, cellSamples, suppressionPattern } from '../run/disclosure.ts';
import { AREA_ALL } from './types.ts';

/** Two provinces split into three prefectures (4-digit codes) to check every region level. */
function prefectureRegions(): RegionArrays {
  const p = syntheticRegions(3, 8);
  return {
    ...p,
    code: ['1101', '1102', '1201'],
    province: Uint16Array.of(0, 0, 1),
    provinceCodes: ['11', '12'],
    nameZh: ['甲市', '乙市', '丙市'],
    nameEn: ['A', 'B', 'C'],
  };
}

const base: Scenario = { schemaVersion: 1, name: 'base' };

describe('aggregate', () => {
  const regions = prefectureRegions();
  const h = syntheticHouseholds(5000, regions, 37, 0.4);
  const year = simulateYear(h, regions, resolveScenario(base, regions));

  it('sums the same totals at every level and area', () => {
    const n = aggregate(year, regions, 'national');
    const p = aggregate(year, regions, 'province');
    const r = aggregate(year, regions, 'region');
    expect(n.rows).toBe(3);
    expect(p.rows).toBe(6);
    expect(r.rows).toBe(9);
    const sumAll = (t: typeof n, id: 'cost.total' | 'persons.dibao') =>
      t.values[id].reduce((s, v, i) => s + (t.area[i] === AREA_ALL ? v : 0), 0);
    for (const id of ['cost.total', 'persons.dibao'] as const) {
      expect(sumAll(p, id)).toBeCloseTo(n.values[id][AREA_ALL], 4);
      expect(sumAll(r, id)).toBeCloseTo(n.values[id][AREA_ALL], 4);
      expect(n.values[id][0] + n.values[id][1]).toBeCloseTo(n.values[id][AREA_ALL], 4);
    }
    expect(p.code).toEqual(['11', '11', '11', '12', '12', '12']);
    expect(r.sampleCount.reduce((s, v, i) => s + (r.area[i] === AREA_ALL ? v : 0), 0)).toBe(5000);
  });

  it('derives rates as ratios of weighted sums', () => {
    const n = aggregate(year, regions, 'national');
    const v = n.values;
    expect(v['coverage.cash'][2]).toBeCloseTo((v['persons.dibao'][2] + v['persons.tekun'][2]) / v['persons'][2], 12);
    expect(v['poverty.gapClosed'][2]).toBeCloseTo(1 - v['poverty.postGap'][2] / v['poverty.preGap'][2], 12);
    expect(v['poverty.postRate'][2]).toBeLessThan(v['poverty.preRate'][2]);
    expect(v['cost.central'][2] + v['cost.local'][2]).toBeCloseTo(v['cost.total'][2], 4);
    expect(v['benefit.bottomDecileShare'][2]).toBeLessThanOrEqual(v['benefit.bottomQuintileShare'][2]);
  });

  it('deflates yuan amounts (and only those) to real values on request', () => {
    const later = { ...year, priceIndex: 1.25 };
    const nominal = aggregate(later, regions, 'national');
    const real = aggregate(later, regions, 'national', { real: true });
    expect(real.values['cost.total'][2]).toBeCloseTo(nominal.values['cost.total'][2] / 1.25, 6);
    expect(real.values['cost.central'][2]).toBeCloseTo(nominal.values['cost.central'][2] / 1.25, 6);
    expect(real.values['persons.dibao'][2]).toBe(nominal.values['persons.dibao'][2]);
    expect(real.values['coverage.cash'][2]).toBe(nominal.values['coverage.cash'][2]);
    expect(nominal.values['cost.totalReal'][2]).toBeCloseTo(real.values['cost.total'][2], 6);
  });

  it('averages the standard over persons: per region, per province and nationally', () => {
    const params = resolveScenario(base, regions);
    const r = aggregate(year, regions, 'region');
    const p = aggregate(year, regions, 'province');
    const n = aggregate(year, regions, 'national');
    // A region × area row holds exactly that cell's standard.
    expect(r.values['standard.average'][0]).toBeCloseTo(params.standard[0], 9);
    expect(r.values['standard.average'][4]).toBeCloseTo(params.standard[3], 9);
    // Province 11 (regions 0 and 1), urban: weighted by each cell's persons.
    const persons0 = r.values['persons'][0];
    const persons1 = r.values['persons'][3];
    const expected = (persons0 * params.standard[0] + persons1 * params.standard[2]) / (persons0 + persons1);
    expect(p.values['standard.average'][0]).toBeCloseTo(expected, 9);
    const low = Math.min(...params.standard);
    const high = Math.max(...params.standard);
    expect(n.values['standard.average'][AREA_ALL]).toBeGreaterThan(low);
    expect(n.values['standard.average'][AREA_ALL]).toBeLessThan(high);
    // A 10% rise (never lower keeps none below) raises every average by 10%; real values deflate it.
    const raised = aggregate(
      simulateYear(h, regions, resolveScenario(withParams(base, { 'standard.scalePct': 10 }), regions)),
      regions,
      'national',
    );
    expect(raised.values['standard.average'][AREA_ALL]).toBeCloseTo(1.1 * n.values['standard.average'][AREA_ALL], 6);
    const real = aggregate({ ...year, priceIndex: 1.25 }, regions, 'national', { real: true });
    expect(real.values['standard.average'][AREA_ALL]).toBeCloseTo(n.values['standard.average'][AREA_ALL] / 1.25, 9);
  });

  it('gives the decile distribution', () => {
    const d = decileTable(year);
    expect(d).toHaveLength(10);
    expect(d[0].averageBenefit).toBeGreaterThan(d[9].averageBenefit);
    for (const row of d) expect(row.shareGaining).toBeGreaterThanOrEqual(0);
  });

  it('suppresses sub-national cells below min_cell (and their complements) and never the national table', () => {
    const pattern = suppressionPattern(regions, cellSamples(year), 1000);
    const r = applyPattern(aggregate(year, regions, 'region'), pattern);
    for (let i = 0; i < r.rows; i++) {
      if (r.sampleCount[i] < 1000) expect(r.suppressed[i]).toBe(1);
      if (r.suppressed[i]) expect(Number.isNaN(r.values['cost.total'][i])).toBe(true);
      else expect(Number.isNaN(r.values['cost.total'][i])).toBe(false);
    }
    expect(r.minCell).toBe(1000);
    expect(r.suppressed.some((s) => s === 1)).toBe(true);
    const n = applyPattern(aggregate(year, regions, 'national'), suppressionPattern(regions, cellSamples(year), 1e9));
    expect(n.suppressed.every((s) => s === 0)).toBe(true);
  });

  it('computes scenario − baseline deltas', () => {
    const reform = simulateYear(h, regions, resolveScenario(withParams(base, { 'standard.scalePct': 20 }), regions));
    const a = aggregate(reform, regions, 'province');
    const b = aggregate(year, regions, 'province');
    const d = diffTables(a, b);
    for (let i = 0; i < d.rows; i++) {
      expect(d.values['cost.total'][i]).toBeCloseTo(a.values['cost.total'][i] - b.values['cost.total'][i], 6);
    }
    expect(d.values['cost.total'][2]).toBeGreaterThan(0);
  });
});
