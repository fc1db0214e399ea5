// Monte Carlo over a whole projection: the same bits however replications are split, its start year equals the
// one-year replications, drawn growth compounds as the arithmetic says, intervals contain the expected-value path and
// widen where a province has few sample households; thin cells are found by the documented rule.
import { describe, expect, it } from 'vitest';
import { M, METRIC_COUNT } from '../kernel/metrics.ts';
import { incomeShockDraw } from '../kernel/dynamics.ts';
import { aggregate } from '../outputs/aggregate.ts';
import { AREA_ALL } from '../outputs/types.ts';
import { project } from '../projection/project.ts';
import {
  THIN_CELL_MIN_EFFECTIVE_SAMPLE,
  cellSampleSizes,
  thinCellWarning,
  thinRows,
} from '../projection/thin-cells.ts';
import { resolveScenario } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { syntheticHouseholds, syntheticRegions } from '../testing/synthetic.ts';
import {
  mergeProjectionReplications,
  runProjectionReplications,
  summariseProjectionReplications,
} from './projection-replications.ts';
import { runReplications } from './replications.ts';
import { drawShifts, mcSources } from './uncertainty.ts';

const regions = syntheticRegions(2, 4);
const scenario: Scenario = {
  schemaVersion: 1,
  name: 'x',
  projection: { startYear: 2024, years: 3, standardPath: 'fixed' },
};

describe('projection replications', { timeout: 120_000 }, () => {
  const households = syntheticHouseholds(2000, regions, 41, 0.5);

  it('are bit-identical however they are split, and year 0 is the one-year replication', () => {
    const whole = runProjectionReplications({ households, regions, scenario, seed: 5, from: 0, to: 6 });
    const merged = mergeProjectionReplications([
      runProjectionReplications({ households, regions, scenario, seed: 5, from: 4, to: 6 }),
      runProjectionReplications({ households, regions, scenario, seed: 5, from: 0, to: 4 }),
    ]);
    expect(merged.to).toBe(6);
    expect(Array.from(merged.cells)).toEqual(Array.from(whole.cells));
    expect(whole.yearCount).toBe(4);
    expect(whole.sources).toEqual(mcSources(true, true, true));

    // Year 0: the same bootstrap weights, parameter draws and events as a one-year replication of the start year.
    const single = runReplications({
      households,
      regions,
      params: resolveScenario(scenario, regions),
      seed: 5,
      from: 0,
      to: 6,
    });
    const stride = whole.cellCount * METRIC_COUNT;
    for (let r = 0; r < 6; r++) {
      let persons = 0;
      for (let c = 0; c < whole.cellCount; c++)
        persons += whole.cells[r * 4 * stride + c * METRIC_COUNT + M['persons.dibao']];
      expect(persons).toBeCloseTo(single.totals[r * METRIC_COUNT + M['persons.dibao']], 6);
    }
  });

  it('draw growth per replication and compound it: income factor (1 + g + shift)^t', () => {
    const shifts = drawShifts(5, 2, mcSources(false, true, true).parameters);
    const growth = shifts.find((s) => s.id === 'projection.incomeGrowth');
    expect(growth).toBeDefined();
    const g = 0.05 + (growth?.shift ?? 0);
    expect(g).toBeGreaterThanOrEqual(0.03);
    expect(g).toBeLessThanOrEqual(0.07);
    const p = resolveScenario(scenario, regions, { yearIndex: 3, shifts });
    expect(p.incomeFactor[0]).toBeCloseTo((1 + g) ** 3, 12);
    expect(resolveScenario(scenario, regions, { yearIndex: 3 }).incomeFactor[0]).toBeCloseTo(1.05 ** 3, 12);
    // Each replication has its own income-shock path; expected value keeps the shared one.
    expect(incomeShockDraw(17, 2, { seed: 5, replication: 1 })).not.toBe(
      incomeShockDraw(17, 2, { seed: 5, replication: 2 }),
    );
    expect(incomeShockDraw(17, 2)).toBe(incomeShockDraw(17, 2));
  });

  it('give intervals that contain the expected-value path and widen over the years as growth draws compound', () => {
    const result = runProjectionReplications({ households, regions, scenario, seed: 11, from: 0, to: 40 });
    const summary = summariseProjectionReplications(result, regions, scenario, ['province']);
    const ev = project(households, regions, scenario);
    expect(summary.years).toEqual([2024, 2025, 2026, 2027]);
    summary.national.forEach((year, t) => {
      const evTable = aggregate(ev.years[t], regions, 'national');
      for (const id of ['persons.dibao', 'cost.total'] as const) {
        const m = year.metrics[id]!;
        const path = evTable.values[id][evTable.area.indexOf(AREA_ALL)];
        expect(m.p5).toBeLessThanOrEqual(path);
        expect(m.p95).toBeGreaterThanOrEqual(path);
      }
    });
    const width = (t: number) => {
      const m = summary.national[t].metrics['cost.total']!;
      return (m.p95 - m.p5) / m.mean;
    };
    expect(width(3)).toBeGreaterThan(width(0));
    expect(summary.tables.province).toHaveLength(4);
  });

  it('widen where a province has few sample households', () => {
    // Province 0: 2,000 sample households; province 1: 100 carrying the same population (weights × 20).
    const thick = syntheticHouseholds(2000, regions, 21, 0.5);
    const thin = syntheticHouseholds(100, regions, 22, 0.5);
    const h = syntheticHouseholds(2100, regions, 21, 0.5);
    for (const key of Object.keys(h) as (keyof typeof h)[]) {
      if (key === 'count') continue;
      const target = h[key] as { set(a: ArrayLike<number>, o: number): void };
      target.set(thick[key] as ArrayLike<number>, 0);
      target.set(thin[key] as ArrayLike<number>, 2000);
    }
    for (let i = 0; i < 2100; i++) h.region[i] = i < 2000 ? 0 : 1;
    for (let i = 2000; i < 2100; i++) h.weight[i] *= 20;
    const result = runProjectionReplications({ households: h, regions, scenario, seed: 4, from: 0, to: 40 });
    const t = summariseProjectionReplications(result, regions, scenario, ['province']).tables.province![3];
    const width = (p: number) => {
      const row = t.mean.code.findIndex((code, k) => code === regions.code[p] && t.mean.area[k] === AREA_ALL);
      return (
        (t.p95.values['persons.dibao'][row] - t.p5.values['persons.dibao'][row]) / t.mean.values['persons.dibao'][row]
      );
    };
    // Twenty times fewer sample households: about √20 ≈ 4.5 times wider; at least twice.
    expect(width(1)).toBeGreaterThan(2 * width(0));

    // The rule flags the thin province and not the thick one.
    const sizes = cellSampleSizes(h, regions);
    const table = aggregate(project(h, regions, scenario).years[0], regions, 'province');
    const flags = thinRows(table, regions, sizes);
    const flagged = (p: number) =>
      flags[table.code.findIndex((c, k) => c === regions.code[p] && table.area[k] === AREA_ALL)];
    expect(flagged(1)).toBe(1);
    expect(sizes.effective[2] + sizes.effective[3]).toBeLessThan(THIN_CELL_MIN_EFFECTIVE_SAMPLE);
  });
});

