// The demo generator: deterministic to the byte, internally consistent, weights summing to the population, synthetic.
import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import {
  DEMO_ORPHANS,
  dagumQuantile,
  expectedSize,
  generateDemo,
  minimumHouseholds,
  sizeDistribution,
} from './generate.ts';
import type { DemoKnobs } from './generate.ts';
import { demoToArrow, tableBytes } from './to-arrow.ts';
import { nationalTarget } from '../reference/reference-data.ts';
import { PROGRAMME, SUPPORT_TYPE, defaultParamValues, assessedFactor, assessmentNormal } from '../../sim/index.ts';

describe('income and household-size model', () => {
  it('draws the Dagum quantile x(u) = b (u^(-1/p) - 1)^(-1/a)', () => {
    // u = 0.5, a = 2, p = 1: b (2 - 1)^(-1/2) = b; p = 0.5: b (4 - 1)^(-1/2) = b / √3.
    expect(dagumQuantile(0.5, 2, 1000, 1)).toBeCloseTo(1000, 9);
    expect(dagumQuantile(0.5, 2, 1000, 0.5)).toBeCloseTo(1000 / Math.sqrt(3), 9);
    // Increasing in u (a smooth distribution, no steps).
    let last = 0;
    for (let k = 1; k < 1000; k++) {
      const x = dagumQuantile(k / 1000, 5.3, 30000, 0.25);
      expect(x).toBeGreaterThan(last);
      last = x;
    }
  });

  it('mixes household sizes smoothly by rank: small at the bottom, larger in the lower middle, smaller at the top', () => {
    for (const u of [0, 0.3, 1]) expect(sizeDistribution(u).reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    // u = 1: the bottom weight e^(-1/0.06) is ~6e-8, so the small-household mix: mean 2.26.
    expect(expectedSize(1, 0)).toBeCloseTo(2.26, 5);
    expect(expectedSize(0, 0)).toBeCloseTo(2.0, 9);
    expect(expectedSize(0.3, 0)).toBeGreaterThan(expectedSize(1, 0));
    expect(expectedSize(0.3, 1) - expectedSize(0.3, 0)).toBeCloseTo(0.15, 12);
  });
});

describe('generateDemo', () => {
  const demo = generateDemo(5_000, 7);

  it('keeps drawn money inside the schema bounds however far the tails reach (40M-household runs drew a few)', () => {
    // Knobs as a tile reuses them, with assets scaled far beyond any calibrated value: unclamped, the richest
    // households' lognormal asset draws pass 1亿 per person.
    let knobs: DemoKnobs | undefined;
    generateDemo(1_000, 3, { onKnobs: (k) => (knobs = k) });
    const wild = generateDemo(1_000, 3, { knobs: { ...knobs!, assets: [1e5, 1e5] } });
    const assets = wild.households.assets_pc;
    expect(Math.max(...assets)).toBe(1e8);
    expect(Math.min(...assets)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...wild.households.income_pc)).toBeLessThanOrEqual(1e8);
  });

  it('is byte-identical for the same seed and differs for another', () => {
    const a = demoToArrow(generateDemo(5_000, 7));
    const b = demoToArrow(generateDemo(5_000, 7));
    const c = demoToArrow(generateDemo(5_000, 8));
    expect(Buffer.from(tableBytes(a.households)).equals(Buffer.from(tableBytes(b.households)))).toBe(true);
    expect(Buffer.from(tableBytes(a.regions)).equals(Buffer.from(tableBytes(b.regions)))).toBe(true);
    expect(Buffer.from(tableBytes(a.households)).equals(Buffer.from(tableBytes(c.households)))).toBe(false);
  });

  it('marks both tables synthetic in the Arrow schema metadata', () => {
    const t = tableFromIPC(tableBytes(demoToArrow(demo).households));
    expect(t.schema.metadata.get('synthetic')).toBe('true');
    expect(t.schema.metadata.get('description_zh')).toContain('合成');
    expect(t.numRows).toBe(5_000);
  });

  it('keeps member counts consistent and weights positive', () => {
    const h = demo.households;
    const bad: number[] = [];
    for (let i = 0; i < h.count; i++) {
      const size = h.size[i];
      const ok =
        size >= 1 &&
        h.elderly[i] + h.children[i] <= size &&
        h.working[i] <= h.able_to_work[i] &&
        h.care_full[i] + h.care_half[i] <= size &&
        h.earnings_pc[i] <= h.income_pc[i] &&
        h.weight[i] > 0;
      if (!ok) bad.push(i);
    }
    expect(bad).toEqual([]);
    expect(new Set(h.household_id).size).toBe(h.count);
  });

  it('covers all 31 provinces in both areas and weights persons to the national population', () => {
    const h = demo.households;
    expect(new Set(h.region_code).size).toBe(31);
    expect(demo.regions.count).toBe(62);
    let persons = 0;
    for (let i = 0; i < h.count; i++) persons += h.weight[i] * h.size[i];
    const total = nationalTarget('population_total').value * 1e4;
    expect(Math.abs(persons - total) / total).toBeLessThan(0.002);
  });

  it('gives every current programme from the rules: dibao households below their standard in assessed income', () => {
    const h = demo.households;
    const std = new Map<string, number>();
    for (let r = 0; r < demo.regions.count; r++)
      std.set(`${demo.regions.region_code[r]}/${demo.regions.area[r]}`, demo.regions.dibao_standard[r]);
    // Rigid-expenditure households are rare (tens of thousands nationally): the demo-size test checks them.
    const seen = new Set(h.programme);
    for (const p of [PROGRAMME.none, PROGRAMME.dibao, PROGRAMME.tekun, PROGRAMME.marginal])
      expect(seen.has(p)).toBe(true);
    const defaults = defaultParamValues();
    let assessedBelow = 0;
    let surveyAbove = 0;
    let dibao = 0;
    for (let i = 0; i < h.count; i++) {
      if (h.programme[i] !== PROGRAMME.dibao) continue;
      dibao++;
      const s = (std.get(`${h.region_code[i]}/${h.area[i]}`) ?? 0) * 12;
      const z = assessmentNormal(h.income_pc[i], h.earnings_pc[i], h.size[i]);
      const assessed =
        h.income_pc[i] * assessedFactor(z, defaults['takeup.assessedBias'], defaults['takeup.assessedNoise']);
      if (assessed < s) assessedBelow++;
      if (h.income_pc[i] >= s) surveyAbove++;
    }
    // Single-person dibao (an ill or disabled member of a marginal household) is the only way above the standard.
    expect(assessedBelow / dibao).toBeGreaterThan(0.9);
    // The office and the survey disagree: some recipients have survey income at or above the standard.
    expect(surveyAbove / dibao).toBeGreaterThan(0.05);
  });

  it('refuses sizes it cannot stratify', () => {
    expect(() => generateDemo(10, 1)).toThrow(/1,000/);
    expect(() => generateDemo(2_000, 1, { prefectures: 3 })).toThrow(/3000/);
    expect(() => generateDemo(5_000, 1, { prefectures: 10 })).toThrow(/0 to 9/);
  });

  it('splits every province into synthetic prefectures on request, each with households in both areas', () => {
    const fine = generateDemo(minimumHouseholds(3), 5, { prefectures: 3 });
    const r = fine.regions;
    expect(r.count).toBe(31 * 3 * 2);
    expect(r.region_code.slice(0, 6)).toEqual(['1101', '1101', '1102', '1102', '1103', '1103']);
    expect(r.name_zh[0]).toBe('北京甲市');
    expect(r.name_en[5]).toBe('Beijing City C');
    // The province's population is split among its prefectures; the first prefecture has the highest standard.
    const province = generateDemo(5_000, 5).regions;
    expect(r.population[0] + r.population[2] + r.population[4]).toBeCloseTo(province.population[0], -1);
    expect(r.dibao_standard[0]).toBeGreaterThan(r.dibao_standard[4]);
    const h = fine.households;
    const rowsPerRegion = new Map<string, number>();
    let persons = 0;
    for (let i = 0; i < h.count; i++) {
      const key = `${h.region_code[i]}/${h.area[i]}`;
      rowsPerRegion.set(key, (rowsPerRegion.get(key) ?? 0) + 1);
      persons += h.weight[i] * h.size[i];
    }
    expect(rowsPerRegion.size).toBe(r.count);
    const total = nationalTarget('population_total').value * 1e4;
    expect(Math.abs(persons - total) / total).toBeLessThan(0.002);
    const again = demoToArrow(generateDemo(minimumHouseholds(3), 5, { prefectures: 3 }));
    expect(
      Buffer.from(tableBytes(again.households)).equals(Buffer.from(tableBytes(demoToArrow(fine).households))),
    ).toBe(true);
  });
});

