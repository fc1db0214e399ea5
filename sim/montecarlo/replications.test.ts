// Monte Carlo replications: splitting across workers and merging gives identical totals; percentile summaries.
import { describe, expect, it } from 'vitest';
import { M, METRIC_COUNT } from '../kernel/metrics.ts';
import { resolveScenario } from '../scenario/resolve.ts';
import { syntheticHouseholds, syntheticRegions } from '../testing/synthetic.ts';
import { mergeReplications, runReplications, summariseReplications } from './replications.ts';

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
});
