// Multi-year projection (POLICY.md §3.3): each year a full simulation, status carried forward, growth and phase-ins.
// In-process and synchronous; the same steps as the sharded kernel's (sim/parallel), so both give identical results.
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import { incomeDeciles } from '../kernel/deciles.ts';
import { KernelShard } from '../parallel/kernel-shard.ts';
import { driveSync, projectionSteps } from '../parallel/run-steps.ts';
import type { ProjectionResult } from '../parallel/run-steps.ts';
import type { Scenario } from '../scenario/types.ts';

export type { ProjectionResult } from '../parallel/run-steps.ts';

/** Options of `project`. */
export interface ProjectOptions {
  /** Override the scenario's projection length (years after the start year). */
  years?: number;
  mode?: 'ev' | 'mc';
  seed?: number;
  replication?: number;
  /** Pre-computed deciles (from `incomeDeciles`); computed once if omitted. */
  decile?: Uint8Array;
}

/** Run the scenario for every projection year (aggregates only), carrying each household's status into the next. */
export function project(
  households: HouseholdArrays,
  regions: RegionArrays,
  scenario: Scenario,
  options: ProjectOptions = {},
): ProjectionResult {
  const shard = new KernelShard({
    households,
    regions,
    decile: options.decile ?? incomeDeciles(households),
    rowOffset: 0,
  });
  const run = {
    mode: options.mode ?? scenario.monteCarlo?.mode ?? 'ev',
    seed: options.seed ?? scenario.monteCarlo?.seed ?? 0,
    replication: options.replication ?? 0,
  };
  const years = options.years ?? scenario.projection?.years ?? 0;
  return driveSync(projectionSteps(scenario, regions, run, years), (request) => [shard.run(request)]);
}
