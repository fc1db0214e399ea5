// The optimised kernel against the previous implementation (sim/testing/reference-kernel.ts) on generated data with
// random per-cell parameters: every aggregate, every household column and the carried state must be equal bit for bit.
import { describe, expect, it } from 'vitest';
import type { HouseholdArrays } from '../model/households.ts';
import { PARAM_CATALOGUE } from '../params/catalogue.ts';
import type { RegionalParamId } from '../params/catalogue.ts';
import { resolveScenario } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { SHARDING_SCENARIO } from '../testing/scenarios.ts';
import { referenceSimulateYear } from '../testing/reference-kernel.ts';
import { syntheticHouseholds, syntheticRegions } from '../testing/synthetic.ts';
import { incomeDeciles } from './deciles.ts';
import { KernelPrep } from './prep.ts';
import { simulateYear } from './simulate-year.ts';
import type { HouseholdResult, HouseholdState, ResolvedParams, SimOptions, YearResult } from './types.ts';

/** A small deterministic generator (mulberry32), so a failure names a reproducible case. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const regions = syntheticRegions(6, 11);
const REGIONAL = PARAM_CATALOGUE.filter((p) => p.regional);

/** The resolved parameters of `scenario` with a random share of regional parameters drawn per cell in their range. */
function randomParams(scenario: Scenario, u: () => number, yearIndex: number): ResolvedParams {
  const p = resolveScenario(scenario, regions, { yearIndex });
  const cells = regions.count * 2;
  const cell = { ...p.cell };
  for (const def of REGIONAL) {
    if (u() > 0.35) continue;
    const id = def.id as RegionalParamId;
    const a = new Float64Array(cells);
    for (let c = 0; c < cells; c++) {
      const v = def.min + u() * (def.max - def.min);
      a[c] = u() < 0.3 ? p.cell[id][c] : def.step >= 1 ? Math.round(v) : v;
    }
    cell[id] = a;
  }
  const scale = (x: Float64Array, lo: number, hi: number) => x.map((v) => v * (lo + u() * (hi - lo)));
  return {
    ...p,
    cell,
    standard: u() < 0.5 ? scale(p.standard, 0.6, 1.6) : p.standard,
    incomeFactor: u() < 0.5 ? scale(p.incomeFactor, 0.8, 1.3) : p.incomeFactor,
    populationFactor: u() < 0.5 ? scale(p.populationFactor, 0.5, 2) : p.populationFactor,
    scalars: {
      ...p.scalars,
      'projection.incomeShockSd': u() < 0.5 ? u() * 0.4 : p.scalars['projection.incomeShockSd'],
      'projection.incomePersistence': u(),
    },
  };
}

/** A random carried status (as a previous projection year would leave it). */
function randomState(n: number, u: () => number): HouseholdState {
  const s: HouseholdState = {
    programme: new Uint8Array(n),
    enrol: new Float64Array(n),
    gradualExit: new Uint8Array(n),
    shock: new Float32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const r = u();
    s.programme[i] = r < 0.6 ? 0 : Math.floor(1 + u() * 4);
    s.enrol[i] = s.programme[i] === 0 ? 0 : u() < 0.3 ? 1 : u();
    s.gradualExit[i] = s.programme[i] === 1 && u() < 0.1 ? 1 : 0;
    s.shock[i] = (u() - 0.5) * 0.6;
  }
  return s;
}

type Numbers = ArrayLike<number>;

/** '' when `a` and `b` hold the same numbers (Object.is: -0 and 0 differ, NaN equals NaN), else the first difference. */
function difference(a: Numbers, b: Numbers): string {
  if (a.length !== b.length) return `length ${a.length} ≠ ${b.length}`;
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) return `[${k}] ${a[k]} ≠ ${b[k]}`;
  return '';
}

function expectSameNumbers(a: Numbers, b: Numbers, label: string): void {
  expect(difference(a, b), label).toBe('');
}

