// The run path and its disclosure control, tried by an attacker: on a small dataset with prefectures, every
// suppressed cell of the published scenario, baseline and delta tables is attacked through every additive relation
// the outputs contain (urban + rural = all, prefectures → province → nation, baseline + delta = scenario), by
// substitution and by the rank of the linear system. One-by-one suppression leaks; compareRun's must not.
import { describe, expect, it } from 'vitest';
import { aggregate } from '../outputs/aggregate.ts';
import { diffTables } from '../outputs/diff.ts';
import type { RegionLevel, SummaryTable } from '../outputs/types.ts';
import { project } from '../projection/project.ts';
import type { Scenario } from '../scenario/types.ts';
import { syntheticHouseholds, syntheticPrefectures } from '../testing/synthetic.ts';
import { compareRun, type Comparison, type LevelTables } from './compare-run.ts';
import { LocalKernel } from './local-kernel.ts';
import { regionLevels } from './levels.ts';
import { runOptions } from './options.ts';
import { applyPatternMc, replicationSamples, suppressionPattern } from './disclosure.ts';
import { replicationTables, runReplications } from '../montecarlo/replications.ts';
import { BASELINE_SCENARIO } from '../scenario/types.ts';
import { baselineFor, resolveScenario } from '../scenario/resolve.ts';
import {
  ATTACK_AREAS,
  attackRelations,
  cellKey,
  rankAttack,
  substitutionAttack,
  type PublishedCell,
} from '../testing/disclosure-attack.ts';

const regions = syntheticPrefectures(3, 3);
const MIN_CELL = 20;

/** ~1,800 households over 9 prefectures, skewed so that 1101 is tiny and 1202 has few rural households. */
function skewedHouseholds() {
  const h = syntheticHouseholds(1800, regions, 21, 0.3);
  for (let i = 0; i < h.count; i++) {
    if (h.region[i] === 0 && i % 12 !== 0) h.region[i] = 1;
    if (h.region[i] === 4 && h.area[i] === 1 && i % 5 !== 0) h.area[i] = 0;
  }
  return h;
}
const households = skewedHouseholds();
const scenario: Scenario = { schemaVersion: 1, name: 'raise 15%', params: { standard: { scalePct: 15 } } };

type Kind = 'scenario' | 'baseline' | 'delta';
const LINKS = [['scenario', 'baseline', 'delta']] as const;

/** Every cell of one metric in the published tables of one year. */
function publishedCells(
  tables: Record<Kind, LevelTables>,
  metric: 'cost.total' | 'persons.dibao',
): Map<string, PublishedCell> {
  const cells = new Map<string, PublishedCell>();
  for (const kind of ['scenario', 'baseline', 'delta'] as const) {
    for (const level of ['national', 'province', 'region'] as const) {
      const t = tables[kind][level];
      if (t === undefined) continue;
      for (let r = 0; r < t.rows; r++) {
        const key = cellKey(kind, level, t.code[r], t.area[r]);
        cells.set(key, { key, value: t.values[metric][r], suppressed: t.suppressed[r] === 1 });
      }
    }
  }
  return cells;
}

/** The true value of a cell, from the unsuppressed aggregates. */
function truth(comparison: Comparison, t: number, key: string, metric: 'cost.total' | 'persons.dibao'): number {
  const [kind, level, code, area] = key.split('|');
  const of = (years: typeof comparison.scenarioYears) => {
    const table = aggregate(years[t], regions, level as RegionLevel);
    for (let r = 0; r < table.rows; r++) {
      if (table.code[r] === code && ATTACK_AREAS[table.area[r]] === area) return table.values[metric][r];
    }
    throw new Error(key);
  };
  if (kind === 'scenario') return of(comparison.scenarioYears);
  if (kind === 'baseline') return of(comparison.baselineYears);
  return of(comparison.scenarioYears) - of(comparison.baselineYears);
}

/** Tables suppressed one by one (sample < minCell), as every host did before complementary suppression. */
function oneByOne(table: SummaryTable): SummaryTable {
  const suppressed = new Uint8Array(table.rows);
  if (table.level !== 'national')
    for (let r = 0; r < table.rows; r++) suppressed[r] = table.sampleCount[r] < 20 ? 1 : 0;
  const values = { ...table.values };
  for (const id of Object.keys(values) as (keyof typeof values)[]) {
    values[id] = values[id].map((v, r) => (suppressed[r] ? NaN : v));
  }
  return { ...table, suppressed, values };
}

