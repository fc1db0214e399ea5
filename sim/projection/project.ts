// Multi-year projection (POLICY.md §3.3): each year a full simulation, status carried forward, growth and phase-ins.
// In-process and synchronous: the local kernel (sim/run), the same steps as the sharded kernel's, so both give
// identical results.
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import type { ProjectionResult } from '../parallel/run-steps.ts';
import { LocalKernel } from '../run/local-kernel.ts';
import type { ProjectRunOptions } from '../run/local-kernel.ts';
import type { Scenario } from '../scenario/types.ts';

export type { ProjectionResult } from '../parallel/run-steps.ts';

/** Options of `project`: span, mode, seed, replication (defaults: the scenario's), and pre-computed deciles. */
export type ProjectOptions = ProjectRunOptions & {
  /** Pre-computed deciles (from `incomeDeciles`); computed once if omitted. */
  decile?: Uint8Array;
};

/** Run the scenario for every projection year (aggregates only), carrying each household's status into the next. */
export function project(
  households: HouseholdArrays,
  regions: RegionArrays,
  scenario: Scenario,
  options: ProjectOptions = {},
): ProjectionResult {
  const { decile, ...run } = options;
  return new LocalKernel(households, regions, { decile }).project(scenario, run);
}
