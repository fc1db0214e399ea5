// The CLI's projection Monte Carlo output lists the dibao + tekun interval (percentiles of each replication's sum)
// in the terminal table and as `persons_cash` rows of the written monte_carlo_projection table.
import { describe, expect, it } from 'vitest';
import { runProjectionReplications, summariseProjectionReplications } from '../../sim/index.ts';
import type { Scenario } from '../../sim/index.ts';
import { syntheticHouseholds, syntheticRegions } from '../../sim/testing/index.ts';
import { projectionMcToColumns } from '../engine/tables.ts';
import { projectionMcText } from './projection-mc.ts';
import { formatNumber } from './text-table.ts';

describe('projection Monte Carlo output', () => {
  const regions = syntheticRegions(2, 4);
  const households = syntheticHouseholds(800, regions, 7, 0.5);
  const scenario: Scenario = {
    schemaVersion: 1,
    name: 'x',
    projection: { startYear: 2024, years: 1, standardPath: 'fixed' },
  };
  const result = runProjectionReplications({ households, regions, scenario, seed: 3, from: 0, to: 6 });
  const summary = summariseProjectionReplications(result, regions, scenario, ['national', 'province']);

  it('prints the cash persons interval beside dibao persons and cost', () => {
    const text = projectionMcText(regions, {}, summary);
    expect(text).toContain('低保+特困 dibao + tekun (万)');
    const cash = summary.national[1].metrics['persons.cash'];
    expect(cash).toBeDefined();
    const three = [cash?.p5, cash?.p50, cash?.p95].map((v) => formatNumber((v ?? NaN) / 1e4, 2)).join(' · ');
    expect(text.split('\n').find((line) => line.startsWith('2025'))).toContain(three);
  });

  it('writes persons_cash rows in the national table, from the summary', () => {
    const table = projectionMcToColumns('monte_carlo_projection', summary);
    const metric = table.columns.metric as string[];
    const rows = metric.flatMap((m, i) => (m === 'persons_cash' ? [i] : []));
    expect(rows).toHaveLength(2);
    const p95 = table.columns.p95 as number[];
    expect(p95[rows[1]]).toBe(summary.national[1].metrics['persons.cash']?.p95);
  });
});