/** A year's tables at every level suppressed one by one, from the unsuppressed aggregates. */
function oneByOneTables(year: Comparison['scenarioYears'][number]): LevelTables {
  return {
    national: oneByOne(aggregate(year, regions, 'national')),
    province: oneByOne(aggregate(year, regions, 'province')),
    region: oneByOne(aggregate(year, regions, 'region')),
    deciles: year.deciles,
  };
}

describe('compareRun', () => {
  it('runs baseline and scenario on a kernel like project() does, at every level of the dataset', async () => {
    const kernel = new LocalKernel(households, regions);
    const run = await compareRun(kernel, scenario, { minCell: MIN_CELL, years: 1 });
    expect(run.levels).toEqual(regionLevels(regions));
    expect(run.levels).toEqual(['national', 'province', 'region']);
    expect(run.years).toHaveLength(2);
    const reference = project(households, regions, scenario, { years: 1, mode: 'ev' });
    expect(run.scenarioYears.map((y) => y.cells)).toEqual(reference.years.map((y) => y.cells));
    const base = project(households, regions, BASELINE_SCENARIO, { years: 1 });
    expect(run.baselineYears.map((y) => y.cells)).toEqual(base.years.map((y) => y.cells));
    const y0 = run.years[0];
    expect(y0.delta.national.values['cost.total'][2]).toBeCloseTo(
      y0.scenario.national.values['cost.total'][2] - y0.baseline.national.values['cost.total'][2],
      6,
    );
    expect(y0.scenario.national.values['cost.total'][2]).toBeGreaterThan(y0.baseline.national.values['cost.total'][2]);
    // The same cells are suppressed in the scenario, the baseline, the delta and every year.
    for (const y of run.years) {
      for (const level of ['province', 'region'] as const) {
        expect(y.baseline[level]?.suppressed).toEqual(y.scenario[level]?.suppressed);
        expect(y.delta[level]?.suppressed).toEqual(y.scenario[level]?.suppressed);
        expect(y.scenario[level]?.suppressed).toEqual(run.years[0].scenario[level]?.suppressed);
      }
    }
  });

  it('runs only the scenario when it is the baseline, and one year from the dataset with yearIndex', async () => {
    const kernel = new LocalKernel(households, regions);
    const alone = await compareRun(kernel, BASELINE_SCENARIO, { minCell: MIN_CELL });
    expect(alone.scenarioYears).toBe(alone.baselineYears);
    expect(alone.years[0].delta.national.values['cost.total'][2]).toBe(0);
    const one = await compareRun(kernel, scenario, { minCell: MIN_CELL, yearIndex: 2 });
    expect(one.years).toHaveLength(1);
    expect(one.years[0].year).toBe(project(households, regions, scenario, { years: 2 }).years[2].year);
  });

  it('compares with the baseline measured like the scenario (its poverty line, baselineFor)', async () => {
    const measured: Scenario = {
      schemaVersion: 1,
      name: 'national line',
      params: { poverty: { useNationalLine: true }, standard: { scalePct: 10 } },
    };
    const run = await compareRun(new LocalKernel(households, regions), measured, { minCell: MIN_CELL });
    const expected = project(households, regions, baselineFor(measured), { years: 0 }).years[0];
    expect(run.baselineYears[0].cells).toEqual(expected.cells);
    expect(run.baselineYears[0].cells).not.toEqual(project(households, regions, BASELINE_SCENARIO).years[0].cells);
  });

  it('resolves options once: caller, then the scenario, then the defaults', () => {
    expect(runOptions(scenario)).toEqual({ mode: 'ev', seed: 0, replications: 100, years: 0, minCell: 10 });
    const mc: Scenario = {
      ...scenario,
      monteCarlo: { mode: 'mc', seed: 9, replications: 50 },
      projection: { startYear: 2024, years: 3, standardPath: 'fixed' },
      params: { output: { minCell: 30 } },
    };
    expect(runOptions(mc)).toEqual({ mode: 'mc', seed: 9, replications: 50, years: 3, minCell: 30 });
    expect(runOptions(mc, { seed: 1, minCell: 5, years: 0 })).toMatchObject({ seed: 1, minCell: 5, years: 0 });
  });
});

