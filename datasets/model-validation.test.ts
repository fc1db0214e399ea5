// The model validation report: NBS-style quintile means and medians by hand, uprating, and the response table.
import { describe, expect, it } from 'vitest';
import type { HouseholdArrays } from '../sim/index.ts';
import { demoToEngineArrays } from './generate/engine-arrays.ts';
import { generateDemo } from './generate/generate.ts';
import {
  RESPONSE_CHANGES,
  RESPONSE_CHECKS,
  incomeChecks,
  modelValidationMarkdown,
  modelValidationReport,
  quintileMeans,
} from './model-validation.ts';

/** Households whose incomes, sizes, weights and areas are set by hand (the other columns are what the checks ignore). */
function incomes(rows: [income: number, size: number, weight: number, area: number][]): HouseholdArrays {
  const n = rows.length;
  const h = demoToEngineArrays(generateDemo(1000, 1)).households;
  const pick = <T extends { slice(a: number, b: number): T }>(a: T): T => a.slice(0, n);
  const out = { ...h, count: n } as HouseholdArrays;
  for (const key of Object.keys(h) as (keyof HouseholdArrays)[]) {
    const v = h[key];
    if (typeof v === 'object') (out as unknown as Record<string, unknown>)[key] = pick(v as Float64Array);
  }
  rows.forEach(([income, size, weight, area], i) => {
    out.incomePc[i] = income;
    out.size[i] = size;
    out.weight[i] = weight;
    out.area[i] = area;
  });
  return out;
}

describe('model validation', () => {
  it('cuts five equal groups of households and divides each group income by its persons', () => {
    // Ten households of weight 1: groups of two. Group 1: incomes 1,000 (size 4) and 2,000 (size 1):
    // (4 × 1,000 + 1 × 2,000) / 5 = 1,200 per person.
    const h = incomes([
      [2000, 1, 1, 0],
      [1000, 4, 1, 0],
      [3000, 2, 1, 0],
      [5000, 2, 1, 1],
      [9000, 3, 1, 1],
      [7000, 1, 1, 1],
      [11000, 1, 1, 0],
      [13000, 1, 1, 0],
      [20000, 2, 1, 0],
      [40000, 2, 1, 0],
    ]);
    const q = quintileMeans(h);
    expect(q[0]).toBeCloseTo(1200, 9);
    // Group 2: 3,000 × 2 and 5,000 × 2 → 4,000. Group 3: 7,000 × 1 and 9,000 × 3 → 34,000 / 4 = 8,500.
    expect(q[1]).toBeCloseTo(4000, 9);
    expect(q[2]).toBeCloseTo(8500, 9);
    expect(q[3]).toBeCloseTo(12000, 9);
    expect(q[4]).toBeCloseTo(30000, 9);
    // Person median: 19 persons sorted 1,000×4, 2,000×1, 3,000×2, 5,000×2, 7,000×1: the 10th reaches half (9.5).
    const rows = incomeChecks(h);
    expect(rows.find((r) => r.id === 'medianNational')?.simulated).toBe(7000);
    // Uprating of 2023 quintile 1: 9,215 × 41,314 / 39,218.
    const q1 = rows.find((r) => r.id === 'quintile1');
    expect(q1?.uprating).toBeCloseTo(41314 / 39218, 12);
    expect(q1?.reference).toBeCloseTo(9215 * (41314 / 39218), 6);
    expect(q1?.differencePct).toBeCloseTo((1200 / q1!.reference - 1) * 100, 9);
    expect(q1?.withinTolerance).toBe(false);
  });

  it('reports levels, income and the responses to every standard change with elasticities and ranges', () => {
    const { households, regions } = demoToEngineArrays(generateDemo(20_000, 3));
    const report = modelValidationReport(households, regions);
    expect(report.levels.length).toBeGreaterThan(5);
    expect(report.income).toHaveLength(11);
    expect(report.responses.map((r) => r.metric)).toEqual(RESPONSE_CHECKS.map((c) => c.metric));
    for (const row of report.responses) {
      expect(row.cells.map((c) => c.changePct)).toEqual([...RESPONSE_CHANGES]);
      for (const c of row.cells) {
        expect(c.elasticity).toBeCloseTo((c.value / row.baseline - 1) / (c.changePct / 100), 9);
        expect(c.plausible).toBe(c.elasticity >= row.range[0] && c.elasticity <= row.range[1]);
      }
    }
    const dibao = report.responses.find((r) => r.metric === 'persons.dibao');
    expect(dibao?.cells.every((c) => Math.sign(c.value - dibao.baseline) === Math.sign(c.changePct))).toBe(true);
    expect(report.targeting.exclusionRate).toBeGreaterThan(0);
    expect(report.targeting.inclusionRate).toBeGreaterThan(0);
    const md = modelValidationMarkdown(report, 'demo 20,000');
    expect(md).toContain('# 模型验证报告 · Model validation report');
    expect(md).toContain('| 低保人数 Dibao persons |');
    expect(md).toContain('demo 20,000');
  });
});