describe('demo orphans and support types', () => {
  it('has dispersed and institutional orphans near the MCA 2020 counts and tekun households of both support types', () => {
    const { households: h } = generateDemo(20_000, 11);
    let dispersed = 0;
    let institutional = 0;
    let maxWeight = 0;
    const tekunTypes = new Set<number>();
    for (let i = 0; i < h.count; i++) {
      if (h.orphans[i] > 0) {
        expect(h.orphans[i]).toBeLessThanOrEqual(h.children[i]);
        maxWeight = Math.max(maxWeight, h.weight[i]);
        if (h.support_type[i] === SUPPORT_TYPE.centralised) {
          // An institutional orphan is a one-person unit of a child with no income.
          expect([h.size[i], h.children[i], h.income_pc[i]]).toEqual([1, 1, 0]);
          institutional += h.weight[i] * h.orphans[i];
        } else {
          expect(h.support_type[i]).toBe(SUPPORT_TYPE.dispersed);
          expect(h.elderly[i]).toBeGreaterThan(0);
          dispersed += h.weight[i] * h.orphans[i];
        }
      }
      if (h.programme[i] === PROGRAMME.tekun) tekunTypes.add(h.support_type[i]);
    }
    // Rows are taken until their weight reaches the target, so each total overshoots by less than one row's weight.
    expect(dispersed).toBeGreaterThanOrEqual(DEMO_ORPHANS.dispersed);
    expect(dispersed).toBeLessThan(DEMO_ORPHANS.dispersed + maxWeight);
    expect(institutional).toBeGreaterThanOrEqual(DEMO_ORPHANS.institutional);
    expect(institutional).toBeLessThan(DEMO_ORPHANS.institutional + maxWeight);
    expect([...tekunTypes].sort()).toEqual([SUPPORT_TYPE.centralised, SUPPORT_TYPE.dispersed]);
  });
});
