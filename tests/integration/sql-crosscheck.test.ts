// Independent cross-check: the SQL version of the rules (cli/sql, written from POLICY.md) in DuckDB-wasm and the
// TypeScript kernel must give the same caseload, persons and cost by programme on demo data, expected-value mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, demoToEngineArrays } from '../../datasets/index.ts';
import { BASELINE_SCENARIO, M, METRIC_COUNT, parseScenario, resolveScenario, simulateYear } from '../../sim/index.ts';
import type { HouseholdArrays, RegionArrays, Scenario, SumMetricId, YearResult } from '../../sim/index.ts';
import { DEMO_SEED } from '../../cli/commands/generate.ts';
import type { WasmDuckDb } from '../../cli/duckdb/wasm-node.ts';
import { openSharedWasmDuckDb } from '../fixtures/data/shared-wasm.ts';
import { sqlParamsFromResolved } from '../../cli/sql/params-from-engine.ts';
import { assessedHouseholds } from '../../cli/sql/sql-tables.ts';
import type { SqlProgrammeTotals } from '../../cli/sql/run-rules.ts';
import { cellTotalsWasm, loadIntoWasm, orphanTotalsWasm, programmeTotalsWasm } from '../../cli/sql/run-rules.ts';

const PROGRAMMES = ['dibao', 'tekun', 'marginal', 'rigid'] as const;
const COMPONENTS = [
  ['cost.base', 'dibao_base'],
  ['cost.supplements', 'dibao_supplements'],
  ['cost.tekunLiving', 'tekun_living'],
  ['cost.tekunCare', 'tekun_care'],
  ['cost.marginalSpecial', 'marginal_special'],
  ['cost.rigidSpecial', 'rigid_special'],
] as const;
const REL = 1e-9;
/**
 * Households of the generated demo compared: a tenth of the shipped demo, from the same generator and seed. Every
 * province × area cell, every programme and both support types of orphans and tekun households are still drawn (the
 * baseline test checks the last), and the SQL is compared row for row, so a larger sample adds time, not coverage.
 */
const HOUSEHOLDS = 20_000;

let households: HouseholdArrays;
let regions: RegionArrays;
let duck: WasmDuckDb;

beforeAll(async () => {
  ({ households, regions } = demoToEngineArrays(generateDemo(HOUSEHOLDS, DEMO_SEED)));
  duck = await openSharedWasmDuckDb();
});
afterAll(() => duck.close());

