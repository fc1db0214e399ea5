// Runs every golden case in sim/golden/*.json: household inputs + scenario patch → expected amounts, hand-computed
// from POLICY.md (each case carries its arithmetic). Every component not listed is expected to be 0.
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

interface GoldenCase {
  id: string;
  arithmetic: string;
  household: Partial<HouseholdRecord>;
  scenario?: Record<string, unknown>;
  expect: {
    status: string;
    enrol: number;
    entrant?: number;
    leaver?: number;
    gradualExit?: number;
    tempEvents?: number;
    components: Record<string, number>;
    metrics?: Partial<Record<SumMetricId, number>>;
  };
}

const dir = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const cases: GoldenCase[] = files.flatMap(
  (f) => (JSON.parse(readFileSync(dir + f, 'utf8')) as { cases: GoldenCase[] }).cases,
);

const record = testRecord;

/** The case's scenario over a golden base that switches off background medical and other shocks (so amounts stay exact). */
function scenarioOf(c: GoldenCase): Scenario {
  const patch = c.scenario ?? {};
  const params = (patch.params ?? {}) as Record<string, Record<string, unknown>>;
  const temporary = { medicalBaseProb: 0, medicalSlope: 0, otherProb: 0, ...(params.temporary ?? {}) };
  // The rules are checked on exact incomes: the assessed-income error model is off unless a case sets it.
  const takeup = { assessedBias: 0, assessedNoise: 0, ...(params.takeup ?? {}) };
  const parsed = parseScenario({ schemaVersion: 1, name: c.id, ...patch, params: { ...params, temporary, takeup } });
  if (!parsed.ok) throw new Error(`${c.id}: ${JSON.stringify(parsed.errors)}`);
  return parsed.scenario;
}

describe('golden cases', () => {
  it('has at least 40 cases with unique ids and stated arithmetic', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) expect(c.arithmetic.length).toBeGreaterThan(10);
  });

  for (const c of cases) {
    it(c.id, () => {
      const rec = record(c.household);
      const scenario = scenarioOf(c);
      const trace = traceHousehold(rec, scenario, scenario).reform;
      expect(trace.status).toBe(c.expect.status);
      expect(trace.enrol).toBeCloseTo(c.expect.enrol, 9);
      for (const id of COMPONENT_IDS) {
        expect(trace.components[id], `${c.id}: ${id}`).toBeCloseTo(c.expect.components[id] ?? 0, 6);
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
      if (c.expect.entrant !== undefined) expect(cols.entrant[0]).toBeCloseTo(c.expect.entrant, 9);
      if (c.expect.leaver !== undefined) expect(cols.leaver[0]).toBeCloseTo(c.expect.leaver, 9);
      if (c.expect.gradualExit !== undefined) expect(cols.gradualExit[0]).toBeCloseTo(c.expect.gradualExit, 9);
      if (c.expect.tempEvents !== undefined) expect(cols.tempEvents[0]).toBeCloseTo(c.expect.tempEvents, 9);
      const table = aggregate(year, regions, 'national');
      for (const [metric, value] of Object.entries(c.expect.metrics ?? {})) {
        expect(table.values[metric as SumMetricId][AREA_ALL], `${c.id}: ${metric}`).toBeCloseTo(value, 6);
      }
    });
  }
});
