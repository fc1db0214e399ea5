// Monte Carlo replications: splitting across workers and merging gives identical totals; percentile summaries.
import { describe, expect, it } from 'vitest';
import { M, METRIC_COUNT } from '../kernel/metrics.ts';
import { resolveScenario } from '../scenario/resolve.ts';
import { syntheticHouseholds, syntheticRegions } from '../testing/synthetic.ts';
import { AREA_ALL } from '../outputs/types.ts';
import { aggregate } from '../outputs/aggregate.ts';
import { simulateYear } from '../kernel/simulate-year.ts';
import { mergeReplications, replicationTables, runReplications, summariseReplications } from './replications.ts';

const regions = syntheticRegions(3, 2);
const households = syntheticHouseholds(3000, regions, 31, 0.5);
const params = resolveScenario({ schemaVersion: 1, name: 'x' }, regions);

describe('replications', { timeout: 60_000 }, () => {
  it('are bit-identical however they are split across workers', () => {
    const whole = runReplications({ households, regions, params, seed: 9, from: 0, to: 12 });
    const parts = [
      runReplications({ households, regions, params, seed: 9, from: 5, to: 12 }),
      runReplications({ households, regions, params, seed: 9, from: 0, to: 5 }),
    ];
    const merged = mergeReplications(parts);
    expect(merged.from).toBe(0);
    expect(merged.to).toBe(12);
    expect(Array.from(merged.totals)).toEqual(Array.from(whole.totals));
    expect(Array.from(merged.cells)).toEqual(Array.from(whole.cells));
  });

  it('summarise to ordered percentiles around the mean', () => {
    const r = runReplications({ households, regions, params, seed: 3, from: 0, to: 40 });
    const s = summariseReplications(r);
    expect(s.replications).toBe(40);
    const cost = s.metrics['cost.total']!;
    expect(cost.p5).toBeLessThanOrEqual(cost.p50);
    expect(cost.p50).toBeLessThanOrEqual(cost.p95);
    expect(cost.p5).toBeLessThan(cost.p95);
    let min = Infinity;
    let max = -Infinity;
    for (let k = 0; k < 40; k++) {
      const v = r.totals[k * METRIC_COUNT + M['cost.total']];
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect(cost.mean).toBeGreaterThanOrEqual(min);
    expect(cost.mean).toBeLessThanOrEqual(max);
    expect(s.metrics['sample']!.p5).toBe(3000);
  });

  it('give percentile tables by province and area that add up to the national ones', () => {
    const r = runReplications({ households, regions, params, seed: 5, from: 0, to: 30 });
    const national = replicationTables(r, regions, 'national');
    const summary = summariseReplications(r);
    expect(national.replications).toBe(30);
    const both = national.mean.area.indexOf(AREA_ALL);
    expect(national.mean.values['cost.total'][both]).toBeCloseTo(summary.metrics['cost.total']!.mean, 6);
    expect(national.p95.values['persons.dibao'][both]).toBeCloseTo(summary.metrics['persons.dibao']!.p95, 6);

    const province = replicationTables(r, regions, 'province');
    // Rows and sample counts are those of the ordinary table of the same level.
    const plain = aggregate(simulateYear(households, regions, params, { mode: 'mc', seed: 5 }), regions, 'province');
    expect(province.mean.code).toEqual(plain.code);
    expect(Array.from(province.p50.sampleCount)).toEqual(Array.from(plain.sampleCount));
    let meanCost = 0;
    for (let row = 0; row < province.mean.rows; row++) {
      for (const id of ['cost.total', 'persons.dibao', 'coverage.cash'] as const) {
        expect(province.p5.values[id][row]).toBeLessThanOrEqual(province.p50.values[id][row]);
        expect(province.p50.values[id][row]).toBeLessThanOrEqual(province.p95.values[id][row]);
      }
      if (province.mean.area[row] === AREA_ALL) meanCost += province.mean.values['cost.total'][row];
    }
    // Means are additive across provinces; percentiles are not, so only the mean is compared.
    expect(meanCost).toBeCloseTo(summary.metrics['cost.total']!.mean, 4);
    // Uncertainty is real at province level: the interval of dibao persons is not a single point everywhere.
    const widths = province.mean.code.map(
      (_, row) => province.p95.values['persons.dibao'][row] - province.p5.values['persons.dibao'][row],
    );
    expect(Math.max(...widths)).toBeGreaterThan(0);
  });
});