function scenario(json: unknown): Scenario {
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.messageEn}`).join('; '));
  return parsed.scenario;
}

function national(year: YearResult, id: SumMetricId): number {
  let sum = 0;
  for (let c = 0; c < regions.count * 2; c++) sum += year.cells[c * METRIC_COUNT + M[id]];
  return sum;
}

function expectClose(kernel: number, sql: number, what: string): void {
  const scale = Math.max(1, Math.abs(kernel), Math.abs(sql));
  expect(Math.abs(kernel - sql) / scale, `${what}: kernel ${kernel} vs SQL ${sql}`).toBeLessThan(REL);
}

function compare(s: Scenario, programmes: readonly (typeof PROGRAMMES)[number][]): SqlProgrammeTotals[] {
  const resolved = resolveScenario(s, regions);
  const year = simulateYear(households, regions, resolved, { householdColumns: false });
  loadIntoWasm(duck, assessedHouseholds(households, resolved), regions, resolved.standard);
  const params = sqlParamsFromResolved(resolved);
  const sql = programmeTotalsWasm(duck, params);
  for (const name of programmes) {
    const code = PROGRAMMES.indexOf(name) + 1;
    const row = sql.find((r) => r.programme === code);
    expect(row, `SQL has no ${name} row`).toBeDefined();
    expectClose(national(year, `households.${name}`), row?.households ?? 0, `${name} households`);
    expectClose(national(year, `persons.${name}`), row?.persons ?? 0, `${name} persons`);
  }
  // The orphan allowance is paid whatever the programme: compared on its own, nationally and inside each cell's cost.
  const orphans = orphanTotalsWasm(duck, params);
  expectClose(national(year, 'orphans.persons'), orphans.orphans, 'orphans');
  expectClose(national(year, 'cost.orphanAllowance'), orphans.allowance, 'orphan allowance');
  if (programmes.length === PROGRAMMES.length) {
    for (const [metric, column] of COMPONENTS) {
      expectClose(
        national(year, metric),
        sql.reduce((sum, r) => sum + r.cost[column], 0),
        metric,
      );
    }
    const cells = cellTotalsWasm(duck, params);
    // Every province × area cell of the sample is compared (urban and rural everywhere).
    expect(new Set(cells.map((c) => c.cell)).size).toBe(regions.count * 2);
    for (const cell of cells) {
      for (const name of PROGRAMMES) {
        const code = PROGRAMMES.indexOf(name) + 1;
        const kernel = year.cells[cell.cell * METRIC_COUNT + M[`households.${name}`]];
        expectClose(kernel, cell.households[code], `cell ${cell.cell} ${name} households`);
      }
      const kernelCost = COMPONENTS.reduce(
        (sum, [metric]) => sum + year.cells[cell.cell * METRIC_COUNT + M[metric]],
        year.cells[cell.cell * METRIC_COUNT + M['cost.orphanAllowance']],
      );
      expectClose(kernelCost, cell.cost, `cell ${cell.cell} cost`);
      expect(cell.sample).toBeLessThanOrEqual(year.cells[cell.cell * METRIC_COUNT + M['sample']]);
    }
  } else {
    for (const [metric, column] of COMPONENTS.slice(0, 4)) {
      expectClose(
        national(year, metric),
        sql.reduce((sum, r) => sum + r.cost[column], 0),
        metric,
      );
    }
  }
  return sql;
}

/** The baseline comparison, made once (its SQL totals are the reference of the residence-rule test too). */
let baseline: SqlProgrammeTotals[] | undefined;
const baselineSql = (): SqlProgrammeTotals[] => (baseline ??= compare(BASELINE_SCENARIO, PROGRAMMES));

describe('SQL rules vs kernel (expected value, demo data)', () => {
  it('agree on the baseline: caseload, persons and cost by programme, nationally and per region cell', () => {
    const sql = baselineSql();
    expect(sql.find((r) => r.programme === 1)?.households ?? 0).toBeGreaterThan(0);
    // The demo has orphans in both support types and tekun households of both support types, so the cross-check
    // exercises the orphan allowance and the per-household care shares, not only the fallback blend.
    const types = new Set<string>();
    for (let i = 0; i < households.count; i++) {
      if (households.orphans[i] > 0) types.add(`orphan-${households.supportType[i]}`);
      if (households.programme[i] === 2) types.add(`tekun-${households.supportType[i]}`);
    }
    expect([...types].sort()).toEqual(['orphan-1', 'orphan-2', 'tekun-1', 'tekun-2']);
    expect(
      national(simulateYear(households, regions, resolveScenario(BASELINE_SCENARIO, regions)), 'orphans.persons'),
    ).toBeGreaterThan(0);
  });

  it('agree with the orphan allowance and one-off subsidies raised and support types blended differently', () => {
    compare(
      scenario({
        schemaVersion: 1,
        name: 'orphans',
        params: {
          orphan: { allowanceInstitutional: 1900, allowanceDispersed: 1400 },
          oneOff: { orphanAmount: 1000, tekunAmount: 500, dibaoAmount: 300 },
          tekun: { centralisedShare: 0.9, careFullCentralised: 0.6 },
        },
      }),
      PROGRAMMES,
    );
  });

  it('agree on a reform moving standards, asset test, supplements, minimum benefit, special costs and take-up', () => {
    compare(
      scenario({
        schemaVersion: 1,
        name: 'cross-check reform',
        params: {
          standard: { scalePct: 12 },
          dibao: {
            assetMonths: 36,
            carTest: false,
            minBenefitShare: 0.1,
            suppElderly: 0.2,
            suppChildren: 0.1,
            suppDisabled: 0.3,
            suppIll: 0.15,
          },
          tekun: { livingMultiplier: 1.5, centralisedShare: 0.4 },
          marginal: { multiplier: 2, specialCostPc: 1200 },
          rigid: { ratio: 0.6, specialCostPc: 2000, incomeMultiplier: 1.2 },
          takeup: { monitored: 0.9, unmonitored: 0.5 },
        },
      }),
      PROGRAMMES,
    );
  });

  it('agree when non-local hukou households cannot be assessed where they live (residence rule off)', () => {
    const off = compare(
      scenario({ schemaVersion: 1, name: 'hukou', params: { dibao: { nonLocalHukouEligible: false } } }),
      PROGRAMMES,
    );
    // The demo has non-local households on dibao: the rule removes some, so the SQL dibao caseload falls too.
    const on = baselineSql();
    const dibao = (rows: SqlProgrammeTotals[]) => rows.find((r) => r.programme === 1)?.households ?? 0;
    expect(dibao(off)).toBeLessThan(dibao(on));
  });

  it('agree on every programme with an earnings disregard (it counts for dibao only)', () => {
    compare(scenario({ schemaVersion: 1, name: 'disregard', params: { dibao: { disregardShare: 0.3 } } }), PROGRAMMES);
  });
});
