// Runs every golden case in sim/golden/*.json (format checked by golden-case.ts): a household over the file's named
// base + scenario patch in a period → expected amounts, hand-computed from POLICY.md (each case carries its arithmetic
// and reference). Every component not listed is expected to be 0.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMPONENT_IDS } from '../kernel/metrics.ts';
import type { SumMetricId } from '../kernel/metrics.ts';
import { simulateYear } from '../kernel/simulate-year.ts';
import { AREA_ALL } from '../outputs/types.ts';
import { aggregate } from '../outputs/aggregate.ts';
import { parseScenario } from '../scenario/parse.ts';
import { resolveScenario } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { recordToArrays } from '../trace/record.ts';
import { traceHousehold } from '../trace/trace-household.ts';
import type { HouseholdRecord } from '../trace/types.ts';
import { testRecord } from '../testing/records.ts';
import { parseGoldenFile } from './golden-case.ts';
import type { GoldenCase } from './golden-case.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f, golden: parseGoldenFile(`sim/golden/${f}`, JSON.parse(readFileSync(dir + f, 'utf8'))) }));
const cases = files.flatMap(({ golden }) => golden.cases.map((c) => ({ ...c, base: golden.base })));

/**
 * The case's scenario in its period, over a golden base that switches off background medical and other shocks (so
 * amounts stay exact).
 */
function scenarioOf(c: GoldenCase): Scenario {
  const patch = c.input.scenario ?? {};
  const params = (patch.params ?? {}) as Record<string, Record<string, unknown>>;
  const temporary = { medicalBaseProb: 0, medicalSlope: 0, otherProb: 0, ...(params.temporary ?? {}) };
  // The rules are checked on exact incomes: the assessed-income error model is off unless a case sets it.
  const takeup = { assessedBias: 0, assessedNoise: 0, ...(params.takeup ?? {}) };
  const projection = { startYear: c.period, years: 0, standardPath: 'fixed' };
  const parsed = parseScenario({
    schemaVersion: 1,
    name: c.id,
    projection,
    ...patch,
    params: { ...params, temporary, takeup },
  });
  if (!parsed.ok) throw new Error(`${c.id}: ${JSON.stringify(parsed.errors)}`);
  return parsed.scenario;
}

describe('golden case files', () => {
  it('name their base household and give each case a period and a reference', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const { name, golden } of files) expect(golden.base, name).toBe('urban-adult-43');
    for (const c of cases) expect(c.reference.length, c.id).toBeGreaterThan(0);
  });

  it('refuse unknown keys and misspelt fields with the file and the field path', () => {
    const good = { base: 'urban-adult-43', cases: [cases[0]].map(({ base: _base, ...c }) => c) };
    expect(parseGoldenFile('ok.json', good).cases).toHaveLength(1);
    const { output, ...rest } = good.cases[0];
    const renamed = { ...good, cases: [{ ...rest, expect: output }] };
    expect(() => parseGoldenFile('bad.json', renamed)).toThrow(/bad\.json: cases\.0: .*\(expect\)/);
    const misspelt = { ...good, cases: [{ ...good.cases[0], input: { household: { incomPc: 1 } } }] };
    expect(() => parseGoldenFile('bad.json', misspelt)).toThrow(/bad\.json: cases\.0\.input\.household/);
    expect(() => parseGoldenFile('bad.json', { ...good, base: 'nobody' })).toThrow(/bad\.json: base/);
    const unknownMetric = { ...good, cases: [{ ...good.cases[0], output: { ...output, metrics: { cost: 1 } } }] };
    expect(() => parseGoldenFile('bad.json', unknownMetric)).toThrow(/cases\.0\.output\.metrics/);
  });
});

describe('golden cases', () => {
  it('has at least 40 cases with unique ids and stated arithmetic', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) expect(c.arithmetic.length).toBeGreaterThan(10);
  });

  for (const c of cases) {
    it(c.id, () => {
      const rec = testRecord(c.input.household as Partial<HouseholdRecord>, c.base);
      const scenario = scenarioOf(c);
      const trace = traceHousehold(rec, scenario, scenario).reform;
      expect(trace.status).toBe(c.output.status);
      expect(trace.enrol).toBeCloseTo(c.output.enrol, 9);
      for (const id of COMPONENT_IDS) {
        expect(trace.components[id], `${c.id}: ${id}`).toBeCloseTo(c.output.components[id] ?? 0, 6);
      }
      const { households, regions } = recordToArrays(rec);
      const params = resolveScenario(scenario, regions);
      const opts = { decile: Uint8Array.of(0), monitoringRatio: -Infinity };
      const year = simulateYear(households, regions, params, opts);
      const slow = simulateYear(households, regions, params, { ...opts, fastPath: false });
      expect(Array.from(slow.cells)).toEqual(Array.from(year.cells));
      const cols = year.households;
      if (!cols) throw new Error('household columns missing');
      expect(cols.total[0]).toBeCloseTo(trace.total, 9);
      if (c.output.entrant !== undefined) expect(cols.entrant[0]).toBeCloseTo(c.output.entrant, 9);
      if (c.output.leaver !== undefined) expect(cols.leaver[0]).toBeCloseTo(c.output.leaver, 9);
      if (c.output.gradualExit !== undefined) expect(cols.gradualExit[0]).toBeCloseTo(c.output.gradualExit, 9);
      if (c.output.tempEvents !== undefined) expect(cols.tempEvents[0]).toBeCloseTo(c.output.tempEvents, 9);
      const table = aggregate(year, regions, 'national');
      for (const [metric, value] of Object.entries(c.output.metrics ?? {})) {
        expect(table.values[metric as SumMetricId][AREA_ALL], `${c.id}: ${metric}`).toBeCloseTo(value ?? Number.NaN, 6);
      }
    });
  }
});