describe('disclosure control under attack', () => {
  it('one-by-one suppression leaks: a rural cell is all − urban, a prefecture is province − siblings', async () => {
    const run = await compareRun(new LocalKernel(households, regions), scenario, { minCell: MIN_CELL });
    const scenarioTables = oneByOneTables(run.scenarioYears[0]);
    const baselineTables = oneByOneTables(run.baselineYears[0]);
    const diff = (level: 'national' | 'province' | 'region') =>
      diffTables(scenarioTables[level] as SummaryTable, baselineTables[level] as SummaryTable);
    const leaky = {
      scenario: scenarioTables,
      baseline: baselineTables,
      delta: {
        national: diff('national'),
        province: diff('province'),
        region: diff('region'),
        deciles: new Float64Array(0),
      },
    };
    const cells = publishedCells(leaky, 'cost.total');
    expect([...cells.values()].some((c) => c.suppressed)).toBe(true);
    const relations = attackRelations(cells, LINKS);
    const recovered = substitutionAttack(cells, relations);
    // 1202 has few rural households: its rural cell is published nowhere but equals all − urban.
    const rural = 'scenario|region|1202|rural';
    expect(cells.get(rural)?.suppressed).toBe(true);
    expect(recovered.get(rural)).toBeCloseTo(truth(run, 0, rural, 'cost.total'), 4);
    // 1101 is tiny: its urban cell equals province 11's urban cell minus 1102's and 1103's.
    const small = 'scenario|region|1101|urban';
    expect(cells.get(small)?.suppressed).toBe(true);
    expect(recovered.get(small)).toBeCloseTo(truth(run, 0, small, 'cost.total'), 4);
    expect(rankAttack(cells, relations).length).toBeGreaterThanOrEqual(recovered.size);
  });

  it('compareRun publishes no suppressed cell that any relation recovers, in any year or table', async () => {
    const run = await compareRun(new LocalKernel(households, regions), scenario, { minCell: MIN_CELL, years: 1 });
    for (const y of run.years) {
      for (const metric of ['cost.total', 'persons.dibao'] as const) {
        const cells = publishedCells(y, metric);
        const relations = attackRelations(cells, LINKS);
        expect(substitutionAttack(cells, relations).size).toBe(0);
        expect(rankAttack(cells, relations)).toEqual([]);
      }
    }
    expect(run.pattern.primary).toBeGreaterThan(0);
    expect(run.pattern.secondary).toBeGreaterThan(0);
    expect(run.pattern.unprotectable).toBe(0);
    // Primary cells stay suppressed and published cells keep their values.
    const region = run.years[0].scenario.region;
    if (region === undefined) throw new Error('no region table');
    for (let r = 0; r < region.rows; r++) {
      if (region.sampleCount[r] < MIN_CELL) expect(region.suppressed[r]).toBe(1);
      if (!region.suppressed[r]) expect(Number.isNaN(region.values['cost.total'][r])).toBe(false);
      else expect(Number.isNaN(region.values['cost.total'][r])).toBe(true);
    }
  });

  it('hides the same cells in the Monte Carlo tables, whose means add up like the sums', async () => {
    const run = await compareRun(new LocalKernel(households, regions), scenario, { minCell: MIN_CELL });
    const params = resolveScenario(scenario, regions);
    const result = runReplications({ households, regions, params, seed: 3, from: 0, to: 4 });
    // The same sample gives the same (memoised) pattern.
    expect(suppressionPattern(regions, replicationSamples(result), MIN_CELL)).toBe(run.pattern);
    const cells = new Map<string, PublishedCell>();
    const add = (t: SummaryTable) => {
      for (let r = 0; r < t.rows; r++) {
        const key = cellKey('mc', t.level, t.code[r], t.area[r]);
        cells.set(key, { key, value: t.values['cost.total'][r], suppressed: t.suppressed[r] === 1 });
      }
    };
    add(replicationTables(result, regions, 'national').mean);
    add(applyPatternMc(replicationTables(result, regions, 'province'), run.pattern).mean);
    add(applyPatternMc(replicationTables(result, regions, 'region'), run.pattern).mean);
    expect([...cells.values()].filter((c) => c.suppressed).length).toBe(run.pattern.primary + run.pattern.secondary);
    const relations = attackRelations(cells);
    expect(substitutionAttack(cells, relations).size).toBe(0);
    expect(rankAttack(cells, relations)).toEqual([]);
  });
});
