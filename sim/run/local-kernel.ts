// The kernel in this thread: a year and a projection over all rows as one shard, driven synchronously through the
// same steps as the sharded kernel (sim/parallel), so both give the same bits. `project()` and the hosts' in-thread
// paths use it; the sharded kernel is the same interface awaited over workers.
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import { incomeDeciles } from '../kernel/deciles.ts';
import type { ResolvedParams, YearResult } from '../kernel/types.ts';
import { BLOCK_ROWS } from '../parallel/blocks.ts';
import { KernelShard } from '../parallel/kernel-shard.ts';
import { driveSync, projectionSteps, yearSteps } from '../parallel/run-steps.ts';
import type { ProjectionResult } from '../parallel/run-steps.ts';
import type { ParamShift } from '../params/shift.ts';
import type { Scenario } from '../scenario/types.ts';
import { drawSettings, runOptions } from './options.ts';
import type { DrawSettings } from './options.ts';

/**
 * Options of a projection: its span (default the scenario's), how it draws (default the scenario's) and a Monte Carlo
 * replication's parameter shifts (default none).
 */
export type ProjectRunOptions = Partial<DrawSettings> & { years?: number; shifts?: readonly ParamShift[] };

/** What a run needs from a kernel: a year from the dataset's status and a projection (sync or awaited). */
export interface RunKernel {
  readonly regions: RegionArrays;
  year(params: ResolvedParams, options?: Partial<DrawSettings>): YearResult | Promise<YearResult>;
  project(scenario: Scenario, options?: ProjectRunOptions): ProjectionResult | Promise<ProjectionResult>;
}

/** Options of a local kernel. */
export interface LocalKernelOptions {
  /** Pre-computed deciles (from `incomeDeciles`); computed once if omitted. */
  decile?: Uint8Array;
  /** Rows per block (default BLOCK_ROWS); the bits equal a sharded kernel's with the same blocks. */
  blockRows?: number;
  /** Per-row weight factors read at every year run (bootstrap weights; refill between projections). Default none. */
  weightFactor?: Float64Array;
}

/** A year and a projection in this thread, over one shard holding every row. */
export class LocalKernel implements RunKernel {
  readonly regions: RegionArrays;
  private readonly shard: KernelShard;

  constructor(households: HouseholdArrays, regions: RegionArrays, options: LocalKernelOptions = {}) {
    this.regions = regions;
    this.shard = new KernelShard({
      households,
      regions,
      decile: options.decile ?? incomeDeciles(households),
      rowOffset: 0,
      blockRows: options.blockRows ?? BLOCK_ROWS,
      weightFactor: options.weightFactor,
    });
  }

  /** One year from the dataset's status: `simulateYear` aggregates (expected values unless told). */
  year(params: ResolvedParams, options: Partial<DrawSettings> = {}): YearResult {
    const steps = yearSteps(params, this.regions, drawSettings(undefined, options), 'dataset', false);
    return driveSync(steps, (request) => [this.shard.run(request)]);
  }

  /** Every projection year, each household's status carried into the next. */
  project(scenario: Scenario, options: ProjectRunOptions = {}): ProjectionResult {
    const years = options.years ?? runOptions(scenario).years;
    const steps = projectionSteps(scenario, this.regions, drawSettings(scenario, options), years, options.shifts);
    return driveSync(steps, (request) => [this.shard.run(request)]);
  }
}