function expectSameColumns(a: HouseholdResult | undefined, b: HouseholdResult | undefined, label: string): void {
  expect(a === undefined, label).toBe(b === undefined);
  if (a === undefined || b === undefined) return;
  for (const key of ['status', 'flags', 'enrol', 'entrant', 'leaver', 'gradualExit', 'tempEvents', 'total'] as const) {
    expectSameNumbers(a[key], b[key], `${label} ${key}`);
  }
  for (const key of Object.keys(b.benefit) as (keyof HouseholdResult['benefit'])[]) {
    expectSameNumbers(a.benefit[key], b.benefit[key], `${label} benefit.${key}`);
  }
}

function expectSame(a: YearResult, b: YearResult, label: string): void {
  expectSameNumbers(a.cells, b.cells, `${label} cells`);
  expectSameNumbers(a.deciles, b.deciles, `${label} deciles`);
  expectSameColumns(a.households, b.households, label);
  expect(a.nextState === undefined, `${label} nextState`).toBe(b.nextState === undefined);
  if (a.nextState && b.nextState) {
    expectSameNumbers(a.nextState.programme, b.nextState.programme, `${label} next programme`);
    expectSameNumbers(a.nextState.enrol, b.nextState.enrol, `${label} next enrol`);
    expectSameNumbers(a.nextState.gradualExit, b.nextState.gradualExit, `${label} next gradualExit`);
    expectSameNumbers(a.nextState.shock, b.nextState.shock, `${label} next shock`);
  }
}

const scenarios: Scenario[] = [
  { schemaVersion: 1, name: 'base' },
  SHARDING_SCENARIO,
  { schemaVersion: 1, name: 'raised', params: { standard: { scalePct: 25 }, monitoring: { targetShare: 0.3 } } },
];

describe('optimised kernel equals the reference kernel', { timeout: 120_000 }, () => {
  const datasets: [string, HouseholdArrays][] = [
    ['low incomes', syntheticHouseholds(6000, regions, 3, 0.6)],
    ['realistic tail', syntheticHouseholds(6000, regions, 4, 0.1)],
  ];
  for (const [name, h] of datasets) {
    const decile = incomeDeciles(h);
    const prep = new KernelPrep(h);
    const prepNormals = new KernelPrep(h, { keepNormals: true });
    for (let k = 0; k < 12; k++) {
      it(`${name}, random case ${k}`, () => {
        const u = rng(1000 * k + h.count + (name === 'low incomes' ? 1 : 2));
        const scenario = scenarios[k % scenarios.length];
        const carried = u() < 0.5;
        const yearIndex = carried ? 1 + Math.floor(u() * 4) : 0;
        const params = randomParams(scenario, u, yearIndex);
        const options: SimOptions = {
          mode: u() < 0.4 ? 'mc' : 'ev',
          seed: Math.floor(u() * 1e6),
          replication: Math.floor(u() * 50),
          rowOffset: u() < 0.5 ? 0 : Math.floor(u() * 1e5),
          householdColumns: u() < 0.7,
          fastPath: u() < 0.8,
          carryState: u() < 0.6,
          ...(carried ? { state: randomState(h.count, u) } : {}),
          ...(u() < 0.3 ? { weightFactor: Float64Array.from({ length: h.count }, () => 0.2 + 2 * u()) } : {}),
          ...(u() < 0.5 ? { decile } : {}),
        };
        const expected = referenceSimulateYear(h, regions, params, options);
        expectSame(simulateYear(h, regions, params, options), expected, 'no prep');
        // With the dataset's precomputed quantities, twice (the second call reuses the cached factors).
        expectSame(
          simulateYear(h, regions, params, { ...options, assessed: prep.assessedFactors(params) }),
          expected,
          'prep',
        );
        expectSame(
          simulateYear(h, regions, params, { ...options, assessed: prep.assessedFactors(params) }),
          expected,
          'prep again',
        );
        // Factors recomputed from the kept assessment normals (as Monte Carlo replications do).
        expectSame(
          simulateYear(h, regions, params, { ...options, assessed: prepNormals.assessedFactors(params) }),
          expected,
          'prep from normals',
        );
      });
    }
  }
});
