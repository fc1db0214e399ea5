// Monte Carlo intervals of a combined metric (dibao + tekun persons): percentiles of each replication's own sum,
// checked by hand from the replications' cells, nationally and for a province, and not the sum of the parts' percentiles.
import { describe, expect, it } from 'vitest';
import { M, METRIC_COUNT } from '../kernel/metrics.ts';
import { AREA_ALL } from '../outputs/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { syntheticHouseholds, syntheticRegions } from '../testing/synthetic.ts';
import { runProjectionReplications, summariseProjectionReplications } from './projection-replications.ts';

const regions = syntheticRegions(2, 4);
const scenario: Scenario = {
  schemaVersion: 1,
  name: 'x',
  projection: { startYear: 2024, years: 2, standardPath: 'fixed' },
};

/** The q-th percentile of values by linear interpolation between order statistics (written out for the test). */
function byHand(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  return sorted[lo] + (sorted[Math.ceil(pos)] - sorted[lo]) * (pos - lo);
}

describe('combined metric intervals', { timeout: 120_000 }, () => {
  const households = syntheticHouseholds(1500, regions, 43, 0.5);
  const n = 21;
  const result = runProjectionReplications({ households, regions, scenario, seed: 9, from: 0, to: n });
  const summary = summariseProjectionReplications(result, regions, scenario, ['national', 'province']);
  const stride = result.cellCount * METRIC_COUNT;

  /** Replication r's sum of `ids` in year t over the cells `inCell` selects. */
  const sumOf = (r: number, t: number, ids: (keyof typeof M)[], inCell: (cell: number) => boolean) => {
    let total = 0;
    for (let c = 0; c < result.cellCount; c++) {
      if (!inCell(c)) continue;
      for (const id of ids) total += result.cells[(r * result.yearCount + t) * stride + c * METRIC_COUNT + M[id]];
    }
    return total;
  };
  const all = () => true;
  const reps = Array.from({ length: n }, (_, r) => r);

  it("are the percentiles of each replication's dibao + tekun sum, nationally and in a province", () => {
    for (let t = 0; t < result.yearCount; t++) {
      const sums = reps.map((r) => sumOf(r, t, ['persons.dibao', 'persons.tekun'], all));
      const national = summary.national[t].metrics['persons.cash'];
      expect(national?.p5).toBeCloseTo(byHand(sums, 0.05), 4);
      expect(national?.p50).toBeCloseTo(byHand(sums, 0.5), 4);
      expect(national?.p95).toBeCloseTo(byHand(sums, 0.95), 4);
      const table = summary.tables.national?.[t];
      const row = table?.p5.area.indexOf(AREA_ALL) ?? -1;
      expect(table?.p5.values['persons.cash'][row]).toBeCloseTo(byHand(sums, 0.05), 4);
      expect(table?.p95.values['persons.cash'][row]).toBeCloseTo(byHand(sums, 0.95), 4);

      // The second province, rural cells only (cell = region × 2 + area).
      const province = summary.tables.province?.[t];
      const code = regions.provinceCodes[1];
      const prow = province?.p95.code.findIndex((c, k) => c === code && province.p95.area[k] === 1) ?? -1;
      const ruralSums = reps.map((r) =>
        sumOf(r, t, ['persons.dibao', 'persons.tekun'], (c) => regions.province[c >> 1] === 1 && c % 2 === 1),
      );
      expect(prow).toBeGreaterThanOrEqual(0);
      expect(province?.p95.values['persons.cash'][prow]).toBeCloseTo(byHand(ruralSums, 0.95), 4);
      expect(province?.p5.values['persons.cash'][prow]).toBeCloseTo(byHand(ruralSums, 0.05), 4);
    }
  });

  it('differ from the sum of the parts’ percentiles', () => {
    let differs = 0;
    for (let t = 0; t < result.yearCount; t++) {
      const m = summary.national[t].metrics;
      const dibao = reps.map((r) => sumOf(r, t, ['persons.dibao'], all));
      const tekun = reps.map((r) => sumOf(r, t, ['persons.tekun'], all));
      expect(m['persons.dibao']?.p5).toBeCloseTo(byHand(dibao, 0.05), 4);
      expect(m['persons.tekun']?.p95).toBeCloseTo(byHand(tekun, 0.95), 4);
      for (const q of ['p5', 'p95'] as const) {
        const partsSum = (m['persons.dibao']?.[q] ?? NaN) + (m['persons.tekun']?.[q] ?? NaN);
        if (Math.abs((m['persons.cash']?.[q] ?? NaN) - partsSum) > 1) differs += 1;
      }
    }
    expect(differs).toBeGreaterThan(0);
  });
});