describe('thin cells', () => {
  it('use the Kish effective sample of recipients: two of weight 1 and one of weight 2 (persons) give 16/6', () => {
    const h = syntheticHouseholds(4, regions, 3, 0.5);
    for (let i = 0; i < 4; i++) {
      h.region[i] = 0;
      h.area[i] = 0;
      h.size[i] = 1;
      h.programme[i] = i < 3 ? (i === 2 ? 2 : 1) : 0;
    }
    h.weight.set([1, 1, 2, 50]);
    const sizes = cellSampleSizes(h, regions);
    // (1 + 1 + 2)² / (1 + 1 + 4) = 16 / 6; the non-recipient (weight 50) does not count.
    expect(sizes.effective[0]).toBeCloseTo(16 / 6, 12);
    expect(sizes.recipients[0]).toBe(3);
    expect(sizes.effective[1]).toBe(0);
  });

  it('name the thin cells in both languages with the rule', () => {
    expect(thinCellWarning([])).toBeUndefined();
    const w = thinCellWarning([{ zh: '甘肃 · 农村', en: 'Gansu · rural' }]);
    expect(w?.zh).toContain('甘肃 · 农村');
    expect(w?.zh).toContain(String(THIN_CELL_MIN_EFFECTIVE_SAMPLE));
    expect(w?.en).toContain('Gansu · rural');
    expect(w?.en).toContain(`below ${THIN_CELL_MIN_EFFECTIVE_SAMPLE}`);
  });
});
