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
import { BASELINE_SCENARIO } from '../scenario/types.ts';

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

// ---- The attacker: knows the published cells and the relations between them, nothing else. ----

type Kind = 'scenario' | 'baseline' | 'delta';
interface Cell {
  key: string;
  value: number;
  suppressed: boolean;
}

/** Every cell of one metric in the published tables of one year, keyed `kind|level|code|area`. */
function publishedCells(tables: Record<Kind, LevelTables>, metric: 'cost.total' | 'persons.dibao'): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const kind of ['scenario', 'baseline', 'delta'] as const) {
    for (const level of ['national', 'province', 'region'] as const) {
      const t = tables[kind][level];
      if (t === undefined) continue;
      for (let r = 0; r < t.rows; r++) {
        const key = `${kind}|${level}|${t.code[r]}|${t.area[r]}`;
        cells.set(key, { key, value: t.values[metric][r], suppressed: t.suppressed[r] === 1 });
      }
    }
  }
  return cells;
}

/** Relations read off the published codes: [total, ...parts] with total = sum of parts. */
function relationsOf(cells: Map<string, Cell>): string[][] {
  const relations: string[][] = [];
  const codes = (kind: Kind, level: RegionLevel) => [
    ...new Set([...cells.keys()].filter((k) => k.startsWith(`${kind}|${level}|`)).map((k) => k.split('|')[2])),
  ];
  for (const kind of ['scenario', 'baseline', 'delta'] as const) {
    for (const level of ['national', 'province', 'region'] as const) {
      for (const code of codes(kind, level)) {
        relations.push([2, 0, 1].map((a) => `${kind}|${level}|${code}|${a}`));
      }
    }
    for (let a = 0; a < 3; a++) {
      relations.push([`${kind}|national|00|${a}`, ...codes(kind, 'province').map((c) => `${kind}|province|${c}|${a}`)]);
      for (const p of codes(kind, 'province')) {
        const children = codes(kind, 'region').filter((c) => c.startsWith(p));
        if (children.length > 0) {
          relations.push([`${kind}|province|${p}|${a}`, ...children.map((c) => `${kind}|region|${c}|${a}`)]);
        }
      }
    }
  }
  // baseline + delta = scenario, cell by cell.
  for (const key of cells.keys()) {
    if (!key.startsWith('scenario|')) continue;
    const rest = key.slice('scenario|'.length);
    relations.push([key, `baseline|${rest}`, `delta|${rest}`]);
  }
  return relations.filter((rel) => rel.every((k) => cells.has(k)));
}

/** Substitution to a fixed point: a relation with one unknown gives it away. Returns recovered cells with values. */
function substitutionAttack(cells: Map<string, Cell>, relations: string[][]): Map<string, number> {
  const known = new Map<string, number>();
  for (const c of cells.values()) if (!c.suppressed) known.set(c.key, c.value);
  const recovered = new Map<string, number>();
  for (let changed = true; changed;) {
    changed = false;
    for (const [total, ...parts] of relations) {
      const missing = [total, ...parts].filter((k) => !known.has(k));
      if (missing.length !== 1) continue;
      const [m] = missing;
      const sumParts = parts.reduce((s, k) => s + (k === m ? 0 : (known.get(k) ?? 0)), 0);
      const value = m === total ? sumParts : (known.get(total) ?? 0) - sumParts;
      known.set(m, value);
      recovered.set(m, value);
      changed = true;
    }
  }
  return recovered;
}

/** Rank of a dense matrix (Gaussian elimination with partial pivoting). */
function rank(rows: number[][]): number {
  const a = rows.map((r) => r.slice());
  const n = a[0]?.length ?? 0;
  let rk = 0;
  for (let col = 0; col < n && rk < a.length; col++) {
    let best = rk;
    for (let i = rk + 1; i < a.length; i++) if (Math.abs(a[i][col]) > Math.abs(a[best][col])) best = i;
    if (Math.abs(a[best][col]) < 1e-9) continue;
    [a[rk], a[best]] = [a[best], a[rk]];
    for (let i = rk + 1; i < a.length; i++) {
      const f = a[i][col] / a[rk][col];
      for (let k = col; k < n; k++) a[i][k] -= f * a[rk][k];
    }
    rk++;
  }
  return rk;
}

/**
 * The suppressed cells the published ones determine: cell j is determined iff its column of the relations over the
 * unknown cells is not a combination of the other columns (no solution of the system can move it), i.e. iff
 * deleting the column lowers the rank.
 */
function rankAttack(cells: Map<string, Cell>, relations: string[][]): string[] {
  const unknown = [...cells.values()].filter((c) => c.suppressed).map((c) => c.key);
  const index = new Map(unknown.map((k, j) => [k, j]));
  const rows = relations
    .filter((rel) => rel.some((k) => index.has(k)))
    .map((rel) => {
      const row = new Array<number>(unknown.length).fill(0);
      rel.forEach((k, i) => {
        const j = index.get(k);
        if (j !== undefined) row[j] += i === 0 ? -1 : 1;
      });
      return row;
    });
  if (rows.length === 0) return [];
  const full = rank(rows);
  return unknown.filter((_, j) => rank(rows.map((r) => r.filter((_, k) => k !== j))) < full);
}

/** The true value of a cell, from the unsuppressed aggregates. */
function truth(comparison: Comparison, t: number, key: string, metric: 'cost.total' | 'persons.dibao'): number {
  const [kind, level, code, area] = key.split('|');
  const of = (years: typeof comparison.scenarioYears) => {
    const table = aggregate(years[t], regions, level as RegionLevel);
    for (let r = 0; r < table.rows; r++) {
      if (table.code[r] === code && table.area[r] === Number(area)) return table.values[metric][r];
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
    const relations = relationsOf(cells);
    const recovered = substitutionAttack(cells, relations);
    // 1202 has few rural households: its rural cell is published nowhere but equals all − urban.
    const rural = 'scenario|region|1202|1';
    expect(cells.get(rural)?.suppressed).toBe(true);
    expect(recovered.get(rural)).toBeCloseTo(truth(run, 0, rural, 'cost.total'), 4);
    // 1101 is tiny: its urban cell equals province 11's urban cell minus 1102's and 1103's.
    const small = 'scenario|region|1101|0';
    expect(cells.get(small)?.suppressed).toBe(true);
    expect(recovered.get(small)).toBeCloseTo(truth(run, 0, small, 'cost.total'), 4);
    expect(rankAttack(cells, relations).length).toBeGreaterThanOrEqual(recovered.size);
  });

  it('compareRun publishes no suppressed cell that any relation recovers, in any year or table', async () => {
    const run = await compareRun(new LocalKernel(households, regions), scenario, { minCell: MIN_CELL, years: 1 });
    for (const y of run.years) {
      for (const metric of ['cost.total', 'persons.dibao'] as const) {
        const cells = publishedCells(y, metric);
        const relations = relationsOf(cells);
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
});
