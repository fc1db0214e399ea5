// Multi-year projection (POLICY.md §3.3): each year a full simulation, status carried forward, growth and phase-ins.
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import { incomeDeciles } from '../kernel/deciles.ts';
import { simulateYear } from '../kernel/simulate-year.ts';
import type { HouseholdState, YearResult } from '../kernel/types.ts';
import { resolveScenario } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';

/** Options of `project`. */
export interface ProjectOptions {
  /** Override the scenario's projection length (years after the start year). */
  years?: number;
  mode?: 'ev' | 'mc';
  seed?: number;
  replication?: number;
  /** Keep per-household columns for every year (default false: aggregates only, much less memory). */
  householdColumns?: boolean;
  /** Pre-computed deciles (from `incomeDeciles`); computed once if omitted. */
  decile?: Uint8Array;
}

/** A panel: one YearResult per year, start … start + years. */
export interface ProjectionResult {
  scenarioName: string;
  startYear: number;
  years: YearResult[];
}

/** Run the scenario for every projection year, carrying each household's status into the next year. */
export function project(
  households: HouseholdArrays,
  regions: RegionArrays,
  scenario: Scenario,
  options: ProjectOptions = {},
): ProjectionResult {
  const n = options.years ?? scenario.projection?.years ?? 0;
  const decile = options.decile ?? incomeDeciles(households);
  const mode = options.mode ?? scenario.monteCarlo?.mode ?? 'ev';
  const seed = options.seed ?? scenario.monteCarlo?.seed ?? 0;
  const years: YearResult[] = [];
  let state: HouseholdState | undefined;
  const count = households.count;
  const buffers: HouseholdState[] = [0, 1].map(() => ({
    programme: new Uint8Array(count),
    enrol: new Float64Array(count),
    gradualExit: new Uint8Array(count),
  }));
  for (let t = 0; t <= n; t++) {
    const params = resolveScenario(scenario, regions, { yearIndex: t });
    const result = simulateYear(households, regions, params, {
      mode,
      seed,
      replication: options.replication ?? 0,
      householdColumns: options.householdColumns ?? false,
      decile,
      state,
      carryState: t < n,
      stateInto: buffers[t % 2],
    });
    state = result.nextState;
    // The state buffers are reused across years, so results do not keep them.
    const { nextState: _carried, ...kept } = result;
    years.push(kept);
  }
  return { scenarioName: scenario.name, startYear: scenario.projection?.startYear ?? 2024, years };
}
